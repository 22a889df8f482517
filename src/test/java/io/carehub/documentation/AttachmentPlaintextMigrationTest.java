package io.carehub.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.CryptoProperties;
import io.carehub.crypto.MigrationKeys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R19 upgrade: a database of an older version, with attachment bytes stored in clear, is migrated: the bytes end up
 * encrypted with the contact's key (and decrypt to what was stored), no clear copy is left, the column is gone.
 * Without the hub's encrypting migration the column is not dropped: clear bytes are never lost silently.
 */
class AttachmentPlaintextMigrationTest {

    private static final CryptoProperties CRYPTO = OlderSchema.CRYPTO;

    private static OlderSchema postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = OlderSchema.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** A fresh database at the schema before encrypted attachments (migration 45). */
    private static DataSource olderVersionDatabase(String name) throws Exception {
        return postgres.database(name, "45");
    }

    private static long storeInClear(JdbcTemplate jdbc, String waId, byte[] content) {
        long message = OlderSchema.inboundDocument(jdbc, OlderSchema.conversation(jdbc, waId), "wamid." + waId);
        return jdbc.queryForObject(
                "insert into attachment (message_id, media_id, mime_type, content, state) values (?, ?, 'application/pdf',"
                        + " ?, case when ? then 'STORED' else 'PENDING' end) returning id",
                Long.class,
                message,
                "media-" + waId,
                content,
                content != null);
    }

    private static byte[] file(int size, String marker) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] clear = marker.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + clear.length <= size; at += 100_000) {
            System.arraycopy(clear, 0, bytes, at, clear.length);
        }
        return bytes;
    }

    @Test
    void clearAttachmentBytesAreEncryptedWithTheContactsKeyAndTheColumnIsDropped() throws Exception {
        DataSource database = olderVersionDatabase("upgrade_encrypts");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        byte[] big = file(2 * AttachmentPlaintextMigration.SLICE_BYTES + 4321, "KLARTEXT-ALT");
        long bigId = storeInClear(jdbc, "4915100000001", big);
        long emptyId = storeInClear(jdbc, "4915100000002", new byte[0]);
        long pendingId = storeInClear(jdbc, "4915100000003", null);

        OlderSchema.upgrade(database, new AttachmentPlaintextMigration(CRYPTO, Clock.systemUTC()));

        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.columns where table_name = 'attachment'"
                                + " and column_name = 'content'",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from attachment_chunk where position(? in bytes) > 0",
                        Long.class,
                        "KLARTEXT-ALT".getBytes(StandardCharsets.UTF_8)))
                .isZero();
        assertThat(jdbc.queryForObject("select size_bytes from attachment where id = ?", Long.class, bigId))
                .isEqualTo(big.length);
        assertThat(decrypted(database, bigId)).isEqualTo(big);
        assertThat(decrypted(database, emptyId)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from attachment_chunk where attachment_id = ?", Long.class, pendingId))
                .isZero();
    }

    @Test
    void withoutTheEncryptingMigrationClearBytesAreKeptAndTheUpgradeStops() throws Exception {
        DataSource database = olderVersionDatabase("upgrade_refuses");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        long id = storeInClear(jdbc, "4915100000004", file(1000, "KLARTEXT"));

        assertThatThrownBy(() -> OlderSchema.upgrade(database))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("attachment.content still holds clear bytes");
        assertThat(jdbc.queryForObject("select length(content) from attachment where id = ?", Long.class, id))
                .isEqualTo(1000);
    }

    private static byte[] decrypted(DataSource database, long attachmentId) throws Exception {
        try (Connection connection = database.getConnection()) {
            ContactKeys keys = MigrationKeys.over(connection, CRYPTO, Clock.systemUTC());
            JdbcTemplate jdbc = new JdbcTemplate(database);
            long contact = jdbc.queryForObject(
                    "select c.contact_id from attachment a join message m on m.id = a.message_id"
                            + " join conversation c on c.id = m.conversation_id where a.id = ?",
                    Long.class,
                    attachmentId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new AttachmentChunks(new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(database))
                    .read(attachmentId, keys.existing(contact).orElseThrow(), out);
            return out.toByteArray();
        }
    }
}
