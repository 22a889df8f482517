package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.carehub.buffer.BufferProperties;
import io.carehub.fault.StandaloneArtemis;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * R44: the production stack in docker-compose.yml, checked without a Docker engine (none runs on the
 * build machines, PRODUCT.md §3): the compose file, the files it references and the broker configuration
 * of the Artemis HA pair, which must give the buffer the same semantics as the embedded broker (R10-R13) and sync
 * every commit; the fault suite's standalone broker must match that pair. Never calls the docker CLI.
 */
class DockerComposeFileTest {

    private static final String BROKER_IMAGE = "apache/activemq-artemis:";
    private static final String ETC_OVERRIDE = "/var/lib/artemis-instance/etc-override/";
    /** Where every container mounts the certificates, and what scripts/dev-certs.sh writes them to by default. */
    private static final String TLS_MOUNT = "/run/carehub-tls/";

    private static final String DEV_CERTS = "./certs";

    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message} */
    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEY).*");

    private static Path repo;
    private static String composeText;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readComposeFile() throws IOException {
        repo = repositoryRoot();
        composeText = Files.readString(repo.resolve("docker-compose.yml"));
        compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(composeText);
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void definesTheFourServices() {
        assertThat(services).containsKeys("postgres", "artemis-primary", "artemis-backup", "carehub");
        assertThat(string(services.get("postgres"), "image")).startsWith("postgres:17");
        assertThat(brokerServices()).containsExactlyInAnyOrder("artemis-primary", "artemis-backup");
        for (String broker : brokerServices()) {
            // PRODUCT.md §3: the same Artemis version as the embedded broker
            assertThat(string(services.get(broker), "image")).isEqualTo(BROKER_IMAGE + "2.44.0");
        }
        assertThat(string(services.get("postgres"), "healthcheck", "test")).contains("pg_isready");
    }

    @Test
    void carehubRunsTheProdProfileAgainstTheBrokerPairAndTheDatabase() {
        Map<String, Object> carehub = services.get("carehub");
        Map<String, String> env = environment("carehub");

        assertThat(string(carehub, "build", "context")).isEqualTo(".");
        assertThat(string(carehub, "build", "dockerfile")).isEqualTo("src/main/docker/Dockerfile");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        String brokerUrl = interpolate(env.get("CAREHUB_BROKER_URL"));
        assertThat(brokerUrl)
                .startsWith("(tcp://artemis-primary:61616,tcp://artemis-backup:61616)?")
                .contains("ha=true")
                .contains("reconnectAttempts=-1")
                // R48: TLS, the broker's certificate checked against the CA and its host name
                .contains("&sslEnabled=true")
                .contains("&verifyHost=true")
                .contains("&trustStorePath=" + TLS_MOUNT + "truststore.p12")
                .doesNotContain("verifyHost=false");
        for (String broker : brokerServices()) {
            assertThat(brokerUrl).contains("tcp://" + broker + ":61616");
        }
        // R48: TLS with the server's certificate and host name verified
        assertThat(interpolate(env.get("CAREHUB_DATASOURCE_URL")))
                .isEqualTo("jdbc:postgresql://postgres:5432/carehub?sslmode=verify-full&sslrootcert=" + TLS_MOUNT
                        + "ca.crt");
        // the hub logs in with the DML-only role the database is initialised with, Flyway with the owner role; the
        // superuser is neither
        Map<String, String> postgres = environment("postgres");
        for (String variable : List.of(
                "CAREHUB_DATASOURCE_USERNAME",
                "CAREHUB_DATASOURCE_PASSWORD",
                "CAREHUB_FLYWAY_USERNAME",
                "CAREHUB_FLYWAY_PASSWORD")) {
            assertThat(env.get(variable)).as(variable).isNotNull().isEqualTo(postgres.get(variable));
        }
        assertThat(interpolate(postgres.get("POSTGRES_USER")))
                .isNotEqualTo(interpolate(env.get("CAREHUB_DATASOURCE_USERNAME")))
                .isNotEqualTo(interpolate(env.get("CAREHUB_FLYWAY_USERNAME")));
        assertThat(interpolate(env.get("CAREHUB_DATASOURCE_USERNAME")))
                .isNotEqualTo(interpolate(env.get("CAREHUB_FLYWAY_USERNAME")));
        // the hub logs in with the account the brokers give role hub; the administrator the image creates (role amq)
        // and the agent desktops' account are others
        for (String broker : brokerServices()) {
            Map<String, String> brokerEnv = environment(broker);
            assertThat(brokerEnv.get("CAREHUB_BROKER_USER")).isEqualTo(env.get("CAREHUB_BROKER_USER"));
            assertThat(brokerEnv.get("CAREHUB_BROKER_PASSWORD")).isEqualTo(env.get("CAREHUB_BROKER_PASSWORD"));
            assertThat(Set.of(
                            interpolate(brokerEnv.get("ARTEMIS_USER")),
                            interpolate(brokerEnv.get("CAREHUB_BROKER_USER")),
                            interpolate(brokerEnv.get("CAREHUB_BROKER_AGENT_USER"))))
                    .as("%s: administrator, hub and agent accounts", broker)
                    .hasSize(3);
            assertThat(brokerEnv).containsEntry("ANONYMOUS_LOGIN", "false");
        }

        // R48: HTTPS on the only published port; the management port is not published
        assertThat(list(carehub, "ports"))
                .anySatisfy(port -> assertThat(interpolate(port)).endsWith(":8443"))
                .noneSatisfy(port -> assertThat(interpolate(port)).endsWith(":8081"));
        assertThat(string(carehub, "healthcheck", "test"))
                .contains("--cacert " + TLS_MOUNT + "ca.crt")
                .contains("https://localhost:8081/actuator/health");
        assertThat(string(carehub, "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
        assertThat(string(carehub, "depends_on", "artemis-primary", "condition"))
                .isEqualTo("service_healthy");
        assertThat(string(carehub, "depends_on", "artemis-backup", "condition")).startsWith("service_");
    }

    @Test
    void everyVariableIsDefaultedOrRequiredAndNoSecretHasADefault() {
        String text = composeText.replace("$$", "");
        Matcher braced = BRACED.matcher(text);
        List<String> problems = new ArrayList<>();
        int variables = 0;
        while (braced.find()) {
            variables++;
            String name = braced.group(1);
            String operator = braced.group(2);
            if (!":-".equals(operator) && !":?".equals(operator)) {
                problems.add(braced.group() + " is neither defaulted (:-) nor required (:?)");
            } else if (":?".equals(operator) && braced.group(3).isBlank()) {
                problems.add(braced.group() + " has no message saying what to set");
            } else if (SECRET_NAME.matcher(name).matches() && ":-".equals(operator)) {
                problems.add(braced.group() + " gives a secret a default");
            }
        }
        // unbraced $NAME (never defaulted nor required) and $ signs that are no variable at all
        String withoutBraced = BRACED.matcher(text).replaceAll("");
        Matcher stray = Pattern.compile("\\$.{0,20}").matcher(withoutBraced);
        while (stray.find()) {
            problems.add("stray '" + stray.group() + "' (escape a literal $ as $$)");
        }
        assertThat(variables).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void passesEverySecretTheProdProfileRequires() {
        Map<String, String> carehub = environment("carehub");

        // ask the hub itself which secrets it requires in prod: each start-up attempt names the next one
        Set<String> required = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 50; attempt++) {
            String missing = missingSecret(placeholderValues(required));
            if (missing == null) {
                break;
            }
            assertThat(required).as("the hub keeps asking for %s", missing).doesNotContain(missing);
            required.add(missing);
        }
        assertThat(required).contains("CAREHUB_WHATSAPP_APP_SECRET", "CAREHUB_BUFFER_ENCRYPTION_KEY");
        for (String secret : required) {
            assertThat(carehub.get(secret))
                    .as("carehub environment %s", secret)
                    .isNotNull()
                    .matches("\\$\\{" + secret + ":\\?[^}]+}");
        }
        // and the passwords of the accounts on the broker pair and the database, and the identity provider (R47)
        for (String secret : List.of(
                "CAREHUB_BROKER_PASSWORD",
                "CAREHUB_DATASOURCE_PASSWORD",
                "CAREHUB_FLYWAY_PASSWORD",
                "CAREHUB_TLS_KEYSTORE_PASSWORD",
                "CAREHUB_OAUTH_ISSUER_URI",
                "CAREHUB_OAUTH_JWK_SET_URI")) {
            assertThat(carehub.get(secret))
                    .as("carehub environment %s", secret)
                    .matches("\\$\\{" + secret + ":\\?[^}]+}");
        }
        for (String broker : brokerServices()) {
            for (String secret : List.of(
                    "ARTEMIS_PASSWORD",
                    "CAREHUB_BROKER_PASSWORD",
                    "CAREHUB_BROKER_AGENT_PASSWORD",
                    "CAREHUB_BROKER_CLUSTER_PASSWORD",
                    "CAREHUB_TLS_KEYSTORE_PASSWORD")) {
                assertThat(environment(broker).get(secret))
                        .as("%s environment %s", broker, secret)
                        .matches("\\$\\{\\w+:\\?[^}]+}");
            }
        }

        // exactly what compose passes (with every required variable set) starts the prod profile
        Map<String, Object> interpolated = new LinkedHashMap<>();
        carehub.forEach((name, value) -> interpolated.put(name, interpolate(value)));
        assertThat(missingSecret(interpolated)).isNull();
    }

    @Test
    void referencedFilesExistInTheRepository() throws IOException {
        Path dockerfile = repo.resolve(string(services.get("carehub"), "build", "dockerfile"));
        assertThat(dockerfile).isRegularFile();

        @SuppressWarnings("unchecked")
        Map<String, Object> namedVolumes =
                compose.get("volumes") == null ? Map.of() : (Map<String, Object>) compose.get("volumes");
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            for (Object volume : list(service.getValue(), "volumes")) {
                String source = interpolate(volume).split(":")[0];
                if (source.equals(DEV_CERTS)) {
                    // made by scripts/dev-certs.sh, never committed (checked by everyHopOfTheStackSpeaksTls)
                    assertThat(repo.resolve("scripts/dev-certs.sh")).isRegularFile();
                    assertThat(Files.readAllLines(repo.resolve(".gitignore"))).contains("certs/");
                } else if (source.startsWith(".")) {
                    assertThat(repo.resolve(source).normalize())
                            .as("%s mounts %s", service.getKey(), source)
                            .exists();
                } else {
                    assertThat(namedVolumes)
                            .as("%s uses volume %s", service.getKey(), source)
                            .containsKey(source);
                }
            }
        }
        for (String broker : brokerServices()) {
            assertThat(brokerXml(broker)).isRegularFile();
        }

        // the image: routes/ at /app/routes, started in /app (routes are loaded from file:routes/*.yaml)
        // built and run on the Java version the pom compiles for; built without the embedded PostgreSQL binaries
        List<String> lines =
                Files.readAllLines(dockerfile).stream().map(String::strip).toList();
        java.util.regex.Matcher javaVersion = java.util.regex.Pattern.compile("<java.version>(\\d+)</java.version>")
                .matcher(Files.readString(repo.resolve("pom.xml")));
        assertThat(javaVersion.find()).as("pom.xml sets java.version").isTrue();
        String java = javaVersion.group(1);
        assertThat(lines)
                .anyMatch(line -> line.matches("FROM maven:3-eclipse-temurin-" + java + " (?i:AS) \\w+"))
                .anyMatch(line -> line.startsWith("FROM eclipse-temurin:" + java + "-jre"))
                .anyMatch(line -> line.contains("mvn -B -DskipTests -Dproduction package"))
                .contains("WORKDIR /app")
                .anyMatch(line -> line.matches("COPY routes/? /app/routes/?"))
                .anyMatch(line -> line.matches("USER (?!root)\\S+"));
        for (String line : lines) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                String[] parts = line.split("\\s+");
                for (String source : Arrays.asList(parts).subList(1, parts.length - 1)) {
                    assertThat(repo.resolve(source))
                            .as("Dockerfile copies %s", source)
                            .exists();
                }
            }
        }
        try (var routes = Files.list(repo.resolve("routes"))) {
            assertThat(routes.map(Path::toString)).anyMatch(name -> name.endsWith(".yaml"));
        }
    }

    @Test
    void brokerConfigurationsAreWellFormedXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        for (String broker : brokerServices()) {
            Document document;
            try (InputStream in = Files.newInputStream(brokerXml(broker))) {
                document = factory.newDocumentBuilder().parse(in);
            }
            assertThat(document.getDocumentElement().getLocalName()).isEqualTo("configuration");
            assertThat(document.getElementsByTagNameNS("urn:activemq:core", "core")
                            .getLength())
                    .isEqualTo(1);
            String text = Files.readString(brokerXml(broker));
            assertThat(text)
                    .contains("<dead-letter-address>carehub.buffer.DLQ</dead-letter-address>")
                    .contains("<max-delivery-attempts>20</max-delivery-attempts>")
                    .contains("<auto-create-dead-letter-resources>false</auto-create-dead-letter-resources>")
                    .contains("<persist-id-cache>true</persist-id-cache>");
        }
    }

    @Test
    void brokerPairIsAReplicatedHaPairWithTheBufferSemanticsOfTheEmbeddedBroker() throws Exception {
        BufferProperties buffer = bind("carehub.buffer", BufferProperties.class);
        Configuration embedded = embeddedBrokerConfiguration(buffer);
        String[] embeddedQueues = bind("spring.artemis.embedded.queues", String[].class);
        assertThat(embedded.getAddressSettings()).containsKey(buffer.queue());
        assertThat(embedded.getAddressSettings().get(buffer.queue()).getMaxSizeBytes())
                .isPositive();

        for (String broker : brokerServices()) {
            // parsed (and validated against the schema) by Artemis 2.44 itself, as the broker will
            Configuration file = parseBrokerXml(broker);
            String name = broker + " broker.xml";

            assertThat(file.isPersistenceEnabled()).as(name).isTrue();
            assertThat(file.isPersistIDCache())
                    .as(name)
                    .isEqualTo(embedded.isPersistIDCache())
                    .isTrue();
            assertThat(file.getIDCacheSize())
                    .as(name)
                    .isEqualTo(embedded.getIDCacheSize())
                    .isEqualTo(buffer.duplicateIdCacheSize());
            for (Map.Entry<String, AddressSettings> expected :
                    embedded.getAddressSettings().entrySet()) {
                AddressSettings actual = file.getAddressSettings().get(expected.getKey());
                assertThat(actual)
                        .as("%s address-setting %s", name, expected.getKey())
                        .isNotNull();
                assertSameBufferSemantics(name + " " + expected.getKey(), actual, expected.getValue());
            }
            AddressSettings bufferSettings = file.getAddressSettings().get(buffer.queue());
            assertThat(String.valueOf(bufferSettings.getDeadLetterAddress())).isEqualTo(buffer.deadLetterQueue());
            assertThat(bufferSettings.getMaxDeliveryAttempts()).isEqualTo(buffer.maxDeliveryAttempts());
            assertThat(bufferSettings.getRedeliveryDelay())
                    .isEqualTo(buffer.redeliveryDelay().toMillis());
            assertThat(bufferSettings.getMaxRedeliveryDelay())
                    .isEqualTo(buffer.maxRedeliveryDelay().toMillis());
            // like the embedded broker, the buffer pages on its own; the other carehub queues (agent pools) keep the
            // broker's global limit
            assertThat(bufferSettings.getMaxSizeBytes()).as(name).isPositive();
            assertThat(file.getAddressSettings().get("carehub.#").getMaxSizeBytes())
                    .as(name)
                    .isEqualTo(-1);

            // every queue the embedded broker declares exists as an anycast queue (dead-letter queues are
            // not auto-created, so a missing one would lose parked messages)
            Map<String, CoreAddressConfiguration> addresses = new LinkedHashMap<>();
            file.getAddressConfigurations().forEach(address -> addresses.put(address.getName(), address));
            for (String queue : embeddedQueues) {
                CoreAddressConfiguration address = addresses.get(queue.strip());
                assertThat(address).as("%s address %s", name, queue).isNotNull();
                assertThat(address.getRoutingTypes()).containsExactly(RoutingType.ANYCAST);
                assertThat(address.getQueueConfigs())
                        .anySatisfy(q -> assertThat(String.valueOf(q.getName())).isEqualTo(queue.strip()));
            }
            assertThat(addresses).containsKeys(buffer.queue(), buffer.deadLetterQueue());

            // security: the hub's account (created by the image) needs a role with these permissions
            assertThat(file.getSecurityRoles()).containsKey("#");
            assertThat(file.getSecurityRoles().get("#")).anySatisfy(role -> {
                assertThat(role.isSend()).isTrue();
                assertThat(role.isConsume()).isTrue();
                assertThat(role.isBrowse()).isTrue();
                assertThat(role.isCreateDurableQueue()).isTrue();
            });

            // the HA pair: replication over a cluster connection to the other broker's service name
            assertThat(file.getClusterConfigurations()).hasSize(1);
            ClusterConnectionConfiguration cluster =
                    file.getClusterConfigurations().get(0);
            String self = host(file.getConnectorConfigurations().get(cluster.getConnectorName()));
            assertThat(self).as("%s announces itself as", name).isEqualTo(broker);
            assertThat(cluster.getStaticConnectors()).hasSize(1);
            String other = host(file.getConnectorConfigurations()
                    .get(cluster.getStaticConnectors().get(0)));
            assertThat(other).isIn(brokerServices()).isNotEqualTo(broker);
        }

        assertThat(parseBrokerXml("artemis-primary").getHAPolicyConfiguration())
                .isInstanceOfSatisfying(
                        ReplicatedPolicyConfiguration.class,
                        primary -> assertThat(primary.isCheckForActiveServer())
                                .as("fail-back needs check-for-active-server")
                                .isTrue());
        assertThat(parseBrokerXml("artemis-backup").getHAPolicyConfiguration())
                .isInstanceOfSatisfying(
                        ReplicaPolicyConfiguration.class,
                        backup -> assertThat(backup.isAllowFailBack()).isTrue());
    }

    @Test
    void everyHopOfTheStackSpeaksTls(@TempDir Path directory) throws Exception {
        // every service mounts the certificates read-only at one path (clients use the connectors brokers announce)
        for (String service : List.of("postgres", "artemis-primary", "artemis-backup", "carehub", "prometheus")) {
            assertThat(list(services.get(service), "volumes"))
                    .as("%s mounts the certificates", service)
                    .anySatisfy(volume -> assertThat(interpolate(volume))
                            .isEqualTo(DEV_CERTS + ":" + TLS_MOUNT.substring(0, TLS_MOUNT.length() - 1) + ":ro"));
        }
        // PostgreSQL: TLS on, and its pg_hba.conf admits network clients only over TLS with a password
        assertThat(string(services.get("postgres"), "entrypoint"))
                .contains("-c ssl=on")
                .contains("-c ssl_cert_file=")
                .contains("-c ssl_key_file=")
                .contains("-c hba_file=/etc/carehub/pg_hba.conf");
        List<String> rules = Files.readAllLines(mountedFile("postgres", "/etc/carehub/pg_hba.conf")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(rules)
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule).matches("(local|hostssl)\\s.*"))
                .anySatisfy(rule -> assertThat(rule).startsWith("hostssl").endsWith("scram-sha-256"));
        // Artemis: the acceptor serves TLS; every connector (announced to clients, used for replication) verifies the
        // peer's certificate and host name
        for (String broker : brokerServices()) {
            Configuration file = parseBrokerXml(broker);
            assertThat(file.getAcceptorConfigurations()).isNotEmpty().allSatisfy(acceptor -> {
                assertThat(param(acceptor, "sslEnabled"))
                        .as("%s acceptor sslEnabled", broker)
                        .isEqualTo("true");
                assertThat(param(acceptor, "keyStorePath")).isEqualTo(TLS_MOUNT + "artemis.p12");
            });
            assertThat(file.getConnectorConfigurations().values()).hasSize(2).allSatisfy(connector -> {
                assertThat(param(connector, "sslEnabled"))
                        .as("%s connector sslEnabled", broker)
                        .isEqualTo("true");
                assertThat(param(connector, "verifyHost"))
                        .as("%s connector verifyHost", broker)
                        .isEqualTo("true");
                assertThat(param(connector, "trustStorePath")).isEqualTo(TLS_MOUNT + "truststore.p12");
            });
        }
        // Prometheus scrapes the unpublished management port over TLS
        String scrape = Files.readString(mountedFile("prometheus", "/etc/prometheus/prometheus.yml"));
        assertThat(scrape)
                .contains("scheme: https")
                .contains("\"carehub:8081\"")
                .contains("ca_file: " + TLS_MOUNT + "ca.crt");

        // every certificate file the stack names is one that scripts/dev-certs.sh makes
        DevCertificates certs = DevCertificates.make(directory.resolve("certs"));
        Set<String> named = new TreeSet<>();
        Matcher file = Pattern.compile(Pattern.quote(TLS_MOUNT) + "([\\w.-]+)")
                .matcher(composeText
                        + Files.readString(brokerXml("artemis-primary"))
                        + Files.readString(brokerXml("artemis-backup"))
                        + scrape
                        + Files.readString(repo.resolve("src/main/resources/application-prod.yml")));
        while (file.find()) {
            named.add(file.group(1));
        }
        assertThat(named)
                .contains("ca.crt", "hub.p12", "truststore.p12", "artemis.p12", "postgres.key", "postgres.crt");
        for (String name : named) {
            assertThat(certs.file(name))
                    .as("%s made by scripts/dev-certs.sh", name)
                    .isRegularFile();
        }
    }

    @Test
    void composeEnvironmentSatisfiesTheProdTransportPolicy() throws Exception {
        Map<String, Object> interpolated = new LinkedHashMap<>();
        environment("carehub").forEach((name, value) -> interpolated.put(name, interpolate(value)));

        // what compose passes, over application.yml and application-prod.yml, as the hub sees it at start-up
        assertThat(transportPolicyProblem(interpolated)).isNull();
        // the same without TLS to the database would not start
        interpolated.put("CAREHUB_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/carehub");
        assertThat(transportPolicyProblem(interpolated)).contains("CAREHUB_DATASOURCE_URL");
    }

    @Test
    void bothBrokersGrantTheSameLeastPrivilegeRoles() throws Exception {
        Configuration primary = parseBrokerXml("artemis-primary");
        assertThat(parseBrokerXml("artemis-backup").getSecurityRoles()).isEqualTo(primary.getSecurityRoles());
        // the matches BrokerTransportAndRolesTest exercises; only the administrator manages or deletes
        assertThat(primary.getSecurityRoles()).containsOnlyKeys("#", "carehub.pool.#");
        primary.getSecurityRoles().values().stream().flatMap(Set::stream).forEach(role -> {
            assertThat(role.isManage())
                    .as("role %s manage", role.getName())
                    .isEqualTo(role.getName().equals("amq"));
            assertThat(role.isDeleteDurableQueue())
                    .as("role %s deleteDurableQueue", role.getName())
                    .isEqualTo(role.getName().equals("amq"));
            assertThat(role.isDeleteAddress())
                    .as("role %s deleteAddress", role.getName())
                    .isEqualTo(role.getName().equals("amq"));
        });
        // the accounts behind the roles are written by the brokers' entry point from their environment
        for (String broker : brokerServices()) {
            assertThat(string(services.get(broker), "entrypoint")).contains("/opt/carehub/entrypoint.sh");
            Path entrypoint = mountedFile(broker, "/opt/carehub/entrypoint.sh");
            assertThat(Files.readString(entrypoint))
                    .contains("amq = %s", "hub = %s", "agent = %s")
                    .contains("exec /docker-run.sh run");
        }
    }

    @Test
    void databaseIsInitialisedWithTheOwnerAndTheHubsDmlOnlyRole() throws Exception {
        Path init = mountedFile("postgres", "/docker-entrypoint-initdb.d/10-carehub-roles.sh");
        Path roles = mountedFile("postgres", "/etc/carehub/roles.sql");
        String script = Files.readString(init);
        assertThat(script)
                .contains("-f /etc/carehub/roles.sql")
                .contains("-v owner=\"$CAREHUB_FLYWAY_USERNAME\"")
                .contains("-v app=\"$CAREHUB_DATASOURCE_USERNAME\"");
        // DatabaseRolesTest runs roles.sql against a real PostgreSQL
        assertThat(Files.readString(roles)).contains("alter default privileges for role :\"owner\"");
    }

    /**
     * R33/R48: the erasure ledger has its own database on the compose server, initialised by the same roles.sql with
     * its own owner and DML-only account; the hub reaches it over verified TLS as that account and migrates it as its
     * owner, and no ledger account is one of the main database's.
     */
    @Test
    void erasureLedgerHasItsOwnDatabaseOwnerAndDmlOnlyAccountThatTheHubUses() throws Exception {
        Map<String, String> carehub = environment("carehub");
        Map<String, String> postgres = environment("postgres");
        assertThat(interpolate(carehub.get("CAREHUB_ERASURE_LEDGER_URL")))
                .isEqualTo("jdbc:postgresql://postgres:5432/"
                        + interpolate(postgres.get("CAREHUB_ERASURE_LEDGER_DATABASE"))
                        + "?sslmode=verify-full&sslrootcert=" + TLS_MOUNT + "ca.crt");
        assertThat(interpolate(postgres.get("CAREHUB_ERASURE_LEDGER_DATABASE")))
                .isEqualTo("carehub_ledger")
                .isNotEqualTo(interpolate(postgres.get("POSTGRES_DB")));
        for (String variable : List.of(
                "CAREHUB_ERASURE_LEDGER_USERNAME",
                "CAREHUB_ERASURE_LEDGER_PASSWORD",
                "CAREHUB_ERASURE_LEDGER_FLYWAY_USERNAME",
                "CAREHUB_ERASURE_LEDGER_FLYWAY_PASSWORD")) {
            assertThat(carehub.get(variable)).as(variable).isNotNull().isEqualTo(postgres.get(variable));
        }
        for (String secret : List.of("CAREHUB_ERASURE_LEDGER_PASSWORD", "CAREHUB_ERASURE_LEDGER_FLYWAY_PASSWORD")) {
            assertThat(carehub.get(secret)).as(secret).matches("\\$\\{" + secret + ":\\?[^}]+}");
        }
        assertThat(Set.of(
                        interpolate(postgres.get("POSTGRES_USER")),
                        interpolate(postgres.get("CAREHUB_FLYWAY_USERNAME")),
                        interpolate(postgres.get("CAREHUB_DATASOURCE_USERNAME")),
                        interpolate(postgres.get("CAREHUB_ERASURE_LEDGER_FLYWAY_USERNAME")),
                        interpolate(postgres.get("CAREHUB_ERASURE_LEDGER_USERNAME"))))
                .as("superuser, main owner and account, ledger owner and account")
                .hasSize(5);
        // the same roles.sql, connected to the ledger database, with the ledger's accounts
        String script = Files.readString(mountedFile("postgres", "/docker-entrypoint-initdb.d/10-carehub-roles.sh"));
        assertThat(script)
                .contains("create database :\"ledger\"")
                .contains("--dbname \"$CAREHUB_ERASURE_LEDGER_DATABASE\"")
                .contains("-v owner=\"$CAREHUB_ERASURE_LEDGER_FLYWAY_USERNAME\"")
                .contains("-v app=\"$CAREHUB_ERASURE_LEDGER_USERNAME\"");
        assertThat(script.split("-f /etc/carehub/roles.sql", -1)).hasSize(3);
    }

    /** The message ProdTransportPolicy stops the prod profile with, or null, for these environment variables. */
    private static String transportPolicyProblem(Map<String, Object> environmentVariables) throws IOException {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", environmentVariables));
        for (String file : List.of("application-prod.yml", "application.yml")) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addLast(source);
            }
        }
        environment.setActiveProfiles("prod");
        try {
            new ProdTransportPolicy().postProcessEnvironment(environment, new SpringApplication());
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static String param(TransportConfiguration transport, String name) {
        return String.valueOf(transport.getParams().get(name));
    }

    /** The repository file a service mounts at {@code target}. */
    private static Path mountedFile(String service, String target) {
        for (Object volume : list(services.get(service), "volumes")) {
            String[] parts = interpolate(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(target)) {
                Path file = repo.resolve(parts[0]).normalize();
                assertThat(file).as("%s mounts %s", service, file).isRegularFile();
                return file;
            }
        }
        throw new AssertionError(service + " mounts nothing at " + target);
    }

    @Test
    void everyBrokerSyncsItsJournalOnEveryCommit() throws Exception {
        // production: ASYNCIO (libaio is in the image); Artemis' parser already falls back to NIO where libaio is
        // missing, as on the build machines, so the declared type is read from the file
        for (String broker : brokerServices()) {
            assertThat(declaredJournalType(brokerXml(broker)))
                    .as("%s broker.xml journal-type", broker)
                    .isEqualTo("ASYNCIO");
            assertJournalSynced(broker + " broker.xml", parseBrokerXml(broker));
        }
        // fault suite: NIO, what the build machines have (no libaio), chosen explicitly rather than by fallback
        assertThat(declaredJournalType(repo.resolve("src/test/resources/fault/broker.xml")))
                .as("fault suite broker.xml journal-type")
                .isEqualTo("NIO");
        Configuration fault = faultSuiteBroker();
        assertThat(fault.getJournalType()).as("fault suite broker journal-type").isEqualTo(JournalType.NIO);
        assertJournalSynced("fault suite broker.xml", fault);
    }

    @Test
    void faultSuiteBrokerHasTheProductionSettingsThatMatter() throws Exception {
        Configuration production = parseBrokerXml("artemis-primary");
        Configuration fault = faultSuiteBroker();
        String what = "fault suite broker.xml against artemis-primary broker.xml: ";

        // sync (the journal type differs on purpose, see everyBrokerSyncsItsJournalOnEveryCommit)
        assertThat(fault.isPersistenceEnabled())
                .as(what + "persistence-enabled")
                .isEqualTo(production.isPersistenceEnabled());
        assertThat(fault.isJournalDatasync()).as(what + "journal-datasync").isEqualTo(production.isJournalDatasync());
        assertThat(fault.isJournalSyncTransactional())
                .as(what + "journal-sync-transactional")
                .isEqualTo(production.isJournalSyncTransactional());
        assertThat(fault.isJournalSyncNonTransactional())
                .as(what + "journal-sync-non-transactional")
                .isEqualTo(production.isJournalSyncNonTransactional());
        assertThat(journalBufferTimeout(fault))
                .as(what + "journal-buffer-timeout")
                .isEqualTo(journalBufferTimeout(production));
        // R5: duplicate-id cache
        assertThat(fault.getIDCacheSize()).as(what + "id-cache-size").isEqualTo(production.getIDCacheSize());
        assertThat(fault.isPersistIDCache()).as(what + "persist-id-cache").isEqualTo(production.isPersistIDCache());
        // paging: global limits, then per address with redelivery and dead-letter addresses (R12, R45), compared whole
        assertThat(fault.getGlobalMaxSize()).as(what + "global-max-size").isEqualTo(production.getGlobalMaxSize());
        assertThat(fault.getMaxDiskUsage()).as(what + "max-disk-usage").isEqualTo(production.getMaxDiskUsage());
        assertThat(fault.getAddressSettings().keySet())
                .as(what + "address-setting matches")
                .containsExactlyInAnyOrderElementsOf(
                        production.getAddressSettings().keySet());
        for (Map.Entry<String, AddressSettings> expected :
                production.getAddressSettings().entrySet()) {
            AddressSettings actual = fault.getAddressSettings().get(expected.getKey());
            assertSameBufferSemantics(what + expected.getKey(), actual, expected.getValue());
            assertThat(actual.getMaxSizeBytes())
                    .as(what + expected.getKey() + " max-size-bytes")
                    .isEqualTo(expected.getValue().getMaxSizeBytes());
            assertThat(actual).as(what + "address-setting " + expected.getKey()).isEqualTo(expected.getValue());
        }
        // the queues the hub relies on, dead-letter queues included
        assertThat(declaredAddresses(fault)).as(what + "addresses").isEqualTo(declaredAddresses(production));
    }

    private static void assertSameBufferSemantics(String what, AddressSettings actual, AddressSettings expected) {
        assertThat(String.valueOf(actual.getDeadLetterAddress()))
                .as(what + " dead-letter-address")
                .isEqualTo(String.valueOf(expected.getDeadLetterAddress()));
        assertThat(actual.getMaxDeliveryAttempts())
                .as(what + " max-delivery-attempts")
                .isEqualTo(expected.getMaxDeliveryAttempts());
        assertThat(actual.getRedeliveryDelay()).as(what + " redelivery-delay").isEqualTo(expected.getRedeliveryDelay());
        assertThat(actual.getRedeliveryMultiplier())
                .as(what + " redelivery-delay-multiplier")
                .isEqualTo(expected.getRedeliveryMultiplier());
        assertThat(actual.getMaxRedeliveryDelay())
                .as(what + " max-redelivery-delay")
                .isEqualTo(expected.getMaxRedeliveryDelay());
        assertThat(actual.isAutoCreateDeadLetterResources())
                .as(what + " auto-create-dead-letter-resources")
                .isEqualTo(expected.isAutoCreateDeadLetterResources());
    }

    /** Runs the hub's prod start-up check on the given environment variables; the variable it asks for, or null. */
    private static String missingSecret(Map<String, Object> environmentVariables) {
        MockEnvironment environment = new MockEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", environmentVariables));
        environment.setActiveProfiles("prod");
        try {
            new SecretsEnvironmentPostProcessor(new DeferredLogs())
                    .postProcessEnvironment(environment, new SpringApplication());
            return null;
        } catch (IllegalStateException e) {
            Matcher variable = Pattern.compile("environment variable (\\w+)").matcher(String.valueOf(e.getMessage()));
            if (!variable.find()) {
                fail("prod start-up failed without naming an environment variable", e);
            }
            return variable.group(1);
        }
    }

    private static Map<String, Object> placeholderValues(Set<String> names) {
        Map<String, Object> values = new LinkedHashMap<>();
        names.forEach(name -> values.put(name, "set-" + name.toLowerCase()));
        return values;
    }

    /** The broker configuration the default profile's embedded broker gets (io.carehub.buffer.EmbeddedBrokerConfiguration). */
    private static Configuration embeddedBrokerConfiguration(BufferProperties buffer) throws Exception {
        Class<?> type = Class.forName("io.carehub.buffer.EmbeddedBrokerConfiguration");
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        Configuration configuration = new ConfigurationImpl();
        int customizers = 0;
        for (Method method : type.getDeclaredMethods()) {
            if (ArtemisConfigurationCustomizer.class.isAssignableFrom(method.getReturnType())) {
                assertThat(method.getParameterTypes())
                        .as("parameters of %s", method)
                        .containsOnly(BufferProperties.class);
                method.setAccessible(true);
                Object[] arguments = new Object[method.getParameterCount()];
                Arrays.fill(arguments, buffer);
                ((ArtemisConfigurationCustomizer) method.invoke(instance, arguments)).customize(configuration);
                customizers++;
            }
        }
        assertThat(customizers)
                .as("ArtemisConfigurationCustomizer beans of %s", type)
                .isPositive();
        return configuration;
    }

    private static Configuration parseBrokerXml(String broker) throws Exception {
        return parseBrokerXml(brokerXml(broker));
    }

    private static Configuration parseBrokerXml(Path file) throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deploymentManager =
                new FileDeploymentManager(file.toUri().toString());
        deploymentManager.addDeployable(configuration);
        deploymentManager.readConfiguration();
        assertThat(configuration.isParsed()).as("%s parsed", file).isTrue();
        return configuration;
    }

    /** The fault suite's standalone broker as StandaloneArtemis configures its instance (effective broker.xml). */
    private static Configuration faultSuiteBroker() throws Exception {
        Path file = Files.createTempFile(Files.createDirectories(repo.resolve("target")), "fault-broker", ".xml");
        try {
            Files.writeString(file, StandaloneArtemis.brokerXml(61616));
            return parseBrokerXml(file);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * R10: a commit (the webhook's JMS transaction) returns only after the journal is synced to disk: datasync on, and
     * both transactional and non-transactional appends synced.
     */
    private static void assertJournalSynced(String what, Configuration broker) {
        assertThat(broker.isPersistenceEnabled())
                .as(what + " persistence-enabled")
                .isTrue();
        assertThat(broker.isJournalDatasync()).as(what + " journal-datasync").isTrue();
        assertThat(broker.isJournalSyncTransactional())
                .as(what + " journal-sync-transactional")
                .isTrue();
        assertThat(broker.isJournalSyncNonTransactional())
                .as(what + " journal-sync-non-transactional")
                .isTrue();
    }

    /** The journal-type element as written (the parser replaces ASYNCIO by NIO where libaio is missing). */
    private static String declaredJournalType(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document;
        try (InputStream in = Files.newInputStream(file)) {
            document = factory.newDocumentBuilder().parse(in);
        }
        var types = document.getElementsByTagNameNS("urn:activemq:core", "journal-type");
        assertThat(types.getLength()).as("%s journal-type elements", file).isEqualTo(1);
        return types.item(0).getTextContent().strip();
    }

    private static int journalBufferTimeout(Configuration broker) {
        return broker.getJournalType() == JournalType.ASYNCIO
                ? broker.getJournalBufferTimeout_AIO()
                : broker.getJournalBufferTimeout_NIO();
    }

    /** Each address with its routing types and queues, for comparing two brokers' declared addresses. */
    private static Map<String, String> declaredAddresses(Configuration broker) {
        Map<String, String> addresses = new TreeMap<>();
        for (CoreAddressConfiguration address : broker.getAddressConfigurations()) {
            addresses.put(
                    address.getName(),
                    address.getRoutingTypes() + " "
                            + address.getQueueConfigs().stream()
                                    .map(queue -> queue.getName() + "/" + queue.getRoutingType())
                                    .sorted()
                                    .toList());
        }
        return addresses;
    }

    /** application.yml (the defaults the embedded broker is configured from), without a Spring context. */
    private static <T> T bind(String prefix, Class<T> type) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source :
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))) {
            sources.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind(prefix, type)
                .orElseThrow(() -> new AssertionError(prefix + " not bound from application.yml"));
    }

    private static String host(TransportConfiguration connector) {
        assertThat(connector).isNotNull();
        return String.valueOf(connector.getParams().get("host"));
    }

    /** The broker.xml a broker service mounts into the image's etc-override directory. */
    private static Path brokerXml(String broker) {
        for (Object volume : list(services.get(broker), "volumes")) {
            String[] parts = interpolate(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(ETC_OVERRIDE + "broker.xml")) {
                return repo.resolve(parts[0]).normalize();
            }
        }
        throw new AssertionError(broker + " mounts no broker.xml into " + ETC_OVERRIDE);
    }

    private static List<String> brokerServices() {
        return services.entrySet().stream()
                .filter(service ->
                        String.valueOf(service.getValue().get("image")).startsWith(BROKER_IMAGE))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A service's environment (map or list form), values as written (not interpolated). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach(
                    (name, value) -> values.put(String.valueOf(name), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                values.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return values;
    }

    /** Compose interpolation with every required variable set to a placeholder and defaults applied. */
    private static String interpolate(Object value) {
        List<String> pieces = new ArrayList<>();
        for (String piece : String.valueOf(value).split("\\$\\$", -1)) {
            StringBuilder result = new StringBuilder();
            Matcher braced = BRACED.matcher(piece);
            while (braced.find()) {
                String operator = braced.group(2);
                String replacement = operator != null && operator.endsWith("-")
                        ? braced.group(3)
                        : "set-" + braced.group(1).toLowerCase();
                braced.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            braced.appendTail(result);
            pieces.add(result.toString());
        }
        return String.join("$", pieces);
    }

    @SuppressWarnings("unchecked")
    private static String string(Map<String, Object> map, String... path) {
        Object value = map;
        for (String key : path) {
            assertThat(value).as("%s in %s", key, String.join(".", path)).isInstanceOf(Map.class);
            value = ((Map<String, Object>) value).get(key);
        }
        return value instanceof List<?> values
                ? String.join(" ", values.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    private static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> values ? new ArrayList<>(values) : List.of();
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null
                && !(Files.isRegularFile(directory.resolve("pom.xml"))
                        && Files.isRegularFile(directory.resolve("docker-compose.yml")))) {
            directory = directory.getParent();
        }
        assertThat(directory)
                .as("repository root (pom.xml next to docker-compose.yml)")
                .isNotNull();
        return directory;
    }
}
