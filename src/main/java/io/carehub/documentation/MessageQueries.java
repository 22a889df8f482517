package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.crypto.ContactKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R5/R7/R14/R45/R51/R52: the reads of the table {@code message} for documentation, outbound, routing, erasure and
 * troubleshooting (the read side of {@link Messages}, which holds every write; the history API's and the
 * transcript export's reads are {@link MessageHistory}'s).
 */
@Component
public class MessageQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSealing sealing;

    MessageQueries(NamedParameterJdbcTemplate jdbc, ContactKeys keys, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.sealing = new MessageSealing(keys, mapper);
    }

    /** A queued outbound message as the sender needs it. */
    public record Outbound(
            long conversationId, String type, String payload, String deliveryState, String businessPhoneNumberId) {}

    /** An outbound message left 'queued' (its enqueue was lost). */
    public record Stale(long id, long conversationId) {}

    /** A released customer message, with the fields routing and the dialog classify it by. */
    public record Released(long id, String type, String text, String replyId, String replyTitle, String payload) {}

    /** R5: the documented messages among {@code wamids} (storable), by wamid. */
    Map<String, DocumentedMessage> known(String[] wamids) {
        Map<String, DocumentedMessage> known = new HashMap<>();
        jdbc.query(
                "select id, conversation_id, wamid from message where wamid = any(cast(:wamids as text[]))",
                new MapSqlParameterSource("wamids", wamids),
                rs -> {
                    known.put(rs.getString(3), new DocumentedMessage(rs.getLong(1), rs.getLong(2), false));
                });
        return known;
    }

    /** Outbound messages still 'queued' longer than {@code afterSeconds}, oldest first. */
    public List<Stale> stillQueued(double afterSeconds, int limit) {
        return jdbc.query(
                """
                select id, conversation_id from message
                 where direction = 'OUTBOUND' and delivery_state = 'queued'
                   and delivery_updated_at < now() - make_interval(secs => :after)
                 order by id limit :limit""",
                new MapSqlParameterSource("after", afterSeconds).addValue("limit", limit),
                (rs, i) -> new Stale(rs.getLong(1), rs.getLong(2)));
    }

    public Optional<Outbound> outbound(long id) {
        return jdbc
                .query(
                        """
                select m.conversation_id, m.type, m.outbound_payload, m.delivery_state, c.business_phone_number_id,
                       c.contact_id
                  from message m join conversation c on c.id = m.conversation_id
                 where m.id = :id and m.direction = 'OUTBOUND'""",
                        Map.of("id", id),
                        (rs, i) -> new Outbound(
                                rs.getLong(1),
                                rs.getString(2),
                                sealing.open(rs.getLong(6), rs.getBytes(3), Messages.OUTBOUND_PAYLOAD),
                                rs.getString(4),
                                rs.getString(5)))
                .stream()
                .findFirst();
    }

    /** R52: whether WhatsApp refused this template for a business-scoped user ID (131062) before. */
    public boolean templateRefusedForBsuids(String templateName) {
        return !jdbc.queryForList("""
                select 1 from message
                 where direction = 'OUTBOUND' and type = 'template' and error_code = 131062
                   and template_name = :name and bsuid_recipient
                 limit 1""", Map.of("name", templateName), Integer.class)
                .isEmpty();
    }

    /** The released customer messages among {@code ids}, in the order sent. */
    public List<Released> released(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select m.id, m.type, m.text_body, m.details, c.contact_id
                  from message m join conversation c on c.id = m.conversation_id
                 where m.id in (:ids) and m.direction = 'INBOUND' order by m.sent_at, m.id""", Map.of("ids", ids), (rs, i) -> {
            long contactId = rs.getLong(5);
            JsonNode details = sealing.json(sealing.open(contactId, rs.getBytes(4), Messages.DETAILS));
            return new Released(
                    rs.getLong(1),
                    rs.getString(2),
                    sealing.open(contactId, rs.getBytes(3), Messages.TEXT_BODY),
                    MessageSealing.textOrNull(details.path("id")),
                    MessageSealing.textOrNull(details.path("title")),
                    MessageSealing.textOrNull(details.path("payload")));
        });
    }

    /** R27: every customer message of the conversation, in the order sent. */
    public List<Long> inboundIds(long conversationId) {
        return jdbc.queryForList("""
                select id from message where conversation_id = :id and direction = 'INBOUND' order by sent_at, id""", Map.of("id", conversationId), Long.class);
    }

    // ---- erasure (i15-erasure) ----

    /** R33/R35: how many messages the conversations hold (the audit's count before they are deleted). */
    public int countIn(List<Long> conversationIds) {
        Integer count = jdbc.queryForObject(
                "select count(*) from message where conversation_id = any(cast(:ids as bigint[]))",
                new MapSqlParameterSource("ids", conversationIds.toArray(Long[]::new)),
                Integer.class);
        return count == null ? 0 : count;
    }

    /** R51: a flagged message with its text in clear, for the assigned agent's explicit reveal. */
    public record Sensitive(long id, long conversationId, String text, List<String> kinds) {}

    /** R51: the message, if it is flagged as holding sensitive data. */
    public Optional<Sensitive> sensitive(long id) {
        return jdbc
                .query(
                        """
                        select m.conversation_id, m.text_body, m.sensitive_data, c.contact_id
                          from message m join conversation c on c.id = m.conversation_id
                         where m.id = :id and m.sensitive_data is not null""",
                        Map.of("id", id),
                        (rs, i) -> new Sensitive(
                                id,
                                rs.getLong(1),
                                sealing.open(rs.getLong(4), rs.getBytes(2), Messages.TEXT_BODY),
                                List.of((String[]) rs.getArray(3).getArray())))
                .stream()
                .findFirst();
    }

    // i18-redrive: troubleshooting in the ops API (R45), metadata only

    /**
     * R45: a message as troubleshooting sees it: no text, no payload, no error title (sealed with the contact's key,
     * R19; the error code says what failed).
     */
    public record Traced(
            long id,
            String wamid,
            long conversationId,
            String direction,
            String type,
            String actor,
            Instant sentAt,
            Instant documentedAt,
            String deliveryState,
            Instant deliveryUpdatedAt,
            Integer errorCode,
            int sendAttempts) {}

    private static final String TRACED = """
            select id, wamid, conversation_id, direction, type, actor, sent_at, documented_at, delivery_state,
                   delivery_updated_at, error_code, send_attempts
              from message""";

    /** R45: the message with this wamid. */
    public Optional<Traced> traced(String wamid) {
        return jdbc.query(TRACED + " where wamid = :wamid", Map.of("wamid", wamid), MessageRows::traced).stream()
                .findFirst();
    }

    /**
     * R45: outbound messages that failed, newest first: with Meta's error {@code code} (null: any) and failed in
     * [from, to) (each null: open).
     */
    public List<Traced> outboundFailures(Integer code, Instant from, Instant to, int limit) {
        return jdbc.query(
                TRACED + "\n" + """
                         where direction = 'OUTBOUND' and delivery_state = 'failed'
                           and (cast(:code as integer) is null or error_code = :code)
                           and (cast(:from as timestamptz) is null or delivery_updated_at >= :from)
                           and (cast(:to as timestamptz) is null or delivery_updated_at < :to)
                         order by delivery_updated_at desc, id desc
                         limit :limit""",
                new MapSqlParameterSource()
                        .addValue("code", code)
                        .addValue("from", from == null ? null : Timestamp.from(from))
                        .addValue("to", to == null ? null : Timestamp.from(to))
                        .addValue("limit", limit),
                MessageRows::traced);
    }
}
