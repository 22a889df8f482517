package io.carehub.documentation;

import com.fasterxml.jackson.annotation.JsonRawValue;
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
 * transcript export. Every other statement on the table is {@link Messages}'.
 */
@Component
public class MessageHistory {

    private final NamedParameterJdbcTemplate jdbc;

    /** Also built outside the application context by the transcript export's command line. */
    public MessageHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** R18: one message of a history page. */
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
            String errorTitle) {}

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
        return jdbc.query(
                """
                select id, wamid, direction, type, raw_type, text_body, details::text, context_wamid, sent_at,
                       documented_at, delivery_state, error_code, error_title
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
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)),
                        rs.getString(11),
                        (Integer) rs.getObject(12),
                        rs.getString(13)));
    }

    /** R28: streams the messages sent in [from, to), by conversation and in the order sent, as they are read. */
    public void transcript(Instant from, Instant to, Consumer<TranscriptLine> lines) {
        // one fetch at a time in a read-only snapshot: the range may hold millions of messages
        StreamingReads.inSnapshot(
                jdbc,
                streaming -> streaming.query(
                        """
                select m.conversation_id, m.direction, m.type, m.sent_at, m.text_body, c.phone_number, c.wa_id, c.profile_name,
                       c.user_id, c.username
                  from message m
                  join conversation v on v.id = m.conversation_id
                  join contact c on c.id = v.contact_id
                 where m.sent_at >= :from and m.sent_at < :to
                 order by m.conversation_id, m.sent_at, m.id""",
                        new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                        rs -> {
                            lines.accept(new TranscriptLine(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    instant(rs.getTimestamp(4)),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    rs.getString(10)));
                        }));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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
                               m.details::text, m.context_wamid, m.sent_at, m.documented_at, m.released_at,
                               m.delivery_state, m.delivery_updated_at, m.error_code, m.error_title, m.actor,
                               m.outbound_payload::text, m.send_attempts, m.last_error
                          from message m join conversation c on c.id = m.conversation_id
                         where c.contact_id = :contact
                         order by m.conversation_id, m.id""", Map.of("contact", contactId), rs -> {
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    instant(rs.getTimestamp(10)),
                    instant(rs.getTimestamp(11)),
                    instant(rs.getTimestamp(12)),
                    rs.getString(13),
                    instant(rs.getTimestamp(14)),
                    (Integer) rs.getObject(15),
                    rs.getString(16),
                    rs.getString(17),
                    rs.getString(18),
                    rs.getInt(19),
                    rs.getString(20)));
        });
    }
}
