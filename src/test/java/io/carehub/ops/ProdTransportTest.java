package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.carehub.CarehubApplication;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.WebhookPayload;
import io.carehub.WebhookSignature;
import io.netty.handler.ssl.SslHandler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnection;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * R48 end to end, without Docker: the hub on the prod profile against a PostgreSQL that serves TLS with the
 * development certificates and is initialised with the compose stack's roles.sql, and against an Artemis broker with
 * the production TLS acceptor and security-settings. The hub connects over TLS with the certificate and host name
 * verified, migrates as the owner, works as the DML-only role, and serves HTTPS on its port and its management port.
 */
class ProdTransportTest {

    private static final String OWNER = "carehub_owner";
    private static final String APP = "carehub";
    /** R33: the erasure ledger's database and accounts, as docker-compose.yml names them. */
    private static final String LEDGER = "carehub_ledger";

    private static final String LEDGER_OWNER = "carehub_ledger_owner";
    private static final String LEDGER_APP = "carehub_ledger";
    private static final String VERIFY_TOKEN = "prod-transport-verify-token";

    @TempDir
    static Path directory;

    private static DevCertificates certs;
    private static EmbeddedPostgres postgres;
    private static TlsBroker broker;
    private static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startTheStack() throws Exception {
        certs = DevCertificates.make(directory.resolve("certs"));
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.file("postgres.crt").toString())
                .setServerConfig("ssl_key_file", certs.file("postgres.key").toString())
                .start();
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute("create database carehub");
        }
        try (Connection superuser = postgres.getDatabase("postgres", "carehub").getConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute(rolesSql("carehub", OWNER, APP));
        }
        // as init-roles.sh: the erasure ledger's own database, the same roles.sql with the ledger's accounts
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute("create database " + LEDGER);
        }
        try (Connection superuser = postgres.getDatabase("postgres", LEDGER).getConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute(rolesSql(LEDGER, LEDGER_OWNER, LEDGER_APP));
        }
        broker = TlsBroker.start(certs, directory.resolve("broker"));
        hub = startHub(prodProperties(databaseUrl("localhost", certs)));
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void hubTalksToPostgresqlOverTlsAsItsDmlOnlyRole() throws Exception {
        try (Connection connection = hub.getBean(DataSource.class).getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select current_user, ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(APP);
            assertThat(row.getBoolean(2)).as("TLS").isTrue();
        }
        // every connection of the hub's roles, the pool's and Flyway's
        assertThat(superuserStrings("select distinct s.ssl::text from pg_stat_ssl s join pg_stat_activity a using (pid)"
                        + " where a.usename in ('" + APP + "', '" + OWNER + "')"))
                .containsExactly("true");
    }

    @Test
    void migrationsRanAsTheOwnerWhoOwnsEveryTable() throws Exception {
        assertThat(superuserStrings("select distinct installed_by from flyway_schema_history"))
                .containsExactly(OWNER);
        assertThat(superuserStrings("select distinct tableowner from pg_tables where schemaname = 'public'"))
                .containsExactly(OWNER);
    }

    @Test
    void hubRoleReadsAndWritesRowsButCannotChangeTheSchema() throws Exception {
        try (Connection connection = hub.getBean(DataSource.class).getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("select count(*) from message").close();
                statement.executeUpdate("update message set text_body = text_body where id < 0");
                statement.executeUpdate("delete from rejected_update where id < 0");
            }
            for (String ddl : List.of(
                    "create table intruder (id int)",
                    "create temporary table intruder (id int)",
                    "drop table message",
                    "truncate message",
                    "alter table message add column intruder int",
                    "create index intruder on message (type)",
                    "create function intruder() returns int language sql as 'select 1'")) {
                try (Statement statement = connection.createStatement()) {
                    assertThatThrownBy(() -> statement.execute(ddl))
                            .as(ddl)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                                    .as("%s: insufficient privilege", ddl)
                                    .isEqualTo("42501"));
                }
            }
        }
        assertThat(superuserStrings("select count(*)::text from message")).isNotEmpty();
    }

    @Test
    void hubTalksToTheBrokerOverTlsWithTheHubAccountOnly() {
        ActiveMQServer server = broker.embedded().getActiveMQServer();
        List<RemotingConnection> connections =
                new ArrayList<>(server.getRemotingService().getConnections());
        assertThat(connections).isNotEmpty().allSatisfy(connection -> {
            assertThat(connection.getTransportConnection()).isInstanceOf(NettyConnection.class);
            assertThat(((NettyConnection) connection.getTransportConnection())
                            .getChannel()
                            .pipeline()
                            .get(SslHandler.class))
                    .as("TLS handler on the broker's side of the hub's connection")
                    .isNotNull();
        });
        assertThat(server.getSessions())
                .isNotEmpty()
                .extracting(ServerSession::getUsername)
                .containsOnly(APP);
    }

    @Test
    void webhookOverHttpsIsDocumentedThroughTheTlsBrokerAndDatabase() throws Exception {
        String wamid = "wamid.prod-transport-" + System.nanoTime();
        byte[] body = WebhookPayload.update()
                .contact("4915100000481", "Transport Test")
                .text("4915100000481", wamid, 1_767_000_000L, "Hallo über TLS")
                .bytes();
        HttpResponse<String> response = https().send(
                        HttpRequest.newBuilder(URI.create(
                                        "https://localhost:" + port("local.server.port") + "/webhooks/whatsapp"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "X-Hub-Signature-256",
                                        "sha256=" + WebhookSignature.hex(HubTest.APP_SECRET, body))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                superuserStrings("select count(*)::text from message where wamid = '" + wamid + "'"))
                        .containsExactly("1"));
    }

    @Test
    void servesHttpsOnItsPortAndOnTheManagementPort() throws Exception {
        HttpResponse<String> handshake = https().send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port("local.server.port")
                                        + "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                                        + "&hub.challenge=4711"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(handshake.statusCode()).isEqualTo(200);
        assertThat(handshake.body()).isEqualTo("4711");

        int management = port("local.management.port");
        assertThat(management).isNotEqualTo(port("local.server.port"));
        HttpResponse<String> health = https().send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + management + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        // Prometheus scrapes the unpublished management port without a token; anything else there needs ops
        assertThat(httpsGet(management, "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(httpsGet(management, "/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(httpsGet(port("local.server.port"), "/actuator/prometheus").statusCode())
                .isEqualTo(401);
    }

    @Test
    void opsReadsOfTheManagementPortAreInTheAccessLog() throws Exception {
        int management = port("local.management.port");
        String ops = IdentityProvider.token("ops-management-reader", List.of("ops"), null);
        for (String path : List.of("/actuator/metrics", "/actuator/health")) {
            HttpResponse<String> read = https().send(
                            HttpRequest.newBuilder(URI.create("https://localhost:" + management + path))
                                    .header("Authorization", "Bearer " + ops)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(httpsGet(management, "/actuator/prometheus").statusCode()).isEqualTo(200);

        // R47: who, role, what; the tokenless scrape names nobody and is not logged
        assertThat(superuserStrings("select role || ' ' || action || ' ' || target from access_log"
                        + " where user_id = 'ops-management-reader' order by id"))
                .containsExactly(
                        "ops MANAGEMENT_READ GET /actuator/metrics", "ops MANAGEMENT_READ GET /actuator/health");
    }

    private static HttpResponse<String> httpsGet(int port, String path) throws Exception {
        return https().send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jdbcRefusesAServerCertificateThatDoesNotNameTheHostDialled() {
        // the certificate names localhost and postgres, not the address 127.0.0.1
        assertThatThrownBy(() -> DriverManager.getConnection(databaseUrl("127.0.0.1", certs), APP, password(APP))
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void jdbcRefusesAServerCertificateFromAnotherCa() throws Exception {
        DevCertificates other = DevCertificates.make(directory.resolve("other-ca"));

        assertThatThrownBy(() -> DriverManager.getConnection(databaseUrl("localhost", other), APP, password(APP))
                        .close())
                .isInstanceOf(SQLException.class);
    }

    /**
     * R33/R48: the erasure ledger's own database, set up as the compose stack does: migrated by its owner, written
     * over verified TLS by its DML-only account, which cannot change the schema nor reach the main database.
     */
    @Test
    void erasureLedgerIsMigratedByItsOwnerAndWrittenOverTlsByItsDmlOnlyAccount() throws Exception {
        assertThat(superuserStrings(LEDGER, "select distinct installed_by from flyway_schema_history"))
                .containsExactly(LEDGER_OWNER);
        assertThat(superuserStrings(LEDGER, "select distinct tableowner from pg_tables where schemaname = 'public'"))
                .containsExactly(LEDGER_OWNER);
        hub.getBean(io.carehub.erasure.ErasureLedger.class)
                .record(List.of(new byte[] {1, 2, 3, (byte) System.nanoTime()}), "TEST");
        assertThat(superuserStrings(
                        LEDGER,
                        "select distinct s.ssl::text || ' ' || a.usename from pg_stat_ssl s join pg_stat_activity a"
                                + " using (pid) where a.datname = '" + LEDGER + "' and a.usename <> 'postgres'"))
                .containsExactly("true " + LEDGER_APP);
        String ledgerUrl = databaseUrl("localhost", certs).replace("/carehub?", "/" + LEDGER + "?");
        try (Connection connection = DriverManager.getConnection(ledgerUrl, LEDGER_APP, password(LEDGER_APP));
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("create table intruder (id int)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
        assertThatThrownBy(() -> DriverManager.getConnection(
                                databaseUrl("localhost", certs), LEDGER_APP, password(LEDGER_APP))
                        .close())
                .as("the ledger's account cannot connect to the main database")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(ledgerUrl, APP, password(APP))
                        .close())
                .as("the hub's main account cannot connect to the ledger")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void prodProfileRefusesToStartWithoutVerifyFull() {
        Map<String, Object> properties =
                prodProperties("jdbc:postgresql://localhost:" + postgres.getPort() + "/carehub?sslmode=require");
        properties.put("server.port", "0");

        assertThatThrownBy(() -> startHub(properties).close()).hasMessageContaining("sslmode=verify-full");
    }

    /** The hub on the prod profile; the properties as command-line arguments, above application.yml's. */
    private static ConfigurableApplicationContext startHub(Map<String, Object> properties) {
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CarehubApplication.class)
                .profiles("prod")
                .run(arguments);
    }

    /** The compose stack's roles.sql with its psql variables set, as init-roles.sh runs it. */
    private static String rolesSql(String database, String owner, String app) throws Exception {
        Map<String, String> variables = Map.of(
                "database",
                database,
                "owner",
                owner,
                "owner_password",
                password(owner),
                "app",
                app,
                "app_password",
                password(app));
        String sql = Files.readString(DevCertificates.repositoryRoot().resolve("src/main/docker/postgres/roles.sql"));
        Matcher variable = Pattern.compile(":([\"'])(\\w+)\\1").matcher(sql);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String value = variables.get(variable.group(2));
            assertThat(value).as("psql variable %s", variable.group(2)).isNotNull();
            String quote = variable.group(1);
            variable.appendReplacement(
                    result, Matcher.quoteReplacement(quote + value.replace(quote, quote + quote) + quote));
        }
        return variable.appendTail(result).toString();
    }

    private static Map<String, Object> prodProperties(String databaseUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("carehub.data-dir", directory.resolve("hub-data").toString());
        p.put("carehub.whatsapp.app-secret", HubTest.APP_SECRET);
        p.put("carehub.whatsapp.verify-token", VERIFY_TOKEN);
        p.put("carehub.whatsapp.access-token", "prod-transport-access-token");
        p.put("carehub.whatsapp.graph-base-url", "http://localhost:9");
        p.put("carehub.buffer.encryption-key", HubTest.BUFFER_KEY);
        p.put("carehub.buffer.group-key", "prod-transport-group-key");
        p.put("carehub.privacy.vault-key", "cHJvZC10cmFuc3BvcnQtdGVzdC12YXVsdC1rZXktMzI=");
        p.put("carehub.crypto.kek", "cHJvZC10cmFuc3BvcnQtdGVzdC1jcnlwdG8ta2VrLTM=");
        p.put("carehub.crypto.lookup-key", "prod-transport-test-lookup-key");
        p.putAll(IdentityProvider.hubProperties());
        p.put("carehub.dialog.routing.private-customers", "agents");
        p.put("carehub.dialog.routing.business", "agents");
        p.put("carehub.dialog.routing.unknown", "agents");
        p.put("spring.datasource.url", databaseUrl);
        p.put("spring.datasource.username", APP);
        p.put("spring.datasource.password", password(APP));
        p.put("spring.flyway.user", OWNER);
        p.put("spring.flyway.password", password(OWNER));
        p.put("carehub.erasure.ledger.url", databaseUrl("localhost", certs).replace("/carehub?", "/" + LEDGER + "?"));
        p.put("carehub.erasure.ledger.username", LEDGER_APP);
        p.put("carehub.erasure.ledger.password", password(LEDGER_APP));
        p.put("carehub.erasure.ledger.flyway-username", LEDGER_OWNER);
        p.put("carehub.erasure.ledger.flyway-password", password(LEDGER_OWNER));
        p.put("spring.artemis.broker-url", broker.url("localhost", certs));
        p.put("spring.artemis.user", TlsBroker.HUB);
        p.put("spring.artemis.password", TlsBroker.password(TlsBroker.HUB));
        p.put("server.port", "0");
        p.put("management.server.port", "0");
        // as docker-compose.yml passes them
        p.put("CAREHUB_TLS_KEYSTORE", certs.file("hub.p12").toUri().toString());
        p.put("CAREHUB_TLS_KEYSTORE_PASSWORD", certs.password());
        return p;
    }

    private static String databaseUrl(String host, DevCertificates trusted) {
        return "jdbc:postgresql://" + host + ":" + postgres.getPort() + "/carehub?sslmode=verify-full&sslrootcert="
                + trusted.file("ca.crt");
    }

    private static String password(String role) {
        return role + "-database-password";
    }

    private static int port(String name) {
        return Integer.parseInt(hub.getEnvironment().getRequiredProperty(name));
    }

    private static List<String> superuserStrings(String query) throws SQLException {
        return superuserStrings("carehub", query);
    }

    private static List<String> superuserStrings(String database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** An HTTPS client that trusts the development CA only and verifies host names. */
    private static HttpClient https() throws Exception {
        KeyStore truststore = certs.pkcs12("truststore.p12");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(truststore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
