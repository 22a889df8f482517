package io.carehub.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.carehub.CarehubApplication;
import io.carehub.fault.StandaloneArtemis;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * The hub benchmark (bench/run.sh): carehub on its embedded defaults, a naive single-consumer Camel
 * route and the raw limits (bare HTTP endpoint, persistent JMS sends, batched JDBC inserts), then carehub
 * in the prod profile against a standalone broker and PostgreSQL, measured side by side in one run on one
 * machine. Prints a table and writes target/bench/results.json.
 * Not a test: PRODUCT.md §4 quality bars are checked by reading its numbers.
 */
public final class HubBenchmark {

    private static final String APP_SECRET = "bench-app-secret";
    private static final int CONCURRENCY = 64;
    private static final String POOL_QUEUE = "carehub.pool.private-billing";
    private static final long STARTED = System.nanoTime();

    /** One measured phase, one line of the table. */
    record Row(
            String name,
            int updates,
            double perSecond,
            LoadGenerator.Result load,
            double e2ePerSecond,
            double lifecyclePerSecond,
            double pooledPerSecond,
            double cpuCores,
            double infraCores,
            double heapMb) {

        /** What a phase measured itself; {@link #measure} adds CPU and heap. */
        static Row of(
                int updates,
                double perSecond,
                LoadGenerator.Result load,
                double e2ePerSecond,
                double lifecyclePerSecond) {
            return new Row(null, updates, perSecond, load, e2ePerSecond, lifecyclePerSecond, 0, 0, 0, 0);
        }
    }

    /** The rows of the standalone variant that results.json reports. */
    private record Standalone(Row closed, Row open1000, Row jms, Row db, Row pooled) {}

    /** The hub being measured, the broker it uses and the PostgreSQL and broker processes that serve it. */
    private record Hub(
            ConfigurableApplicationContext context,
            JdbcTemplate jdbc,
            URI webhook,
            BrokerQueues queues,
            ProcessCpu infrastructure)
            implements AutoCloseable {

        static Hub of(ConfigurableApplicationContext context, BrokerQueues queues, ProcessCpu infrastructure) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return new Hub(
                    context,
                    context.getBean(JdbcTemplate.class),
                    URI.create("http://localhost:" + port + "/webhooks/whatsapp"),
                    queues,
                    infrastructure);
        }

        URI uri(String path) {
            return webhook.resolve(path);
        }

