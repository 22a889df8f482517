package io.carehub.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.crypto.ContactKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R9/R14: owner of the table {@code consent_record}: every answer to the privacy notice, with version and
 * time; the latest answer counts. The consent gate's view of a message joins {@code message},
 * {@code conversation} and {@code contact} for their columns (one query per message on the lifecycle's
 * path). The other tables' owners are listed in {@code documentation.Contacts}.
 */
@Component
public class Consents {

    static final String ACCEPTED = "ACCEPTED";
    static final String DECLINED = "DECLINED";
    /** R49: the customer withdrew consent (in the chat); the contact is handed to erasure. */
    static final String WITHDRAWN = "WITHDRAWN";

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactKeys keys;
    private final ObjectMapper mapper;

    Consents(NamedParameterJdbcTemplate jdbc, ContactKeys keys, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.mapper = mapper;
    }

    /** The message, its contact's notice state and latest decision. */
    record Subject(
            long messageId,
            long conversationId,
            long contactId,
            String type,
            String replyId,
            String wamid,
            Instant releasedAt,
            Instant noticeSentAt,
            String latestDecision,
            String latestVersion) {}

    Subject subject(long messageId) {
        return jdbc.queryForObject(
                """
                select m.id, m.conversation_id, c.contact_id, m.type, m.details, m.wamid, m.released_at,
                       k.notice_sent_at, r.decision, r.notice_version
                  from message m join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
                  left join lateral (select r.decision, r.notice_version from consent_record r where r.contact_id = c.contact_id
                                      order by r.decided_at desc, r.id desc limit 1) r on true
                 where m.id = :id""",
                Map.of("id", messageId),
                (rs, i) -> new Subject(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        replyId(rs.getLong(3), rs.getBytes(5)),
                        rs.getString(6),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)),
                        rs.getString(9),
                        rs.getString(10)));
    }

    /** R14: acceptance includes contact after 24 h and the chatbot's processing; a decline includes neither. */
    void record(long contactId, String noticeVersion, String decision, Instant at, String wamid) {
        boolean accepted = decision.equals(ACCEPTED);
        jdbc.update(
                """
                insert into consent_record (contact_id, notice_version, decision, contact_after_24h, chatbot_processing,
                                            decided_at, message_wamid)
                values (:contact, :version, :decision, :accepted, :accepted, :at, :wamid)""",
                new MapSqlParameterSource()
                        .addValue("contact", contactId)
                        .addValue("version", noticeVersion)
                        .addValue("decision", decision)
                        .addValue("accepted", accepted)
                        .addValue("at", Timestamp.from(at))
                        .addValue("wamid", wamid));
    }

    /** R9/R14: whether the customer's latest answer allows contacting them after 24 hours. */
    public boolean mayContactAfter24h(long contactId) {
        return Boolean.TRUE.equals(jdbc.query("""
                select r.decision = 'ACCEPTED' and r.contact_after_24h from consent_record r
                 where r.contact_id = :contact order by r.decided_at desc, r.id desc limit 1""", Map.of("contact", contactId), (rs, i) -> rs.getBoolean(1)).stream()
                .findFirst()
                .orElse(false));
    }

    /** R19: the id of the button or list row the customer chose, from the message's encrypted details. */
    private String replyId(long contactId, byte[] details) {
        if (details == null) {
            return null;
        }
        String json = keys.existing(contactId)
                .map(cipher -> cipher.openText(details, "message.details"))
                .orElse(null);
        if (json == null) {
            return null;
        }
        try {
            JsonNode id = mapper.readTree(json).path("id");
            return id.isValueNode() && !id.isNull() ? id.asText() : null;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message's details do not parse", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // ---- access-request export (R50) ----

    /** R50: one answer to the privacy notice as stored. */
    public record Exported(
            long id,
            String noticeVersion,
            String decision,
            boolean contactAfter24h,
            boolean chatbotProcessing,
            Instant decidedAt,
            String messageWamid) {}

    /** R50: the contact's answers, oldest first. */
    public void exportOf(long contactId, Consumer<Exported> each) {
        jdbc.query("""
                select id, notice_version, decision, contact_after_24h, chatbot_processing, decided_at, message_wamid
                  from consent_record where contact_id = :contact order by decided_at, id""", Map.of("contact", contactId), rs -> {
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBoolean(4),
                    rs.getBoolean(5),
                    instant(rs.getTimestamp(6)),
                    rs.getString(7)));
        });
    }
}
