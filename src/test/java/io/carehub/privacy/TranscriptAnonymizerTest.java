package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.CryptoProperties;
import io.carehub.documentation.StreamingReads;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** R28: anonymized transcript export from the message table. */
class TranscriptAnonymizerTest {

    private final NamedParameterJdbcTemplate jdbc = TestDatabase.jdbc();
    // R19: the texts and the contact's identifiers are encrypted with the contact's key, as the hub stores them
    private final ContactKeys keys = ContactKeys.forTool(
            new CryptoProperties(
                    Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)),
                    null,
                    null,
                    Duration.ofMinutes(1),
                    100),
            jdbc,
            null);
    private final TranscriptAnonymizer anonymizer = new TranscriptAnonymizer(
            jdbc, keys, new Stripper(new PiiDetector(List.of("0800 330 1000"), "DE"), "[REDACTED]"));

    @Test
    void exportsMessagesOfThePeriodWithPersonalDataAndIdsRemoved() throws Exception {
        String waId = "4917" + (10_000_000 + (int) (Math.random() * 80_000_000));
        long contact = contact(waId, null, null, "Jule Beispiel");
        Long conversation = jdbc.queryForObject(
                "insert into conversation (contact_id, business_phone_number_id) values (:c, 'biz') returning id",
                new MapSqlParameterSource("c", contact),
                Long.class);
        insert(
                conversation,
                "INBOUND",
                "hallo ich bin Jule, meine iban DE89 3704 0044 0532 0130 00",
                "2031-05-02T10:00:00Z");
        insert(conversation, "OUTBOUND", "Danke Jule Beispiel, wir melden uns unter +" + waId, "2031-05-02T10:01:00Z");
        insert(conversation, "INBOUND", "ausserhalb des zeitraums", "2031-05-09T10:00:00Z");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written =
                anonymizer.export(Instant.parse("2031-05-01T00:00:00Z"), Instant.parse("2031-05-03T00:00:00Z"), out);

        List<JsonNode> lines =
                out.toString(StandardCharsets.UTF_8).lines().map(this::json).toList();
        assertThat(written).isEqualTo(2);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("conversation").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("seq").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("day").asText()).isEqualTo("2031-05-02");
        assertThat(lines.get(0).get("text").asText()).isEqualTo("hallo ich bin [REDACTED], meine iban [REDACTED]");
        assertThat(lines.get(1).get("direction").asText()).isEqualTo("OUTBOUND");
        String all = out.toString(StandardCharsets.UTF_8);
        assertThat(all)
                .doesNotContain(waId.substring(2))
                .doesNotContain("Jule")
                .doesNotContain("Beispiel")
                .doesNotContain("+[");
        assertThat(lines.get(1).get("text").asText()).isEqualTo("Danke [REDACTED], wir melden uns unter [REDACTED]");
    }

    @Test
    void exportRemovesTheBsuidAndUsernameOfACustomerWithoutPhoneNumber() throws Exception {
        // R52: a BSUID and a username are personal data too
        String bsuid = "DE.15025" + (10_000_000 + (int) (Math.random() * 80_000_000));
        long contact = contact(null, bsuid, "jule.b", "Jule Beispiel");
        Long conversation = jdbc.queryForObject(
                "insert into conversation (contact_id, business_phone_number_id) values (:c, 'biz') returning id",
                new MapSqlParameterSource("c", contact),
                Long.class);
        insert(conversation, "INBOUND", "ich bin jule.b, meine Kennung ist " + bsuid, "2033-03-02T10:00:00Z");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written =
                anonymizer.export(Instant.parse("2033-03-01T00:00:00Z"), Instant.parse("2033-03-03T00:00:00Z"), out);

        assertThat(written).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .doesNotContain(bsuid)
                .doesNotContain(bsuid.substring(3))
                .doesNotContain("jule.b");
    }

    /** The text that made the analyze API answer "For input string" also broke the export. */
    @Test
    void exportsADateLikeRunOfDigitsWithoutFailing() {
        long contact = contact("4916" + (10_000_000 + (int) (Math.random() * 80_000_000)), null, null, null);
        Long conversation = jdbc.queryForObject(
                "insert into conversation (contact_id, business_phone_number_id) values (:c, 'biz') returning id",
                new MapSqlParameterSource("c", contact),
                Long.class);
        insert(conversation, "INBOUND", "geb. 1990-1-99999999999", "2032-03-02T10:00:00Z");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written =
                anonymizer.export(Instant.parse("2032-03-02T00:00:00Z"), Instant.parse("2032-03-03T00:00:00Z"), out);

        assertThat(written).isEqualTo(1);
    }

    /** A contact as the hub stores it: found by keyed hashes (random here), its values encrypted with its key. */
    private long contact(String waId, String userId, String username, String profileName) {
        Long id = jdbc.queryForObject(
                "insert into contact (wa_id_hash, user_id_hash) values (:wa, :u) returning id",
                new MapSqlParameterSource("wa", waId == null ? null : new SecureRandom().generateSeed(32))
                        .addValue("u", userId == null ? null : new SecureRandom().generateSeed(32)),
                Long.class);
        ContactCipher cipher = keys.forContact(id);
        jdbc.update(
                """
                update contact set phone_number = :wa, user_id = :u, username = :username, profile_name = :name
                 where id = :id""",
                new MapSqlParameterSource("id", id)
                        .addValue("wa", cipher.seal(waId, "contact.phone_number"))
                        .addValue("u", cipher.seal(userId, "contact.user_id"))
                        .addValue("username", cipher.seal(username, "contact.username"))
                        .addValue("name", cipher.seal(profileName, "contact.profile_name")));
        return id;
    }

    /**
     * R28: a range of more than one fetch streams: the first bytes reach the response while the database still holds
     * the query's open portal (the driver has not read the rest of the range into the heap), and every row arrives.
     */
    @Test
    void aRangeLargerThanOneFetchIsWrittenWhileItIsStillBeingRead() {
        int rows = 3 * StreamingReads.FETCH_SIZE + 7;
        long contact = contact("4915" + (10_000_000 + (int) (Math.random() * 80_000_000)), null, null, null);
        Long conversation = jdbc.queryForObject(
                "insert into conversation (contact_id, business_phone_number_id) values (:c, 'biz') returning id",
                new MapSqlParameterSource("c", contact),
                Long.class);
        ContactCipher cipher = keys.forContact(contact);
        MapSqlParameterSource[] messages = new MapSqlParameterSource[rows];
        for (int n = 1; n <= rows; n++) {
            messages[n - 1] = new MapSqlParameterSource("c", conversation)
                    .addValue("n", n)
                    .addValue("text", cipher.seal("Frage Nummer " + n, "message.text_body"));
        }
        jdbc.batchUpdate("""
                insert into message (wamid, conversation_id, direction, type, text_body, sent_at)
                values ('wamid.stream-' || :c || '-' || :n, :c, 'INBOUND', 'text', :text,
                        timestamptz '2034-04-02 08:00:00+00' + make_interval(secs => :n))""", messages);
        JdbcTemplate sameSession = new JdbcTemplate(TestDatabase.dataSource());
        List<Long> openPortalsAtFirstWrite = new ArrayList<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                if (size() == 0) {
                    // the export's own session (its transaction is bound to this thread): is its query still open?
                    openPortalsAtFirstWrite.add(sameSession.queryForObject(
                            "select count(*) from pg_cursors where statement like '%join conversation v%'"
                                    + " and statement not like '%pg_cursors%'",
                            Long.class));
                }
                super.write(bytes, offset, length);
            }
        };

        int written = anonymizer.export(
                Instant.parse("2034-04-02T00:00:00Z"), Instant.parse("2034-04-03T00:00:00Z"), received);

        assertThat(written).isEqualTo(rows);
        List<JsonNode> lines = received.toString(StandardCharsets.UTF_8)
                .lines()
                .map(this::json)
                .toList();
        assertThat(lines).hasSize(rows);
        assertThat(lines.get(rows - 1).get("seq").asInt()).isEqualTo(rows);
        assertThat(lines.get(rows - 1).get("text").asText()).isEqualTo("Frage Nummer " + rows);
        assertThat(openPortalsAtFirstWrite)
                .as("open database portal when the first bytes were written")
                .containsExactly(1L);
    }

    private void insert(long conversation, String direction, String text, String sentAt) {
        long contact = jdbc.queryForObject(
                "select contact_id from conversation where id = :c",
                new MapSqlParameterSource("c", conversation),
                Long.class);
        jdbc.update(
                """
                        insert into message (wamid, conversation_id, direction, type, text_body, sent_at)
                        values (:wamid, :c, :d, 'text', :t, :s)""",
                new MapSqlParameterSource("wamid", "wamid." + UUID.randomUUID())
                        .addValue("c", conversation)
                        .addValue("d", direction)
                        .addValue("t", keys.forContact(contact).seal(text, "message.text_body"))
                        .addValue("s", Timestamp.from(Instant.parse(sentAt))));
    }

    private JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
