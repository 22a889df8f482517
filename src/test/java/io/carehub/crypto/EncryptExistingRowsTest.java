package io.carehub.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * R19 upgrade: a database written in clear text by an older carehub (rows in the columns V41 renames to *_plain)
 * is migrated to the latest schema with the hub's KEK: every value is readable with its contact's key (the rejected
 * update with its month's key), the contact is found by its lookup hashes, and no plaintext column is left.
 */
class EncryptExistingRowsTest {

    private static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String LOOKUP_KEY = "lookup-key-of-the-upgrade-test";

    @Test
    void plaintextRowsAreEncryptedWithTheirContactsKeysAndThePlaintextColumnsDropped() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("carehub-upgrade-pg"))
                .setCleanDataDirectory(true)
                .start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            CryptoProperties properties = new CryptoProperties(KEK, null, LOOKUP_KEY, Duration.ofMinutes(1), 100);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .target("41")
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String phone = "4917" + (10_000_000 + (int) (Math.random() * 80_000_000));
            long contact = jdbc.queryForObject("""
                    insert into contact (wa_id_plain, phone_number_plain, user_id_plain, username_plain,
                                         profile_name_plain)
                    values (?, ?, 'DE.1502576394655843', 'erika.m', 'Erika Muster') returning id""", Long.class, phone, phone);
            long conversation = jdbc.queryForObject("""
                    insert into conversation (contact_id, business_phone_number_id, bot_summary_plain)
                    values (?, 'biz', 'Kundin fragt nach dem Vertrag') returning id""", Long.class, contact);
            long message =
                    jdbc.queryForObject("""
                    insert into message (wamid, conversation_id, direction, type, text_body_plain, details_plain,
                                         outbound_payload_plain, last_error_plain, sent_at)
                    values ('wamid.upgrade', ?, 'OUTBOUND', 'text', 'Guten Tag Frau Muster', '{"id":"menu:x"}',
                            cast(? as jsonb), 'refused for 4917', now()) returning id""", Long.class, conversation, "{\"to\":\"" + phone + "\",\"type\":\"text\"}");
            jdbc.update("""
                    insert into customer_identity (contact_id, segment, salutation_plain, name_plain,
                                                   customer_number_plain)
                    values (?, 'PRIVATE', 'Frau', 'Erika Muster', 'K-100200')""", contact);
            UUID dialog = UUID.randomUUID();
            jdbc.update("""
                    insert into dialog (id, conversation_id, platform, state, started_at, last_activity_at)
                    values (?, ?, 'local', 'ACTIVE', now(), now())""", dialog, conversation);
            jdbc.update("""
                    insert into dialog_log (dialog_id, direction, text_pseudonymized_plain, logged_at)
                    values (?, 'TO_PLATFORM', 'Hallo <PERSON_1>', now())""", dialog);
            jdbc.update(
                    "insert into agent_action (conversation_id, agent_id, action, details_plain) values (?, 'a', 'TRANSFER', '{\"toPool\":\"b\"}')",
                    conversation);
            Instant received = Instant.parse("2026-03-14T10:00:00Z");
            jdbc.update(
                    """
                    insert into rejected_update (received_at, reason, payload_plain, payload_sha256)
                    values (?, 'malformed JSON', ?, 'sha')""", Timestamp.from(received), ("{\"from\":\"" + phone + "\"").getBytes(StandardCharsets.UTF_8));

            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .javaMigrations(new EncryptExistingRows(properties))
                    .load()
                    .migrate();

            assertThat(jdbc.queryForList(
                            "select table_name || '.' || column_name from information_schema.columns"
                                    + " where column_name like '%\\_plain'",
                            String.class))
                    .isEmpty();
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
            ContactCipher cipher = ContactKeys.forTool(properties, named, null)
                    .existing(contact)
                    .orElseThrow();
            LookupHash lookupHash = new LookupHash(properties);
            Map<String, Object> row = jdbc.queryForMap("select * from contact where id = ?", contact);
            assertThat((byte[]) row.get("wa_id_hash")).isEqualTo(lookupHash.of(phone));
            assertThat((byte[]) row.get("user_id_hash")).isEqualTo(lookupHash.of("DE.1502576394655843"));
            assertThat(cipher.openText((byte[]) row.get("phone_number"), "contact.phone_number"))
                    .isEqualTo(phone);
            assertThat(cipher.openText((byte[]) row.get("user_id"), "contact.user_id"))
                    .isEqualTo("DE.1502576394655843");
            assertThat(cipher.openText((byte[]) row.get("username"), "contact.username"))
                    .isEqualTo("erika.m");
            assertThat(cipher.openText((byte[]) row.get("profile_name"), "contact.profile_name"))
                    .isEqualTo("Erika Muster");
            Map<String, Object> stored = jdbc.queryForMap("select * from message where id = ?", message);
            assertThat(cipher.openText((byte[]) stored.get("text_body"), "message.text_body"))
                    .isEqualTo("Guten Tag Frau Muster");
            assertThat(cipher.openText((byte[]) stored.get("details"), "message.details"))
                    .isEqualTo("{\"id\": \"menu:x\"}");
            assertThat(cipher.openText((byte[]) stored.get("outbound_payload"), "message.outbound_payload"))
                    .contains(phone);
            assertThat(cipher.openText((byte[]) stored.get("last_error"), "message.last_error"))
                    .isEqualTo("refused for 4917");
            assertThat(cipher.openText(
                            jdbc.queryForObject(
                                    "select bot_summary from conversation where id = ?", byte[].class, conversation),
                            "conversation.bot_summary"))
                    .isEqualTo("Kundin fragt nach dem Vertrag");
            assertThat(cipher.openText(
                            jdbc.queryForObject(
                                    "select name from customer_identity where contact_id = ?", byte[].class, contact),
                            "customer_identity.name"))
                    .isEqualTo("Erika Muster");
            assertThat(cipher.openText(
                            jdbc.queryForObject(
                                    "select text_pseudonymized from dialog_log where dialog_id = ?",
                                    byte[].class,
                                    dialog),
                            "dialog_log.text_pseudonymized"))
                    .isEqualTo("Hallo <PERSON_1>");
            assertThat(cipher.openText(
                            jdbc.queryForObject(
                                    "select details from agent_action where conversation_id = ?",
                                    byte[].class,
                                    conversation),
                            "agent_action.details"))
                    .isEqualTo("{\"toPool\": \"b\"}");
            Map<String, Object> rejected = jdbc.queryForMap("select key_month, payload from rejected_update");
            assertThat(new String(
                            new UnattributedKeys(properties, named, null, java.time.Clock.systemUTC())
                                    .open(
                                            ((java.sql.Date) rejected.get("key_month")).toLocalDate(),
                                            (byte[]) rejected.get("payload"),
                                            "rejected_update.payload"),
                            StandardCharsets.UTF_8))
                    .isEqualTo("{\"from\":\"" + phone + "\"");
        }
    }
}
