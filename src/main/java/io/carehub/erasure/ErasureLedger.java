package io.carehub.erasure;

import com.zaxxer.hikari.HikariDataSource;
import io.carehub.documentation.EmbeddedPostgresServer;
import io.carehub.documentation.PostgresProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R33: owner of the erasure ledger, a table in a database of its own (not the main database: restoring that from an
 * older backup must not take the ledger back in time). It holds the keyed hash of every erased WhatsApp id and BSUID,
 * when and why; {@link LedgerReapply} erases again whatever contact of a restored backup it names. Default profile:
 * a database {@code carehub.erasure.ledger.database} on the embedded PostgreSQL, created at start; otherwise its own
 * JDBC URL and account. Its own Flyway location: {@code db/ledger}.
 */
@Component
public class ErasureLedger implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureLedger.class);

    /** One entry: the lookup hash and when it was erased. */
    public record Entry(byte[] lookupHash, Instant erasedAt) {}

    static final String NOT_CONFIGURED =
            "carehub.erasure.ledger.url is not set (required without the embedded PostgreSQL)";

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    ErasureLedger(
            ErasureProperties properties,
            ObjectProvider<EmbeddedPostgresServer> embedded,
            ObjectProvider<PostgresProperties> postgres) {
        ErasureProperties.Ledger ledger = properties.ledger();
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        boolean own = ledger.url() != null && !ledger.url().isBlank();
        if (!own && server == null) {
            // prod without a ledger: the hub runs, but no erasure completes and health says why (fails loudly there)
            LOG.error("erasure ledger: {}; erasures cannot complete", NOT_CONFIGURED);
            dataSource = null;
            jdbc = null;
            return;
        }
        dataSource = new HikariDataSource();
        dataSource.setPoolName("erasure-ledger");
        dataSource.setMaximumPoolSize(2);
        if (own) {
            dataSource.setJdbcUrl(ledger.url());
            dataSource.setUsername(ledger.username());
            dataSource.setPassword(ledger.password());
        } else {
            String password = postgres.getObject().password();
            createIfMissing(server.jdbcUrl(), password, ledger.database());
            dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + server.port() + "/" + ledger.database());
            dataSource.setUsername("postgres");
            dataSource.setPassword(password);
        }
        // R48: with an owner account the ledger is migrated as its owner, and the hub's account only reads and inserts
        boolean owner = own
                && ledger.flywayUsername() != null
                && !ledger.flywayUsername().isBlank();
        (owner
                        ? Flyway.configure().dataSource(ledger.url(), ledger.flywayUsername(), ledger.flywayPassword())
                        : Flyway.configure().dataSource(dataSource))
                .locations("classpath:db/ledger")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    /** False in a production set-up without {@code carehub.erasure.ledger.url}: no erasure can complete. */
    public boolean configured() {
        return jdbc != null;
    }

    /**
     * Records the erased identifiers' hashes; idempotent (the first erasure's time stays). The time is the database
     * server's, as {@code contact.created_at} is: re-applying compares the two.
     */
    public void record(List<byte[]> lookupHashes, String reason) {
        requireConfigured();
        for (byte[] hash : lookupHashes) {
            jdbc.update("""
                    insert into erasure_ledger (lookup_hash, erased_at, reason) values (?, now(), ?)
                    on conflict (lookup_hash) do nothing""", hash, reason);
        }
    }

    /** Up to {@code limit} entries after {@code afterHash} (paging in hash order; null: from the start). */
    public List<Entry> page(byte[] afterHash, int limit) {
        requireConfigured();
        return jdbc.query(
                """
                select lookup_hash, erased_at from erasure_ledger
                 where cast(? as bytea) is null or lookup_hash > cast(? as bytea)
                 order by lookup_hash limit ?""", (rs, i) -> new Entry(rs.getBytes(1), rs.getTimestamp(2).toInstant()), afterHash, afterHash, limit);
    }

    public long size() {
        requireConfigured();
        Long count = jdbc.queryForObject("select count(*) from erasure_ledger", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void destroy() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private void requireConfigured() {
        if (jdbc == null) {
            throw new IllegalStateException(NOT_CONFIGURED);
        }
    }

    private static void createIfMissing(String serverUrl, String password, String database) {
        try (Connection connection = DriverManager.getConnection(serverUrl, "postgres", password);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (PreparedStatement quoted = connection.prepareStatement("select format('create database %I', ?)");
                    Statement statement = connection.createStatement()) {
                quoted.setString(1, database);
                try (ResultSet create = quoted.executeQuery()) {
                    create.next();
                    statement.execute(create.getString(1));
                }
            }
            LOG.info("erasure ledger: database {} created on the embedded PostgreSQL", database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the erasure ledger's database", e);
        }
    }
}
