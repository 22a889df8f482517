package io.carehub.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The production broker (R44) as a separate process: an instance of the Artemis distribution that the
 * fault profile (and bench/run.sh) unpacks into target/, with the production buffer settings (src/test/resources/fault/broker.xml).
 */
public final class StandaloneArtemis implements AutoCloseable {

    public static final String USER = "carehub";
    public static final String PASSWORD = "carehub-fault";

    private final Path instance;
    private final int port;
    private final Path log;
    private Process process;

    private StandaloneArtemis(Path instance, int port) {
        this.instance = instance;
        this.port = port;
        this.log = instance.resolveSibling(instance.getFileName() + ".log");
    }

    public static StandaloneArtemis create(Path instance) throws Exception {
        StandaloneArtemis broker = make(instance, HubProcess.freePort());
        Files.writeString(broker.instance.resolve("etc/broker.xml"), brokerXml(broker.port));
        broker.start();
        return broker;
    }

    /**
     * R44: the production pair, replicated (shared nothing): a primary and its backup, each with the suite's broker.xml
     * plus the production HA settings (src/main/docker/artemis/{primary,backup}/broker.xml) on localhost. Returns when
     * the backup has synchronised with the primary, so that it can take over.
     */
    public static StandaloneArtemis[] createPair(Path directory) throws Exception {
        StandaloneArtemis primary = make(directory.resolve("primary"), HubProcess.freePort());
        StandaloneArtemis backup = make(directory.resolve("backup"), HubProcess.freePort());
        Files.writeString(primary.instance.resolve("etc/broker.xml"), haBrokerXml(primary.port, backup.port, true));
        Files.writeString(backup.instance.resolve("etc/broker.xml"), haBrokerXml(backup.port, primary.port, false));
        primary.start();
        backup.process = new ProcessBuilder(
                        backup.instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(backup.log.toFile()))
                .start();
        // AMQ221024: the backup is synchronised with the primary (before that, it could not take over)
        org.awaitility.Awaitility.await("Artemis backup synchronised, see " + backup.log)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(backup.log).contains("AMQ221024"));
        return new StandaloneArtemis[] {primary, backup};
    }

    /** The broker.xml of one of the pair: the suite's settings, the production HA policy, connectors on localhost. */
    static String haBrokerXml(int port, int peerPort, boolean primary) throws IOException {
        String policy = primary
                ? "<primary><check-for-active-server>true</check-for-active-server></primary>"
                : "<backup><allow-failback>true</allow-failback></backup>";
        return brokerXml(port)
                .replace(
                        "<name>carehub-fault</name>",
                        "<name>carehub-fault-" + (primary ? "primary" : "backup") + "</name>")
                .replace("<acceptors>", """
                        <cluster-user>carehub-cluster</cluster-user>
                              <cluster-password>carehub-fault-cluster</cluster-password>
                              <ha-policy><replication>%s</replication></ha-policy>
                              <connectors>
                                 <connector name="artemis">tcp://127.0.0.1:%d</connector>
                                 <connector name="peer">tcp://127.0.0.1:%d</connector>
                              </connectors>
                              <acceptors>""".formatted(policy, port, peerPort))
                .replace("</acceptors>", """
                        </acceptors>
                              <cluster-connections>
                                 <cluster-connection name="carehub-ha">
                                    <connector-ref>artemis</connector-ref>
                                    <message-load-balancing>OFF</message-load-balancing>
                                    <static-connectors><connector-ref>peer</connector-ref></static-connectors>
                                 </cluster-connection>
                              </cluster-connections>""");
    }

    /**
     * The client URL of the pair, as production's (application-prod.yml): both hosts, ha=true (the client learns the
     * topology and fails over to the backup), reconnect forever.
     */
    static String pairUrl(StandaloneArtemis primary, StandaloneArtemis backup) {
        return "(tcp://127.0.0.1:" + primary.port + ",tcp://127.0.0.1:" + backup.port + ")"
                + "?ha=true&reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000";
    }

    int port() {
        return port;
    }

    private static StandaloneArtemis make(Path instance, int port) throws Exception {
        Path home = Path.of(System.getProperty("carehub.fault.artemis-home", "target/apache-artemis-2.44.0"));
        if (!Files.isExecutable(home.resolve("bin/artemis"))) {
            throw new IllegalStateException("no Artemis distribution in " + home + ": run mvn -B verify -Pfault");
        }
        StandaloneArtemis broker = new StandaloneArtemis(instance.toAbsolutePath(), port);
        Files.createDirectories(instance.getParent());
        Process create = new ProcessBuilder(
                        home.resolve("bin/artemis").toString(),
                        "create",
                        broker.instance.toString(),
                        "--silent",
                        "--force",
                        "--user",
                        USER,
                        "--password",
                        PASSWORD,
                        "--require-login",
                        "--no-web",
                        "--no-autotune",
                        "--no-hornetq-acceptor",
                        "--no-amqp-acceptor",
                        "--no-mqtt-acceptor",
                        "--no-stomp-acceptor")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(broker.log.toFile()))
                .start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new IllegalStateException("artemis create failed, see " + broker.log);
        }
        Path profile = broker.instance.resolve("etc/artemis.profile");
        Files.writeString(
                profile,
                Files.readString(profile).replace("-Xms512M", "-Xms64M").replace("-Xmx2G", "-Xmx384M"));
        return broker;
    }

    /**
     * The broker.xml the instance runs with: src/test/resources/fault/broker.xml listening on {@code port} (also read by
     * the drift check against the production broker.xml, ops.DockerComposeFileTest).
     */
    public static String brokerXml(int port) throws IOException {
        return Files.readString(Path.of("src/test/resources/fault/broker.xml"))
                .replace("@PORT@", Integer.toString(port));
    }

    void start() {
        try {
            process = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org.awaitility.Awaitility.await("Artemis listening on " + port + ", see " + log)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> HubProcess.listening(port));
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** SIGKILL to the broker JVM (and the launcher script, if it did not exec). */
    void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(p -> p.onExit().join());
    }

    /** The launcher script and the broker JVM (for the benchmark's CPU column). */
    public Stream<ProcessHandle> processes() {
        return process == null ? Stream.empty() : Stream.concat(Stream.of(process.toHandle()), process.descendants());
    }

    /** The client URL the hub uses: reconnect forever, like the production failover URL. */
    public String brokerUrl() {
        return "tcp://127.0.0.1:" + port
                + "?reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000";
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> tree = process.descendants().toList();
            process.destroy();
            tree.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
