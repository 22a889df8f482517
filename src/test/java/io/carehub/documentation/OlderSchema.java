package io.carehub.documentation;

import io.carehub.crypto.CryptoProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R19 upgrade tests: an embedded PostgreSQL whose databases are migrated up to an older version, a customer's
 * conversation stored the way that version stored it, and the upgrade run with or without the hub's encrypting
 * Java migration.
 */
final class OlderSchema implements AutoCloseable {

    private static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);
    static final CryptoProperties CRYPTO = new CryptoProperties(KEK, null, KEK, Duration.ofMinutes(5), 100);

    private final EmbeddedPostgres postgres;

    private OlderSchema(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static OlderSchema start() throws Exception {
        return new OlderSchema(EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("carehub-upgrade-pg"))
                .setCleanDataDirectory(true)
                .start());
    }

    /** A fresh database {@code name} migrated up to {@code version}. */
    DataSource database(String name, String version) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("create database " + name);
        }
        DataSource database = postgres.getDatabase("postgres", name);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
        return database;
    }

    /** Migrates {@code database} to the newest version, with {@code javaMigrations} (none: the SQL ones alone). */
    static void upgrade(DataSource database, JavaMigration... javaMigrations) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations)
                .load()
                .migrate();
    }

    /** A contact (by a stand-in lookup hash) with an open conversation; returns the conversation's id. */
    static long conversation(JdbcTemplate jdbc, String contactHash) {
        long contact =
                jdbc.queryForObject("insert into contact (wa_id_hash) values (?) returning id", Long.class, (Object)
                        contactHash.getBytes());
        return jdbc.queryForObject(
                "insert into conversation (contact_id, business_phone_number_id) values (?, '106540352242922')"
                        + " returning id",
                Long.class,
                contact);
    }

    /** An inbound document message of the conversation; returns its id. */
    static long inboundDocument(JdbcTemplate jdbc, long conversation, String wamid) {
        return jdbc.queryForObject(
                "insert into message (wamid, conversation_id, direction, type) values (?, ?, 'INBOUND', 'document')"
                        + " returning id",
                Long.class,
                wamid,
                conversation);
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
