package io.carehub.fault;

import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One carehub instance as its own JVM ({@code java -jar} the packaged jar), so it can be SIGKILLed. */
final class HubProcess implements AutoCloseable {

    /** R19: the fault-suite hubs' key of the lookup hashes customers are found by. */
    private static final String LOOKUP_KEY = "fault-suite-lookup-key";

    /** The keyed hash a customer's WhatsApp id or BSUID is stored and looked up by (contact.wa_id_hash / user_id_hash). */
    static byte[] lookupHash(String identifier) {
        return new io.carehub.ops.HmacSha256(LOOKUP_KEY)
                .of(identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static final String VAULT_KEY = "Y2FyZWh1Yi1mYXVsdC1zdWl0ZS12YXVsdC1rZXktMzI=";
    static final String KEK = "Y2FyZWh1Yi1mYXVsdC1zdWl0ZS1jcnlwdG8ta2VrLTM=";

    private final String name;
    private final int port;
    private final Map<String, String> properties;
    private final Path log;
    private Process process;

    private HubProcess(String name, Map<String, String> properties, Path logDirectory) {
        this.name = name;
        this.port = freePort();
        this.properties = properties;
        this.log = logDirectory.resolve(name + ".log");
    }

    /** The settings every fault-suite hub shares: test secrets, agents instead of the bot, fast media retries. */
    static Map<String, String> baseProperties(String graphBaseUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("carehub.whatsapp.app-secret", HubTest.APP_SECRET);
        p.put("carehub.whatsapp.verify-token", "fault-verify-token");
        p.put("carehub.whatsapp.access-token", "fault-access-token");
        p.put("carehub.whatsapp.graph-base-url", graphBaseUrl);
        p.put("carehub.buffer.encryption-key", HubTest.BUFFER_KEY);
        p.put("carehub.buffer.group-key", "fault-group-key");
        // the audits read an embedded hub's database with this password
        p.put("carehub.postgres.password", "postgres");
        p.put("carehub.privacy.vault-key", VAULT_KEY);
        p.put("carehub.crypto.kek", KEK);
        p.put("carehub.crypto.lookup-key", LOOKUP_KEY);
        p.put("carehub.buffer.consumers", "4");
        p.put("carehub.media.first-backoff", "1s");
        p.put("carehub.media.max-backoff", "4s");
        p.put("carehub.media.max-attempts", "30");
        p.put("carehub.media.poll-interval", "250ms");
        p.put("carehub.media.timeout", "5s");
        // WireMock serves media over plain HTTP on localhost
        p.put("carehub.media.allowed-hosts", "localhost");
        p.put("carehub.media.plain-http-hosts", "localhost");
        p.put("carehub.dialog.routing.private-customers", "agents");
        p.put("carehub.dialog.routing.business", "agents");
        p.put("carehub.dialog.routing.unknown", "agents");
        p.put("spring.datasource.hikari.maximum-pool-size", "12");
        // R47: tokens from the test identity provider (the prod profile needs one; the suite calls no API)
        IdentityProvider.hubProperties().forEach((key, value) -> p.put(key, value.toString()));
        return p;
    }

    static HubProcess start(String name, Map<String, String> properties) {
        return start(name, properties, Path.of("target", "fault"));
    }

    /** A hub whose log goes to {@code logDirectory}/name.log. */
    static HubProcess start(String name, Map<String, String> properties, Path logDirectory) {
        HubProcess hub = new HubProcess(name, properties, logDirectory);
        hub.launch();
        return hub;
    }

    void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar().toString(),
                "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofSeconds(180));
    }

    /** SIGKILL: no shutdown hook, no graceful stop of anything the hub started (Java sends SIGKILL here). */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** The hub JVM's process id: with the host name, the instance's name in job_runner (R46). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** True if something accepts connections on the local port. */
    static boolean listening(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    void restart() {
        launch();
    }

    boolean healthy() {
        try {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitHealthy(Duration timeout) {
        try {
            org.awaitility.Awaitility.await("hub " + name + " healthy")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "hub " + name + " exited with " + process.exitValue() + ", see " + log);
                        }
                        return healthy();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("hub " + name + " not healthy within " + timeout + ", see " + log, e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    URI webhook() {
        return URI.create(baseUrl() + "/webhooks/whatsapp");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: graceful, stops an embedded PostgreSQL
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path jar() {
        String configured = System.getProperty("carehub.fault.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("carehub-.*\\.jar")
                            && !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/carehub-*.jar: run mvn package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Paces the load generator (the gap between a customer's messages, Meta's retry interval): a timed
     * schedule, not a wait for something to happen — those use Awaitility.
     */
    static void pace(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