        @Override
        public void close() throws Exception {
            queues.close();
            context.close();
        }
    }

    private final boolean full;
    private final Path dataDir;
    private Hub hub;
    private JdbcTemplate jdbc;
    private URI webhook;
    private final URI baseline;
    private final URI bare;
    private final LoadGenerator load = new LoadGenerator();
    private final WhatsAppUpdates updates;
    private final HeapSampler heap = new HeapSampler();
    private final List<Row> rows = new ArrayList<>();
    private long nextCustomer;

    private HubBenchmark(boolean full, Path dataDir, ConfigurableApplicationContext embedded) {
        this.full = full;
        this.dataDir = dataDir;
        use(Hub.of(
                embedded,
                BrokerQueues.embedded(embedded.getBean(EmbeddedActiveMQ.class).getActiveMQServer()),
                new ProcessCpu(() -> ProcessCpu.postgres(dataDir.resolve("postgres")))));
        this.baseline = hub.uri("/bench/baseline");
        this.bare = hub.uri("/webhooks/bench-ok");
        this.updates =
                new WhatsAppUpdates(Long.toString(System.currentTimeMillis() % 100_000_000L, 36), 2000, APP_SECRET);
    }

    public static void main(String[] args) throws Exception {
        boolean full = List.of(args).contains("--full");
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        String stamp = Long.toString(System.currentTimeMillis());
        Path dataDir = out.resolve("data-" + stamp).toAbsolutePath();
        ConfigurableApplicationContext embedded = SpringApplication.run(
                new Class<?>[] {CarehubApplication.class, BaselineAccess.class},
                withRouting(
                        out,
                        "--server.port=0",
                        "--carehub.data-dir=" + dataDir,
                        "--carehub.postgres.port=0",
                        "--carehub.whatsapp.app-secret=" + APP_SECRET,
                        "--camel.main.routes-include-pattern=file:routes/*.yaml,classpath:bench/baseline-routes.yaml",
                        "--logging.level.root=WARN",
                        "--logging.level.io.carehub=WARN",
                        "--logging.level.org.apache.camel=ERROR"));
        System.out.printf(
                Locale.ROOT,
                "hub started in %.1f s (embedded Artemis + embedded PostgreSQL)%n",
                (System.nanoTime() - t0) / 1e9);
        HubBenchmark bench = new HubBenchmark(full, dataDir, embedded);
        int status = 0;
        try {
            bench.run(out.resolve("standalone-" + stamp).toAbsolutePath());
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            bench.hub.close();
        }
        // the hubs' scheduler threads would keep the JVM alive
        System.exit(status);
    }

    /**
     * Both hubs route every segment to the agent pools (no chatbot stand-in answering) with the built-in routing
     * rules, whose pools are open around the clock here, so a run at night or on a Sunday does the same work
     * (no out-of-hours replies).
     */
    static String[] withRouting(Path dir, String... args) throws IOException {
        Path rules = dir.resolve("routing-rules.yaml");
        Files.createDirectories(dir);
        Files.writeString(
                rules,
                Files.readString(Path.of("src/main/resources/routing-rules.yaml"))
                        .replaceAll("(?m)^holidays: \\[[^\\]]*\\]", "holidays: []")
                        .replaceAll("hours: \\{[^}]*\\}", "hours: {mon-sun: \"00:00-24:00\"}"));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--carehub.routing.rules-file=" + rules.toAbsolutePath(),
                "--carehub.dialog.routing.private-customers=agents",
                "--carehub.dialog.routing.business=agents",
                "--carehub.dialog.routing.unknown=agents",
                // the Graph API's upgraded tier (WhatsApp's default is 80/s): at 80/s the consent notices of one
                // pool phase (three system messages per new customer) kept the next phase waiting for minutes
                // while the cores idled; at 1,000/s they and their statuses are sent as fast as the hub can
                "--carehub.outbound.rate-per-second=1000"));
        return all.toArray(String[]::new);
    }

    private void use(Hub measured) {
        this.hub = measured;
        this.jdbc = measured.jdbc();
        this.webhook = measured.webhook();
    }

    private void run(Path standaloneDir) throws Exception {
        prepareTables();
        int scale = full ? 4 : 1;
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        // the JIT needs a minute or more of every path before its numbers mean anything: in a profile of the
        // webhook path alone, the C2 compiler threads used half as much CPU as the requests during the first
        // minute, and the acknowledgement rate still rose after two (1,054/s in the first 10,000 POSTs, 3,351/s
        // in the twelfth). The short mode is a quick check with 40 s of warm-up: compare short runs with short runs.
        int warmSeconds = full ? 180 : 40;
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmSeconds);
        System.out.println("warm-up (" + warmSeconds + " s) ...");
        for (int round = 0; System.nanoTime() < warmUntil; round++) {
            hubPhase("warm-up " + round, 5000, 0, false);
            poolPhase("warm-up pool " + round, 300, false);
            load.closedLoop(bare, batch("warm-bare" + round, 5000), CONCURRENCY);
            baselinePhase("warm-up baseline " + round, 500, false);
        }
        rows.clear();

        System.out.println("limits ...");
        Row http = measure("limit: bare HTTP 200 (same stack)", 20_000 * scale, () -> {
            LoadGenerator.Result r = load.closedLoop(bare, batch("bare", 20_000 * scale), CONCURRENCY);
            return Row.of(r.sent(), r.perSecond(), r, 0, 0);
        });
        Row jms = jmsLimit("limit: raw persistent JMS sends", scale);
        Row db = dbLimit("limit: raw batched JDBC inserts", scale);

        System.out.println("carehub ...");
        Row closed = hubPhase("carehub closed loop c=" + CONCURRENCY, 20_000 * scale, 0, true);
        Row open1000 = hubPhase("carehub open loop 1000/s", full ? 60_000 : 10_000, 1000, true);
        Row pooled = poolPhase("carehub new customers to agent pool", full ? 8000 : 1000, true);
        Row drain = drainPhase("carehub buffer drain (documentation)", 20_000 * scale);
        if (full) {
            hubPhase("carehub open loop 2000/s", 30_000, 2000, true);
        }
        System.out.println("baseline ...");
        Row base = baselinePhase("baseline closed loop c=" + CONCURRENCY, 2000 * scale, true);

        Standalone standalone = standalonePhases(standaloneDir, scale);

        printTable();
        Map<String, Double> results = new LinkedHashMap<>();
        putLoops(results, "carehub", closed, open1000, pooled);
        results.put(
                "carehub.ack_only_per_s",
                rows.stream()
                        .filter(r -> r.name().startsWith("carehub ack only"))
                        .mapToDouble(Row::perSecond)
                        .findFirst()
                        .orElse(Double.NaN));
        results.put("carehub.drain_per_s", drain.e2ePerSecond());
        results.put("carehub.drain_handed_per_s", drain.lifecyclePerSecond());
        results.put(
                "carehub.heap_mb",
                rows.stream()
                        .filter(r -> r.name().startsWith("carehub"))
                        .mapToDouble(Row::heapMb)
                        .max()
                        .orElse(0));
        putLoops(results, "standalone", standalone.closed(), standalone.open1000(), standalone.pooled());
        results.put(
                "standalone.heap_mb",
                rows.stream()
                        .filter(r -> r.name().startsWith("standalone: carehub"))
                        .mapToDouble(Row::heapMb)
                        .max()
                        .orElse(0));
        results.put("standalone.limit_jms_per_s", standalone.jms().perSecond());
        results.put("standalone.limit_db_rows_per_s", standalone.db().perSecond());
        results.put("baseline.ack_per_s", base.perSecond());
        results.put("baseline.e2e_per_s", base.e2ePerSecond());
        results.put("baseline.p99_ms", base.load().percentileMs(99));
        results.put("limit.http_per_s", http.perSecond());
        results.put("limit.jms_per_s", jms.perSecond());
        results.put("limit.db_rows_per_s", db.perSecond());
        results.put("ratio.ack_carehub_to_baseline", closed.perSecond() / base.perSecond());
        results.put("ratio.e2e_carehub_to_baseline", closed.e2ePerSecond() / base.e2ePerSecond());
        results.put("ratio.ack_standalone_to_baseline", standalone.closed().perSecond() / base.perSecond());
        results.put("ratio.ack_carehub_to_http_limit", closed.perSecond() / http.perSecond());
        results.put("ratio.ack_carehub_to_jms_limit", closed.perSecond() / jms.perSecond());
        results.put("ratio.e2e_carehub_to_db_limit", closed.e2ePerSecond() / db.perSecond());
        results.put("machine.cores", (double) Runtime.getRuntime().availableProcessors());
        // the machine's 1-minute load average: above the core count, other processes competed for the CPU
        results.put("machine.load_avg_1m_start", loadAtStart);
        results.put(
                "machine.load_avg_1m_end",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        results.put("machine.max_heap_mb", Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.println();
        results.forEach((key, value) -> System.out.printf(Locale.ROOT, "%-34s %12.2f%n", key, value));
        StringBuilder json = new StringBuilder(
                "{\n  \"mode\": \"" + (full ? "full" : "short") + "\",\n  \"date\": \"" + LocalDate.now() + "\"");
        results.forEach((key, value) ->
                json.append(",\n  \"").append(key).append("\": ").append(String.format(Locale.ROOT, "%.3f", value)));
        Files.writeString(Path.of("target/bench/results.json"), json.append("\n}\n"));
        System.out.println("\nwritten: target/bench/results.json");
    }

    /** The keys both hubs report, under {@code prefix}: closed loop, open loop at 1000/s, new customers to a pool. */
    private static void putLoops(Map<String, Double> results, String prefix, Row closed, Row open1000, Row pooled) {
        results.put(prefix + ".ack_per_s", closed.perSecond());
        results.put(prefix + ".e2e_per_s", closed.e2ePerSecond());
        results.put(prefix + ".lifecycle_per_s", closed.lifecyclePerSecond());
        results.put(prefix + ".p99_ms_closed_loop", closed.load().percentileMs(99));
        results.put(prefix + ".cpu_cores", closed.cpuCores());
        results.put(prefix + ".infra_cpu_cores", closed.infraCores());
        results.put(prefix + ".p50_ms_at_1000", open1000.load().percentileMs(50));
        results.put(prefix + ".p99_ms_at_1000", open1000.load().percentileMs(99));
        results.put(prefix + ".p999_ms_at_1000", open1000.load().percentileMs(99.9));
        results.put(prefix + ".max_ms_at_1000", open1000.load().percentileMs(100));
        results.put(prefix + ".pool_ack_per_s", pooled.perSecond());
        results.put(prefix + ".pool_e2e_per_s", pooled.e2ePerSecond());
        results.put(prefix + ".pooled_conversations_per_s", pooled.pooledPerSecond());
    }

    private void prepareTables() {
        jdbc.execute("create table if not exists bench_baseline (id bigserial primary key, body text not null,"
                + " stored_at timestamptz not null default now())");
        jdbc.execute(
                "create table if not exists bench_limit_message (like message including defaults including indexes)");
    }

    private Row jmsLimit(String name, int scale) throws Exception {
        return measure(
                name,
                10_000 * scale,
                () -> Row.of(10_000 * scale, rawJmsSends(10_000 * scale, CONCURRENCY), null, 0, 0));
    }

    private Row dbLimit(String name, int scale) throws Exception {
        return measure(name, 50_000 * scale, () -> {
            double perSecond = rawJdbcInserts(50_000 * scale, 4, 100);
            return Row.of(50_000 * scale, perSecond, null, perSecond, 0);
        });
    }

    /**
     * carehub in its production shape (prod profile, R44): the embedded hub is closed, and a hub in this JVM
     * runs against a standalone Artemis broker (the registry's distribution, the fault suite's broker.xml) and
     * a PostgreSQL server it did not start, each its own process on the same machine. The local Graph API stand-in
     * never runs in prod (§4), so consent notices go to a WireMock Graph API that answers each send as Meta does but
     * posts no status webhooks back: this phase does a little less work than the embedded one.
     */
    private Standalone standalonePhases(Path dir, int scale) throws Exception {
        System.out.println("standalone broker + PostgreSQL ...");
        hub.close();
        Files.createDirectories(dir);
        Path postgresData = dir.resolve("postgres");
        WireMockServer graphApi = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .containerThreads(32)
                .disableRequestJournal());
        graphApi.start();
        graphApi.stubFor(WireMock.post(WireMock.urlPathMatching("/v[0-9.]+/[0-9]+/messages"))
                .willReturn(WireMock.okJson("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"{{jsonPath request.body '$.to'}}",\
                        "wa_id":"{{jsonPath request.body '$.to'}}"}],\
                        "messages":[{"id":"wamid.BENCH{{randomValue length=28 type='ALPHANUMERIC'}}"}]}""").withTransformers("response-template")));
        // the images' media (WhatsAppUpdates: an empty JPEG, sha256 of no bytes), as Meta's media endpoints serve it
        graphApi.stubFor(WireMock.get(WireMock.urlPathMatching("/v[0-9.]+/[0-9]+"))
                .willReturn(WireMock.okJson("""
                        {"messaging_product":"whatsapp","url":"%s/media/bench.jpg","mime_type":"image/jpeg",\
                        "sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","file_size":0,\
                        "id":"{{request.pathSegments.[1]}}"}""".formatted(graphApi.baseUrl())).withTransformers("response-template")));
        graphApi.stubFor(WireMock.get(WireMock.urlPathEqualTo("/media/bench.jpg"))
                .willReturn(WireMock.aResponse().withHeader("Content-Type", "image/jpeg")));
        try (AutoCloseable stopGraphApi = graphApi::stop;
                StandaloneArtemis broker = StandaloneArtemis.create(dir.resolve("broker"));
                // a production server's durability (the embedded library's defaults turn fsync and synchronous_commit
                // off)
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(postgresData)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start()) {
            ConfigurableApplicationContext context = SpringApplication.run(
                    CarehubApplication.class,
                    withRouting(
                            dir,
                            "--spring.profiles.active=prod",
                            "--server.port=0",
                            "--carehub.data-dir=" + dir.resolve("hub"),
                            "--spring.artemis.broker-url=" + broker.brokerUrl(),
                            "--spring.artemis.user=" + StandaloneArtemis.USER,
                            "--spring.artemis.password=" + StandaloneArtemis.PASSWORD,
                            "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--carehub.whatsapp.app-secret=" + APP_SECRET,
                            "--carehub.whatsapp.verify-token=bench-verify-token",
                            "--carehub.whatsapp.access-token=bench-access-token",
                            // the stand-in never runs in prod (§4): WireMock answers the sends, without statuses
                            "--carehub.whatsapp.graph-base-url=" + graphApi.baseUrl(),
                            // WireMock serves the media over plain HTTP on localhost
                            "--carehub.media.allowed-hosts=localhost",
                            "--carehub.media.plain-http-hosts=localhost",
                            // plain TCP and HTTP on one port, as in the fault suite: this phase measures the hub
                            "--carehub.transport.require-tls=false",
                            "--server.ssl.enabled=false",
                            "--management.server.ssl.enabled=false",
                            "--spring.flyway.user=postgres",
                            "--spring.flyway.password=postgres",
                            "--carehub.buffer.encryption-key=" + randomKey(),
                            "--carehub.buffer.group-key=" + randomKey(),
                            "--carehub.privacy.vault-key=" + randomKey(),
                            "--carehub.crypto.kek=" + randomKey(),
                            "--carehub.crypto.lookup-key=" + randomKey(),
                            // R47: the benchmark calls no API, so the identity provider is never asked
                            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:9/idp",
                            "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9/idp/jwks",
                            "--logging.level.root=WARN",
                            "--logging.level.io.carehub=WARN",
                            "--logging.level.org.apache.camel=ERROR"));
            ConnectionFactory target =
                    ((SingleConnectionFactory) context.getBean(ConnectionFactory.class)).getTargetConnectionFactory();
            use(Hub.of(
                    context,
                    BrokerQueues.managed(target),
                    new ProcessCpu(() -> Stream.concat(broker.processes(), ProcessCpu.postgres(postgresData)))));
            prepareTables();
            // the classes are warm from the embedded run; the broker's network client and the broker JVM are not
            int warmSeconds = full ? 90 : 20;
            System.out.println("warm-up (" + warmSeconds + " s) ...");
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmSeconds);
            for (int round = 0; System.nanoTime() < warmUntil; round++) {
                hubPhase("standalone warm-up " + round, 5000, 0, false);
                poolPhase("standalone warm-up pool " + round, 300, false);
            }
            Row jms = jmsLimit("standalone: limit: raw JMS sends", scale);
            Row db = dbLimit("standalone: limit: raw JDBC inserts", scale);
            Row closed = hubPhase("standalone: carehub closed loop c=" + CONCURRENCY, 20_000 * scale, 0, true);
            Row open1000 = hubPhase("standalone: carehub open loop 1000/s", full ? 60_000 : 10_000, 1000, true);
            Row pooled = poolPhase("standalone: carehub new customers to agent pool", full ? 8000 : 1000, true);
            hub.close();
            return new Standalone(closed, open1000, jms, db, pooled);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** Signed POSTs to the hub; e2e = until every update is documented in PostgreSQL. */
    private Row hubPhase(String name, int count, double openLoopRate, boolean record) throws Exception {
        List<WhatsAppUpdates.Update> posts = batch(name.replaceAll("[^a-z0-9]", ""), count);
        long messages = posts.stream().filter(WhatsAppUpdates.Update::message).count();
        long documentedBefore = documented();
        long handedBefore = lifecycleAdded();
        long inboundBefore = inboundDocumented();
        return measure(record ? name : null, count, () -> {
            LoadGenerator.Result r = openLoopRate > 0
                    ? load.openLoop(webhook, posts, openLoopRate)
                    : load.closedLoop(webhook, posts, CONCURRENCY);
            // a refused POST (non-200) is not in the buffer: e2e counts what was acknowledged
            long accepted = r.sent() - r.failed();
            long documentedAt = waitFor(() -> documented() - documentedBefore, accepted);
            long inbound = inboundDocumented() - inboundBefore;
            long handedAt = waitFor(() -> lifecycleAdded() - handedBefore, inbound);
            return Row.of(
                    count,
                    r.perSecond(),
                    r,
                    rate(accepted, r.start(), documentedAt),
                    rate(inbound, r.start(), handedAt));
        });
    }

    /**
     * New customers all the way to an agent pool: each sends a billing question, accepts the privacy notice and
     * picks "Privatkunden / Rechnung" from the menu (three updates; all first steps, then all second, then all
     * third, so each answer comes after the hub's question). e2e = until every update is documented; pooled/s =
     * conversations / time until every one was handed to the pool queue carehub.pool.private-billing, which
     * no agent desktop empties here (its hand-offs are dropped after the phase).
     */
    private Row poolPhase(String name, int customers, boolean record) throws Exception {
        String phase = name.replaceAll("[^a-z0-9]", "");
        long first = nextCustomer;
        nextCustomer += customers;
        List<WhatsAppUpdates.Update> posts = new ArrayList<>(3 * customers);
        for (int step = 0; step < 3; step++) {
            for (int c = 0; c < customers; c++) {
                posts.add(updates.journey(phase, first + c, step));
            }
        }
        long documentedBefore = documented();
        // the queue's count, not its added-counter: the broker deletes an auto-created queue once it is empty
        long pooledBefore = hub.queues().messageCount(POOL_QUEUE);
        Row row = measure(record ? name : null, posts.size(), () -> {
            LoadGenerator.Result r = load.closedLoop(webhook, posts, CONCURRENCY);
            long documentedAt = waitFor(() -> documented() - documentedBefore, r.sent() - r.failed());
            long pooledAt = waitFor(() -> hub.queues().messageCount(POOL_QUEUE) - pooledBefore, customers);
            return new Row(
                    null,
                    posts.size(),
                    r.perSecond(),
                    r,
                    rate(r.sent() - r.failed(), r.start(), documentedAt),
                    0,
                    rate(customers, r.start(), pooledAt),
                    0,
                    0,
                    0);
        });
        hub.queues().purge(POOL_QUEUE);
        return row;
    }

    /**
     * The buffer consumer alone: updates are acknowledged while the documentation route is stopped, then
     * the route starts and the time until all are documented (and handed on) is measured.
     */
    private org.apache.camel.spi.RouteController routes() {
        return hub.context().getBean(org.apache.camel.CamelContext.class).getRouteController();
    }

    private Row drainPhase(String name, int count) throws Exception {
        var routes = routes();
        routes.stopRoute("buffer-to-documentation");
        // while the documentation route is stopped, the webhook path alone: the acknowledgement limit of the hub
        LoadGenerator.Result acked = measure("carehub ack only (documentation paused)", count, () -> {
                    LoadGenerator.Result r = load.closedLoop(webhook, batch("drain", count), CONCURRENCY);
                    return Row.of(count, r.perSecond(), r, 0, 0);
                })
                .load();
        long accepted = acked.sent() - acked.failed();
        long documentedBefore = documented();
        long inboundBefore = inboundDocumented();
        long handedBefore = lifecycleAdded();
        return measure(name, count, () -> {
            long start = System.nanoTime();
            routes.startRoute("buffer-to-documentation");
            long documentedAt = waitFor(() -> documented() - documentedBefore, accepted);
            long inbound = inboundDocumented() - inboundBefore;
            long handedAt = waitFor(() -> lifecycleAdded() - handedBefore, inbound);
            double perSecond = rate(accepted, start, documentedAt);
            return Row.of(count, perSecond, null, perSecond, rate(inbound, start, handedAt));
        });
    }

    private Row baselinePhase(String name, int count, boolean record) throws Exception {
        List<WhatsAppUpdates.Update> posts = batch("baseline" + count, count);
        long before = jdbc.queryForObject("select count(*) from bench_baseline", Long.class);
        return measure(record ? name : null, count, () -> {
            LoadGenerator.Result r = load.closedLoop(baseline, posts, CONCURRENCY);
            long accepted = r.sent() - r.failed();
            long storedAt = waitFor(
                    () -> jdbc.queryForObject("select count(*) from bench_baseline", Long.class) - before, accepted);
            return Row.of(count, r.perSecond(), r, rate(accepted, r.start(), storedAt), 0);
        });
    }

    private interface Phase {
        Row run() throws Exception;
    }

    /** Runs a phase with CPU (process CPU time / wall time, in cores) and peak used heap measured around it. */
    private Row measure(String name, int updates, Phase phase) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        if (!routes().getRouteStatus("buffer-to-documentation").isStopped()) {
            settle(); // not while the drain phase holds the documentation route
        }
        System.gc();
        heap.reset();
        Map<Long, Long> infrastructure0 = hub.infrastructure().start();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        Row row = phase.run();
        long wall = System.nanoTime() - wall0;
        double cores = (os.getProcessCpuTime() - cpu0) / (double) wall;
        Row measured = new Row(
                name,
                updates,
                row.perSecond(),
                row.load(),
                row.e2ePerSecond(),
                row.lifecyclePerSecond(),
                row.pooledPerSecond(),
                cores,
                hub.infrastructure().coresSince(infrastructure0, wall),
                heap.peakMb());
        if (name != null) {
            rows.add(measured);
            System.out.printf(
                    Locale.ROOT,
                    "  %-48s %10.0f/s  (at %.0f s)%n",
                    name,
                    measured.perSecond(),
                    (System.nanoTime() - STARTED) / 1e9);
        }
        return measured;
    }

    private List<WhatsAppUpdates.Update> batch(String phase, int count) {
        List<WhatsAppUpdates.Update> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(updates.update(phase, i));
        }
        return posts;
    }

    /** Inbound messages and statuses of this run documented so far. */
    private long documented() {
        return jdbc.queryForObject(
                "select (select count(*) from message where wamid like ? and direction = 'INBOUND')"
                        + " + (select count(*) from message_status where wamid like ?)",
                Long.class,
                updates.messagePrefix() + "%",
                updates.statusPrefix() + "%");
    }

    private long inboundDocumented() {
        return jdbc.queryForObject(
                "select count(*) from message where wamid like ? and direction = 'INBOUND'",
                Long.class,
                updates.messagePrefix() + "%");
    }

    /** Per second from {@code start} to {@code end}; NaN when the end was not reached. */
    private static double rate(long count, long start, long end) {
        return end < 0 ? Double.NaN : count / ((end - start) / 1e9);
    }

    /**
     * Waits until the work of earlier phases is done: every carehub queue empty for 2 s (the local Graph API
     * stand-in posts its sent/delivered/read statuses up to a second after each outbound message), so no phase
     * is measured while the previous one's consent notices and statuses still run on the same cores.
     */
    private void settle() {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(100))
                .during(Duration.ofSeconds(2))
                .until(() -> hub.queues().pending() == 0);
    }

    /** Messages handed on to the conversation lifecycle queue (broker counter). */
    private long lifecycleAdded() {
        return hub.queues()
                .messagesAdded(
                        hub.context().getEnvironment().getProperty("carehub.lifecycle.queue", "carehub.lifecycle"));
    }

    /** When progress reached target (System.nanoTime), or -1 after 180 s. */
    private static long waitFor(LongSupplier progress, long target) {
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> progress.getAsLong() >= target);
            return System.nanoTime();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("  !! only " + progress.getAsLong() + " of " + target + " after 180 s");
            return -1;
        }
    }

    /** Persistent sends, each confirmed by the broker, from {@code threads} sessions to the same embedded broker. */
    private double rawJmsSends(int count, int threads) throws Exception {
        ConnectionFactory factory = hub.context().getBean(ConnectionFactory.class);
        if (factory instanceof SingleConnectionFactory cached) {
            factory = cached.getTargetConnectionFactory();
        }
        byte[] payload = updates.update("jms", 0).body();
        AtomicInteger next = new AtomicInteger();
        try (Connection connection = factory.createConnection()) {
            List<Thread> senders = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Thread sender = new Thread(() -> {
                    try {
                        MessageProducer producer = session.createProducer(session.createQueue("bench.limit.jms"));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        while (next.getAndIncrement() < count) {
                            BytesMessage message = session.createBytesMessage();
                            message.writeBytes(payload);
                            producer.send(message);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                senders.add(sender);
                sender.start();
            }
            for (Thread sender : senders) {
                sender.join();
            }
            double perSecond = count / ((System.nanoTime() - start) / 1e9);
            hub.queues().purge("bench.limit.jms");
            return perSecond;
        }
    }

    /** The message rows the hub writes, inserted with JDBC batches of {@code batchSize}, one commit per batch. */
    private double rawJdbcInserts(int count, int threads, int batchSize) throws Exception {
        DataSource dataSource = hub.context().getBean(DataSource.class);
        long conversation = jdbc.queryForObject("select min(id) from conversation", Long.class);
        String prefix = updates.messagePrefix() + "limit-";
        String text = "Hallo, ich bin Erika Mustermann, meine Kundennummer ist K-55012398. Meine Rechnung ist zu hoch.";
        // as many bytes as the hub's ciphertext of the text: 12-byte nonce + text + 16-byte tag (AES-GCM)
        byte[] sealedSize = new byte[12 + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16];
        new java.util.Random(42).nextBytes(sealedSize);
        AtomicInteger next = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                try (var connection = dataSource.getConnection()) {
                    connection.setAutoCommit(false);
                    try (PreparedStatement insert = connection.prepareStatement("""
                            insert into bench_limit_message (wamid, conversation_id, direction, type, raw_type, text_body, sent_at)
                            values (?, ?, 'INBOUND', 'text', 'text', ?, ?) on conflict do nothing""")) {
                        int first;
                        while ((first = next.getAndAdd(batchSize)) < count) {
                            for (int i = first; i < Math.min(count, first + batchSize); i++) {
                                insert.setString(1, prefix + i);
                                insert.setLong(2, conversation);
                                insert.setBytes(3, sealedSize); // R19: the hub stores texts encrypted (bytea)
                                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                                insert.addBatch();
                            }
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void printTable() {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-48s %8s %6s %8s %7s %7s %7s %7s %7s %8s %8s %8s %5s %5s %7s%n",
                "phase",
                "updates",
                "failed",
                "ack/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "p99.9",
                "max ms",
                "e2e/s",
                "handed/s",
                "pooled/s",
                "CPU",
                "DB+MQ",
                "heap MB");
        for (Row row : rows) {
            LoadGenerator.Result r = row.load();
            System.out.printf(
                    Locale.ROOT,
                    "%-48s %8d %6s %8.0f %7s %7s %7s %7s %7s %8s %8s %8s %5.2f %5.2f %7.0f%n",
                    row.name(),
                    row.updates(),
                    r == null ? "-" : Integer.toString(r.failed()),
                    row.perSecond(),
                    ms(r, 50),
                    ms(r, 90),
                    ms(r, 99),
                    ms(r, 99.9),
                    ms(r, 100),
                    row.e2ePerSecond() > 0 ? String.format(Locale.ROOT, "%.0f", row.e2ePerSecond()) : "-",
                    row.lifecyclePerSecond() > 0 ? String.format(Locale.ROOT, "%.0f", row.lifecyclePerSecond()) : "-",
                    row.pooledPerSecond() > 0 ? String.format(Locale.ROOT, "%.0f", row.pooledPerSecond()) : "-",
                    row.cpuCores(),
                    row.infraCores(),
                    row.heapMb());
        }
        System.out.println(
                "(CPU = process CPU time / wall time, in cores of "
                        + Runtime.getRuntime().availableProcessors()
                        + ", load generator included; DB+MQ = CPU of the PostgreSQL server processes and of a standalone broker;"
                        + " heap = peak used heap of the benchmark JVM, sampled every 20 ms;"
                        + " e2e/s = updates / time from first send until all documented; handed/s = messages / time until"
                        + " handed to the lifecycle queue; pooled/s = conversations / time until handed to an agent pool queue)");
    }

    private static String ms(LoadGenerator.Result r, double percentile) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.1f", r.percentileMs(percentile));
    }

    /** Peak used heap, sampled (pool peaks of different moments would add up to more than was ever used). */
    private static final class HeapSampler {
        private volatile long peak;

        HeapSampler() {
            var memory = ManagementFactory.getMemoryMXBean();
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                        Thread sampler = new Thread(runnable, "bench-heap-sampler");
                        sampler.setDaemon(true);
                        return sampler;
                    })
                    .scheduleAtFixedRate(
                            () -> peak =
                                    Math.max(peak, memory.getHeapMemoryUsage().getUsed()),
                            0,
                            20,
                            TimeUnit.MILLISECONDS);
        }

        void reset() {
            peak = 0;
        }

        double peakMb() {
            return peak / 1048576.0;
        }
    }
}
