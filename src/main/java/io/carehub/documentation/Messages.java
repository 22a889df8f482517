package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.crypto.ContactCipher;
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
 * R3-R9/R14/R17/R18/R28: owner of the table {@code message}, inbound and outbound: every write and every
 * read for documentation, lifecycle and outbound lives here (the other tables' owners are listed in {@link Contacts}). Reads that need the customer join
 * {@code conversation} and {@code contact} for their columns. The history API's and the transcript export's
 * reads are {@link MessageHistory}'s.
 */
@Component
public class Messages {

    /** R19: associated data of the encrypted columns. */
    static final String TEXT_BODY = "message.text_body";

    static final String DETAILS = "message.details";
    static final String OUTBOUND_PAYLOAD = "message.outbound_payload";
    static final String LAST_ERROR = "message.last_error";
    /** R19: Meta's error title of a failed outbound message (it may repeat what was sent). */
    static final String ERROR_TITLE = "message.error_title";

    private final NamedParameterJdbcTemplate jdbc;
    private final MessageSealing sealing;

    Messages(NamedParameterJdbcTemplate jdbc, ContactKeys keys, ObjectMapper mapper) {
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

    // ---- documentation of a batch (set-based) ----

    /**
     * R5/R13: inserts a batch's inbound messages in batch order (ids in batch order: with ordinality … order by);
     * a known wamid is skipped. Returns the inserted rows' ids by wamid. Arrays must be storable. R19: texts and
     * details are encrypted with the key of the message's contact ({@code contacts[i]}), all keys loaded at once.
     */
    Map<String, Long> insertInbound(
            String[] wamids,
            long[] conversations,
            long[] contacts,
            String[] types,
            String[] rawTypes,
            String[] texts,
            String[] details,
            String[] contexts,
            String[] sentAt) {
        MessageSealing.SealedInbound sealed = sealing.inbound(contacts, texts, details);
        Map<String, Long> inserted = new HashMap<>();
        jdbc.query(
                """
                insert into message (wamid, conversation_id, direction, type, raw_type, text_body, details,
                                     context_wamid, sent_at)
                select m.wamid, m.conversation, 'INBOUND', m.type, m.raw_type, decode(m.text, 'base64'),
                       decode(m.details, 'base64'), m.context, m.sent_at
                  from unnest(cast(:wamids as text[]), cast(:conversations as bigint[]), cast(:types as text[]),
                              cast(:rawTypes as text[]), cast(:texts as text[]), cast(:details as text[]),
                              cast(:contexts as text[]), cast(:sentAt as timestamptz[]))
                       with ordinality as m(wamid, conversation, type, raw_type, text, details, context, sent_at, ord)
                 order by m.ord
                on conflict (wamid) do nothing
                returning id, wamid""",
                new MapSqlParameterSource()
                        .addValue("wamids", wamids)
                        .addValue("conversations", conversations)
                        .addValue("types", types)
                        .addValue("rawTypes", rawTypes)
                        .addValue("texts", sealed.texts())
                        .addValue("details", sealed.details())
                        .addValue("contexts", contexts)
                        .addValue("sentAt", sentAt),
                rs -> {
                    inserted.put(rs.getString(2), rs.getLong(1));
                });
        return inserted;
    }

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

    /**
     * R4: per message the highest-ranked of its new statuses (delivery_rank(); statuses only move forward, and one
     * upsert cannot touch a row twice), with the error code and title of the highest-ranked new status that has
     * them (Meta sends errors with {@code failed}, the highest rank). A status before its message leaves a
     * placeholder row. Arrays must be storable. R19: error titles are encrypted with the conversation's contact's key.
     */
    void moveDeliveryStates(
            String[] wamids, long[] conversations, String[] states, String[] at, Integer[] codes, String[] titles) {
        String[] sealedTitles = sealing.errorTitles(conversations, titles, this::contactsOfConversations);
        jdbc.update(
                """
                insert into message (wamid, conversation_id, direction, type, delivery_state, delivery_updated_at,
                                     error_code, error_title)
                select distinct on (m.wamid) m.wamid, m.conversation, 'OUTBOUND', 'pending', m.state, m.at,
                       first_value(m.code) over errors_first, decode(first_value(m.title) over errors_first, 'base64')
                  from unnest(cast(:wamids as text[]), cast(:conversations as bigint[]), cast(:states as text[]),
                              cast(:at as timestamptz[]), cast(:codes as int[]), cast(:titles as text[]))
                       as m(wamid, conversation, state, at, code, title)
                window errors_first as (partition by m.wamid
                                        order by m.code is null and m.title is null, delivery_rank(m.state) desc)
                 order by m.wamid, delivery_rank(m.state) desc
                on conflict (wamid) do update
                   set delivery_state = excluded.delivery_state,
                       delivery_updated_at = excluded.delivery_updated_at,
                       error_code = coalesce(excluded.error_code, message.error_code),
                       error_title = coalesce(excluded.error_title, message.error_title)
                 where delivery_rank(message.delivery_state) < delivery_rank(excluded.delivery_state)""",
                new MapSqlParameterSource()
                        .addValue("wamids", wamids)
                        .addValue("conversations", conversations)
                        .addValue("states", states)
                        .addValue("at", at)
                        .addValue("codes", codes)
                        .addValue("titles", sealedTitles));
    }

    /** The contacts of the conversations, by conversation. */
    private Map<Long, Long> contactsOfConversations(List<Long> conversationIds) {
        Map<Long, Long> contactOf = new HashMap<>();
        jdbc.query("select id, contact_id from conversation where id in (:ids)", Map.of("ids", conversationIds), rs -> {
            contactOf.put(rs.getLong(1), rs.getLong(2));
        });
        return contactOf;
    }

    // ---- outbound (R7-R9) ----

    /** Documents an outbound message as 'queued'; returns its id. */
    public long queueOutbound(long conversationId, String type, String text, String actor, String payload) {
        Long contactId = jdbc.queryForObject(
                "select contact_id from conversation where id = :id", Map.of("id", conversationId), Long.class);
        ContactCipher cipher = sealing.cipher(contactId);
        JsonNode request = sealing.json(payload);
        return jdbc.queryForObject(
                """
                insert into message (conversation_id, direction, type, text_body, actor, outbound_payload, template_name,
                                     bsuid_recipient, delivery_state, delivery_updated_at)
                values (:conversation, 'OUTBOUND', :type, :text, :actor, :payload, :template, :bsuid, 'queued', now())
                returning id""",
                new MapSqlParameterSource()
                        .addValue("conversation", conversationId)
                        .addValue("type", type)
                        .addValue("text", cipher.seal(text, TEXT_BODY))
                        .addValue("actor", actor)
                        .addValue("payload", cipher.seal(payload, OUTBOUND_PAYLOAD))
                        .addValue(
                                "template",
                                MessageSealing.textOrNull(
                                        request.path("template").path("name")))
                        .addValue("bsuid", request.hasNonNull("recipient")),
                Long.class);
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
                                sealing.open(rs.getLong(6), rs.getBytes(3), OUTBOUND_PAYLOAD),
                                rs.getString(4),
                                rs.getString(5)))
                .stream()
                .findFirst();
    }

    public void countAttempt(long id) {
        jdbc.update("update message set send_attempts = send_attempts + 1 where id = :id", Map.of("id", id));
    }

    /**
     * The Graph API accepted it as {@code wamid}; a status webhook that overtook the answer (a placeholder row) is
     * merged in. Must run inside a transaction.
     */
    public void accepted(long id, String wamid) {
        List<Map<String, Object>> placeholder = jdbc.queryForList("""
                delete from message where wamid = :wamid and type = 'pending' and direction = 'OUTBOUND'
                returning delivery_state, delivery_updated_at, error_code, error_title""", Map.of("wamid", wamid));
        jdbc.update("""
                update message set wamid = :wamid, delivery_state = 'accepted', delivery_updated_at = now(),
                                   sent_at = now(), last_error = null
                 where id = :id""", Map.of("wamid", wamid, "id", id));
        if (!placeholder.isEmpty()) {
            Map<String, Object> p = placeholder.get(0);
            jdbc.update(
                    """
                    update message set delivery_state = :state, delivery_updated_at = :at,
                           error_code = :code, error_title = :title
                     where id = :id and delivery_rank(delivery_state) < delivery_rank(:state)""",
                    new MapSqlParameterSource()
                            .addValue("state", p.get("delivery_state"))
                            .addValue("at", p.get("delivery_updated_at"))
                            .addValue("code", p.get("error_code"))
                            .addValue("title", p.get("error_title"))
                            .addValue("id", id));
        }
    }

    public void failed(long id, Integer code, String error) {
        Long contactId = jdbc.queryForObject(
                "select c.contact_id from message m join conversation c on c.id = m.conversation_id where m.id = :id",
                Map.of("id", id),
                Long.class);
        jdbc.update(
                """
                update message set delivery_state = 'failed', delivery_updated_at = now(), error_code = :code,
                                   last_error = :error
                 where id = :id""",
                new MapSqlParameterSource()
                        .addValue("code", code)
                        .addValue("error", sealing.seal(contactId, error, LAST_ERROR))
                        .addValue("id", id));
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

    // ---- consent and routing (R14, R20-R27) ----

    public void markReleased(long id, Instant now) {
        jdbc.update(
                "update message set released_at = :now where id = :id",
                new MapSqlParameterSource().addValue("id", id).addValue("now", Timestamp.from(now)));
    }

    /** R14: releases the contact's held messages in its open conversations; returns them in the order sent. */
    public List<Long> releaseHeld(long contactId, Instant now) {
        return jdbc.queryForList(
                """
                with held as (
                    update message m set released_at = :now
                      from conversation c
                     where m.conversation_id = c.id and c.contact_id = :contact and c.status = 'OPEN'
                       and m.direction = 'INBOUND' and m.released_at is null
                    returning m.id, m.sent_at)
                select id from held order by sent_at, id""",
                new MapSqlParameterSource().addValue("contact", contactId).addValue("now", Timestamp.from(now)),
                Long.class);
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
            JsonNode details = sealing.json(sealing.open(contactId, rs.getBytes(4), DETAILS));
            return new Released(
                    rs.getLong(1),
                    rs.getString(2),
                    sealing.open(contactId, rs.getBytes(3), TEXT_BODY),
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

    // i15-retention: three-month purge and archive expiry (R30, R31)

    /** R30: deletes up to {@code limit} messages (outbound payloads with them) stored before {@code cutoff}, archive excepted. */
    public int purgeStoredBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from message where id in (
                  select m.id from message m
                   where m.documented_at < :cutoff
                     and not exists (select 1 from conversation c where c.id = m.conversation_id and c.archive_class is not null)
                   limit :limit)""", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("limit", limit));
    }

    /** R31: deletes the messages of a conversation whose archive period ended. */
    public int deleteOfConversation(long conversationId) {
        return jdbc.update(
                "delete from message where conversation_id = :conversation",
                new MapSqlParameterSource("conversation", conversationId));
    }

    // i16-upload: secure uploads and sensitive data in the chat (R16, R51)

    /**
     * R16: documents a secure upload as an inbound message of the conversation, like a media message ({@code details}:
     * its JSON, encrypted). It is released at once: an upload goes to no bot and opens no WhatsApp window.
     */
    public long insertUpload(long conversationId, String type, String details, Instant at) {
        Long contactId = jdbc.queryForObject(
                "select contact_id from conversation where id = :id", Map.of("id", conversationId), Long.class);
        return jdbc.queryForObject(
                """
                insert into message (conversation_id, direction, type, raw_type, details, sent_at, released_at)
                values (:conversation, 'INBOUND', :type, 'upload', :details, :at, :at)
                returning id""",
                new MapSqlParameterSource()
                        .addValue("conversation", conversationId)
                        .addValue("type", type)
                        .addValue("details", sealing.seal(contactId, details, DETAILS))
                        .addValue("at", Timestamp.from(at)),
                Long.class);
    }

    /** R51: records the kinds of sensitive data (IBAN, ID_DOCUMENT) found in the inbound message's text. */
    public void flagSensitive(long id, List<String> kinds) {
        jdbc.update(
                "update message set sensitive_data = cast(:kinds as text[]) where id = :id and direction = 'INBOUND'",
                new MapSqlParameterSource("id", id).addValue("kinds", kinds.toArray(String[]::new)));
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
                                sealing.open(rs.getLong(4), rs.getBytes(2), TEXT_BODY),
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
