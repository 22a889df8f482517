package io.carehub.documentation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R43: a real PostgreSQL (embedded binaries) keeping its data under the data dir, listening on
 * localhost so ops can inspect it with psql. Can be stopped and started again on the same port.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** A pg_hba.conf rule (not a comment) that lets anyone in without a password. */
    private static final Pattern TRUST_RULE = Pattern.compile("(?m)^([ \\t]*[^#\\s][^\\n]*\\s)trust([ \\t]*)$");

    private final Path dataDirectory;
    private final int port;
    private final String password;
    private EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path dataDirectory, int port, String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("carehub.postgres.password is required for the embedded PostgreSQL");
        }
        this.dataDirectory = dataDirectory;
        this.port = port == 0 ? freePort() : port;
        this.password = password;
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            stopLeftoverPostmaster();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the library's readiness check logs in like any client
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    // R10: the documentation is the only copy once the buffer let go of an update; the library's
                    // defaults (fsync and synchronous_commit off) would lose committed rows in a power cut
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // stopped by the application context (stop()), after the routes, consumers and pool that use it;
                    // the library's own JVM shutdown hook would stop it concurrently, while they still drain
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDirectory, e);
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).startsWith("Missing embedded postgres binaries")) {
                throw e;
            }
            // no binaries for this platform on the class path: a jar built with -Dproduction (the image) has none
            throw new IllegalStateException(
                    "no embedded PostgreSQL binaries for " + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch")
                            + " in this build (a -Dproduction build leaves them out): run it"
                            + " with the prod profile and an external PostgreSQL, or build it without -Dproduction",
                    e);
        }
        requirePassword();
        LOG.info(
                "embedded PostgreSQL listening on localhost:{} (psql -h localhost -p {} -U postgres, password"
                        + " carehub.postgres.password), data in {}",
                port,
                port,
                dataDirectory);
    }

    /**
     * The embedded library makes every data dir with "trust" (any local user gets in as superuser, no password):
     * on first start, and for a data dir of an older hub, the user postgres gets {@code carehub.postgres.password}
     * and every rule then asks for it (scram-sha-256).
     */
    private void requirePassword() {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            String rules = Files.readString(hba);
            if (!TRUST_RULE.matcher(rules).find()) {
                return;
            }
            try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", password);
                    PreparedStatement quoted =
                            connection.prepareStatement("select format('alter role postgres password %L', ?::text)");
                    Statement statement = connection.createStatement()) {
                quoted.setString(1, password);
                try (ResultSet alter = quoted.executeQuery()) {
                    alter.next();
                    statement.execute(alter.getString(1));
                }
                Files.writeString(hba, TRUST_RULE.matcher(rules).replaceAll("$1scram-sha-256$2"));
                statement.execute("select pg_reload_conf()");
            }
            LOG.info("embedded PostgreSQL: user postgres now needs its password (pg_hba.conf: scram-sha-256)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure " + hba, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the password of the embedded PostgreSQL", e);
        }
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
        postgres = null;
    }

    /**
     * A hub killed with SIGKILL leaves its postmaster running (no shutdown hook ran). The embedded library
     * would then silently attach to that orphan if it happens to listen on our port, or fail if not: stop
     * it (fast shutdown, as pg_ctl does) so this hub starts its own server with its own settings.
     */
    private void stopLeftoverPostmaster() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long pid;
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (IOException | RuntimeException unreadable) {
            return; // postgres itself reports a stale or broken pid file
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(p -> p.info()
                        .command()
                        .map(command -> command.endsWith("/postgres"))
                        .orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        LOG.warn(
                "embedded PostgreSQL: postmaster {} left by an earlier run still serves {}; stopping it (fast shutdown)",
                pid,
                dataDirectory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
            leftover.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            LOG.warn(
                    "leftover postmaster {} did not stop in time ({}); killing it",
                    pid,
                    e.getClass().getSimpleName());
            leftover.get().destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the leftover postmaster", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
