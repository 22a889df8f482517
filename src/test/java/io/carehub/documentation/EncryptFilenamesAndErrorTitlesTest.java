package io.carehub.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.CryptoProperties;
import io.carehub.crypto.MigrationKeys;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R19 upgrade: a database of an older version, with attachment file names and outbound error titles in clear, is
 * migrated (65-67): both end up encrypted with the contact's key, no clear copy is left, the clear columns are gone.
 * Without the hub's encrypting migration 66 the upgrade stops and the clear values stay: nothing is lost silently.
 */
class EncryptFilenamesAndErrorTitlesTest {

    private static final CryptoProperties CRYPTO = OlderSchema.CRYPTO;
    private static final String FILENAME = "Kuendigung Erika Klarname.pdf";
    private static final String ERROR_TITLE = "Nachricht an Klarname nicht zustellbar";

    private static OlderSchema postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = OlderSchema.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** A fresh database at the schema before migration 65 (the last before it is 60), with one clear file name and one clear error title. */
    private static DataSource olderVersionDatabase(String name) throws Exception {
        DataSource database = postgres.database(name, "60");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        long conversation = OlderSchema.conversation(jdbc, name);
        long inbound = OlderSchema.inboundDocument(jdbc, conversation, "wamid.in-" + name);
        jdbc.update(
                "insert into attachment (message_id, media_id, mime_type, filename) values (?, ?, 'application/pdf', ?)",
                inbound,
                "media-" + name,
                FILENAME);
        jdbc.update(
                "insert into message (wamid, conversation_id, direction, type, delivery_state, error_code, error_title)"
                        + " values (?, ?, 'OUTBOUND', 'text', 'failed', 131026, ?)",
                "wamid.out-" + name,
                conversation,
                ERROR_TITLE);
        return database;
    }

    @Test
    void clearFilenamesAndErrorTitlesAreEncryptedWithTheContactsKeyAndTheClearColumnsDropped() throws Exception {
        DataSource database = olderVersionDatabase("upgrade_names");
        JdbcTemplate jdbc = new JdbcTemplate(database);

        OlderSchema.upgrade(database, new EncryptFilenamesAndErrorTitles(CRYPTO, Clock.systemUTC()));

        assertThat(jdbc.queryForList(
                        "select table_name || '.' || column_name from information_schema.columns"
                                + " where column_name in ('filename_plain', 'error_title_plain')",
                        String.class))
                .isEmpty();
        byte[] filename = jdbc.queryForObject("select filename from attachment", byte[].class);
        byte[] errorTitle =
                jdbc.queryForObject("select error_title from message where error_title is not null", byte[].class);
        assertThat(new String(filename, StandardCharsets.ISO_8859_1)).doesNotContain("Klarname");
        assertThat(new String(errorTitle, StandardCharsets.ISO_8859_1)).doesNotContain("Klarname");
        long contact = jdbc.queryForObject("select id from contact", Long.class);
        try (Connection connection = database.getConnection()) {
            ContactKeys keys = MigrationKeys.over(connection, CRYPTO, Clock.systemUTC());
            ContactCipher cipher = keys.existing(contact).orElseThrow();
            assertThat(cipher.openText(filename, Attachments.FILENAME)).isEqualTo(FILENAME);
            assertThat(cipher.openText(errorTitle, Messages.ERROR_TITLE)).isEqualTo(ERROR_TITLE);
        }
    }

    @Test
    void withoutTheEncryptingMigrationClearValuesAreKeptAndTheUpgradeStops() throws Exception {
        DataSource database = olderVersionDatabase("upgrade_names_refused");
        JdbcTemplate jdbc = new JdbcTemplate(database);

        assertThatThrownBy(() -> OlderSchema.upgrade(database))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("still hold clear values");
        assertThat(jdbc.queryForObject("select filename_plain from attachment", String.class))
                .isEqualTo(FILENAME);
        assertThat(jdbc.queryForObject(
                        "select error_title_plain from message where error_title_plain is not null", String.class))
                .isEqualTo(ERROR_TITLE);
    }
}
