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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R3-R9/R14/R17/R18/R28: owner of the table {@code message}, inbound and outbound: every write for documentation,
 * lifecycle and outbound lives here (the other tables' owners are listed in {@link Contacts}). The reads are
 * {@link MessageQueries}' and, for the history API and the transcript export, {@link MessageHistory}'s.
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
}
