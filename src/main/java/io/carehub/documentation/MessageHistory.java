package io.carehub.documentation;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R18/R28: the reads of the table {@code message} for the history API (pages with attachments) and the anonymized
 * transcript export. Every write on the table is {@link Messages}', the other reads {@link MessageQueries}'.
 */
@Component
public class MessageHistory {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactKeys keys;

    /** Also built outside the application context by the transcript export's command line. */
    public MessageHistory(NamedParameterJdbcTemplate jdbc, ContactKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** R18: one message of a history page; R51: {@code sensitiveData} names the kinds its text holds, if any. */
    public record Row(
            long id,
            String wamid,
            String direction,
            String type,
            String rawType,
            String text,
            String details,
            String contextWamid,
            Instant sentAt,
            Instant documentedAt,
            String deliveryState,
            Integer errorCode,
            String errorTitle,
            List<String> sensitiveData) {}

    /** R28: one message for the transcript export, with the contact's identifiers that must be removed. */
    public record TranscriptLine(
            long conversationId,
            String direction,
            String type,
            Instant sentAt,
            String text,
            String phoneNumber,
            String waId,
            String profileName,
            String userId,
            String username) {}

    // ---- history and export (R18, R28) ----

    public long count(long conversationId) {
        Long total = jdbc.queryForObject(
                "select count(*) from message where conversation_id = :id", Map.of("id", conversationId), Long.class);
        return total == null ? 0 : total;
    }

    /** R18: one page of the conversation, newest first. */
    public List<Row> page(long conversationId, int limit, long offset) {
        List<Long> contact = jdbc.queryForList(
                "select contact_id from conversation where id = :id", Map.of("id", conversationId), Long.class);
        ContactCipher cipher =
                contact.isEmpty() ? null : keys.existing(contact.get(0)).orElse(null);
        return jdbc.query(
                """
                select id, wamid, direction, type, raw_type, text_body, details, context_wamid, sent_at,
                       documented_at, delivery_state, error_code, error_title, sensitive_data
                  from message where conversation_id = :id
                 order by coalesce(sent_at, documented_at) desc, id desc
                 limit :limit offset :offset""",
                new MapSqlParameterSource()
                        .addValue("id", conversationId)
                        .addValue("limit", limit)
                        .addValue("offset", offset),
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        ConversationQueries.open(cipher, rs.getBytes(6), Messages.TEXT_BODY),
                        ConversationQueries.open(cipher, rs.getBytes(7), Messages.DETAILS),
                        rs.getString(8),
                        instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)),
                        rs.getString(11),
                        (Integer) rs.getObject(12),
                        ConversationQueries.open(cipher, rs.getBytes(13), Messages.ERROR_TITLE),
                        rs.getArray(14) == null
                                ? null
                                : List.of((String[]) rs.getArray(14).getArray())));
    }

    /** R28: streams the messages sent in [from, to), by conversation and in the order sent, as they are read. */
    public void transcript(Instant from, Instant to, Consumer<TranscriptLine> lines) {
        transcriptWhere(
                "m.sent_at >= :from and m.sent_at < :to",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                lines);
    }

    private void transcriptWhere(String condition, MapSqlParameterSource parameters, Consumer<TranscriptLine> lines) {
        // one fetch at a time in a read-only snapshot: the range may hold millions of messages
        StreamingReads.inSnapshot(
                jdbc,
                streaming -> streaming.query(
                        """
                select m.conversation_id, m.direction, m.type, m.sent_at, m.text_body, c.phone_number,
                       c.wa_id_hash is not null, c.profile_name, c.user_id, c.username, c.id
                  from message m
                  join conversation v on v.id = m.conversation_id
                  join contact c on c.id = v.contact_id
                """ + " where " + condition + " order by m.conversation_id, m.sent_at, m.id",
                        parameters,
                        rs -> {
                            // R19: an erased contact's messages read as empty (its key is gone)
                            ContactCipher cipher = keys.existing(rs.getLong(11)).orElse(null);
                            String phone = ConversationQueries.open(cipher, rs.getBytes(6), Contacts.PHONE_NUMBER);
                            lines.accept(new TranscriptLine(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    instant(rs.getTimestamp(4)),
                                    ConversationQueries.open(cipher, rs.getBytes(5), Messages.TEXT_BODY),
                                    phone,
                                    rs.getBoolean(7) ? phone : null,
                                    ConversationQueries.open(cipher, rs.getBytes(8), Contacts.PROFILE_NAME),
                                    ConversationQueries.open(cipher, rs.getBytes(9), Contacts.USER_ID),
                                    ConversationQueries.open(cipher, rs.getBytes(10), Contacts.USERNAME)));
                        }));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // ---- erasure (i15-erasure) ----

    /** R33: streams the conversations' messages, by conversation and in the order sent (the kept anonymized copy). */
    public void transcriptOf(List<Long> conversationIds, Consumer<TranscriptLine> lines) {
        transcriptWhere(
                "m.conversation_id = any(cast(:ids as bigint[]))",
                new MapSqlParameterSource("ids", conversationIds.toArray(Long[]::new)),
                lines);
    }

    // ---- access-request export (R50) ----

    /** R50: a message as stored; {@code details} and {@code outboundPayload} are the stored JSON. */
    public record Exported(
            long id,
            long conversationId,
            String wamid,
            String direction,
            String type,
            String rawType,
            String text,
            @JsonRawValue String details,
            String contextWamid,
            Instant sentAt,
            Instant documentedAt,
            Instant releasedAt,
            String deliveryState,
            Instant deliveryUpdatedAt,
            Integer errorCode,
            String errorTitle,
            String actor,
            @JsonRawValue String outboundPayload,
            int sendAttempts,
            String lastError) {}

    /** R50: how many messages the contact's conversations hold (the export's progress total). */
    public long countOfContact(long contactId) {
        Long total = jdbc.queryForObject("""
                select count(*) from message m join conversation c on c.id = m.conversation_id
                 where c.contact_id = :contact""", Map.of("contact", contactId), Long.class);
        return total == null ? 0 : total;
    }

    /** R50: streams the contact's messages (one fetch at a time; run inside {@link StreamingReads#inSnapshot}). */
    public void exportOf(long contactId, Consumer<Exported> each) {
        StreamingReads.of(jdbc).query("""
                        select m.id, m.conversation_id, m.wamid, m.direction, m.type, m.raw_type, m.text_body,
                               m.details, m.context_wamid, m.sent_at, m.documented_at, m.released_at,
                               m.delivery_state, m.delivery_updated_at, m.error_code, m.error_title, m.actor,
                               m.outbound_payload, m.send_attempts, m.last_error
                          from message m join conversation c on c.id = m.conversation_id
                         where c.contact_id = :contact
                         order by m.conversation_id, m.id""", Map.of("contact", contactId), rs -> {
            // R19: decrypted with the contact's key; an erased contact's values read as null
            ContactCipher cipher = keys.existing(contactId).orElse(null);
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    ConversationQueries.open(cipher, rs.getBytes(7), Messages.TEXT_BODY),
                    ConversationQueries.open(cipher, rs.getBytes(8), Messages.DETAILS),
                    rs.getString(9),
                    instant(rs.getTimestamp(10)),
                    instant(rs.getTimestamp(11)),
                    instant(rs.getTimestamp(12)),
                    rs.getString(13),
                    instant(rs.getTimestamp(14)),
                    (Integer) rs.getObject(15),
                    ConversationQueries.open(cipher, rs.getBytes(16), Messages.ERROR_TITLE),
                    rs.getString(17),
                    ConversationQueries.open(cipher, rs.getBytes(18), Messages.OUTBOUND_PAYLOAD),
                    rs.getInt(19),
                    ConversationQueries.open(cipher, rs.getBytes(20), Messages.LAST_ERROR)));
        });
    }
}
