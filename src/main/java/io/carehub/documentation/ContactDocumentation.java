package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.buffer.BufferedEvent;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R17/R4/R5: documents buffered events in PostgreSQL, idempotently: one database transaction per
 * batch from the buffer; a duplicate (same wamid, same status) changes nothing.
 */
@Component("contactDocumentation")
public class ContactDocumentation {

    private static final Logger LOG = LoggerFactory.getLogger(ContactDocumentation.class);
    /** R9: a customer message opens or refreshes the 24-hour customer-service window. */
    private static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper;

    public ContactDocumentation(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mapper = mapper;
    }

    /**
     * R5/R13/R17: documents a batch from the buffer in one database transaction: inbound messages and
     * statuses set-based (a few statements per batch, not per update), rejected updates one by one.
     * Returns the inbound messages in batch order for the hand-on to the conversation lifecycle.
     */
    public List<DocumentedMessage> recordBatch(@Body List<BufferedEvent> events) {
        List<BufferedEvent> messages = events.stream().filter(e -> e.kind() == BufferedEvent.Kind.MESSAGE).toList();
        List<InboundMessage> parsed = messages.stream().map(e -> InboundMessage.from(e.payload(), mapper)).toList();
        List<BufferedEvent> statuses = events.stream().filter(e -> e.kind() == BufferedEvent.Kind.STATUS).toList();
        List<DocumentedMessage> documented = tx.execute(status -> {
            List<DocumentedMessage> result = messages.isEmpty() ? List.of() : insertMessages(messages, parsed);
            if (!statuses.isEmpty()) {
                recordStatuses(statuses);
            }
            events.stream().filter(e -> e.kind() == BufferedEvent.Kind.REJECTED).forEach(this::recordRejected);
            return result;
        });
        for (int i = 0; i < messages.size(); i++) {
            if (documented.get(i).fresh()) {
                LOG.debug("documented inbound message {} type={}", messages.get(i).dedupId(), parsed.get(i).type());
            } else {
                LOG.info("duplicate inbound message {} ignored", messages.get(i).dedupId());
            }
        }
        return documented;
    }

    private List<DocumentedMessage> insertMessages(List<BufferedEvent> events, List<InboundMessage> parsed) {
        int n = events.size();
        String[] wamids = new String[n];
        long[] conversations = new long[n];
        String[] types = new String[n];
        String[] rawTypes = new String[n];
        String[] texts = new String[n];
        String[] details = new String[n];
        String[] contexts = new String[n];
        Instant[] sentAt = new Instant[n];
        Map<ConversationKey, Long> conversationIds = openConversations(events);
        for (int i = 0; i < n; i++) {
            BufferedEvent event = events.get(i);
            InboundMessage message = parsed.get(i);
            // every text as stored (the wamids also so that the returned rows match); no second pass below
            wamids[i] = storable(event.dedupId());
            conversations[i] = conversationIds.get(ConversationKey.of(event));
            types[i] = storable(message.type());
            rawTypes[i] = storable(message.rawType());
            texts[i] = storable(message.textBody());
            details[i] = message.details() == null ? null : storable(message.details().toString());
            contexts[i] = storable(message.contextWamid());
            sentAt[i] = message.sentAt() != null ? message.sentAt() : event.receivedAt();
        }
        // R13: rows get their ids in batch order (with ordinality … order by)
        Map<String, Long> inserted = new HashMap<>();
        jdbc.query("""
                insert into message (wamid, conversation_id, direction, type, raw_type, text_body, details,
                                     context_wamid, sent_at)
                select m.wamid, m.conversation, 'INBOUND', m.type, m.raw_type, m.text, cast(m.details as jsonb),
                       m.context, m.sent_at
                  from unnest(cast(:wamids as text[]), cast(:conversations as bigint[]), cast(:types as text[]),
                              cast(:rawTypes as text[]), cast(:texts as text[]), cast(:details as text[]),
                              cast(:contexts as text[]), cast(:sentAt as timestamptz[]))
                       with ordinality as m(wamid, conversation, type, raw_type, text, details, context, sent_at, ord)
                 order by m.ord
                on conflict (wamid) do nothing
                returning id, wamid""",
                new MapSqlParameterSource()
                        .addValue("wamids", wamids).addValue("conversations", conversations).addValue("types", types)
                        .addValue("rawTypes", rawTypes).addValue("texts", texts).addValue("details", details)
                        .addValue("contexts", contexts).addValue("sentAt", isoStrings(sentAt)),
                rs -> {
                    inserted.put(rs.getString(2), rs.getLong(1));
                });
        Map<String, DocumentedMessage> known = inserted.size() == n ? Map.of() : knownMessages(wamids);
        List<DocumentedMessage> result = new ArrayList<>(n);
        Map<Long, Instant> latestInbound = new LinkedHashMap<>();
        List<Integer> freshWithMedia = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Long id = inserted.remove(wamids[i]); // the first of equal wamids in a batch is the fresh one
            if (id == null) {
                result.add(known.get(wamids[i])); // R5: duplicate delivery
                continue;
            }
            result.add(new DocumentedMessage(id, conversations[i], true));
            latestInbound.merge(conversations[i], sentAt[i], (a, b) -> a.isAfter(b) ? a : b);
            if (parsed.get(i).media() != null) {
                freshWithMedia.add(i);
            }
        }
        openServiceWindows(latestInbound);
        insertPendingAttachments(freshWithMedia, result, parsed);
        return result;
    }

    private Map<String, DocumentedMessage> knownMessages(String[] wamids) {
        Map<String, DocumentedMessage> known = new HashMap<>();
        jdbc.query("select id, conversation_id, wamid from message where wamid = any(cast(:wamids as text[]))",
                new MapSqlParameterSource("wamids", wamids), // already storable
                rs -> {
                    known.put(rs.getString(3), new DocumentedMessage(rs.getLong(1), rs.getLong(2), false));
                });
        return known;
    }

    /** R9: a customer message opens or refreshes the 24-hour window of its conversation. */
    private void openServiceWindows(Map<Long, Instant> latestInbound) {
        if (latestInbound.isEmpty()) {
            return;
        }
        Instant[] sent = latestInbound.values().toArray(Instant[]::new);
        Instant[] expires = latestInbound.values().stream().map(at -> at.plus(SERVICE_WINDOW)).toArray(Instant[]::new);
        jdbc.update("""
                update conversation c
                   set last_inbound_at = greatest(c.last_inbound_at, u.sent_at),
                       window_expires_at = greatest(c.window_expires_at, u.expires_at)
                  from unnest(cast(:conversations as bigint[]), cast(:sentAt as timestamptz[]),
                              cast(:expires as timestamptz[])) as u(id, sent_at, expires_at)
                 where c.id = u.id""",
                new MapSqlParameterSource()
                        .addValue("conversations", latestInbound.keySet().stream().mapToLong(Long::longValue).toArray())
                        .addValue("sentAt", isoStrings(sent)).addValue("expires", isoStrings(expires)));
    }

    /** R6: media is documented at once as a pending attachment; the media-download route fetches it. */
    private void insertPendingAttachments(List<Integer> indexes, List<DocumentedMessage> documented,
            List<InboundMessage> parsed) {
        if (indexes.isEmpty()) {
            return;
        }
        int n = indexes.size();
        long[] messageIds = new long[n];
        String[] mediaIds = new String[n];
        String[] mimes = new String[n];
        String[] sha256s = new String[n];
        String[] filenames = new String[n];
        for (int k = 0; k < n; k++) {
            int i = indexes.get(k);
            InboundMessage.Media media = parsed.get(i).media();
            messageIds[k] = documented.get(i).messageId();
            mediaIds[k] = media.mediaId();
            mimes[k] = media.mimeType();
            sha256s[k] = media.sha256();
            filenames[k] = media.filename();
        }
        jdbc.update("""
                insert into attachment (message_id, media_id, mime_type, sha256, filename)
                select * from unnest(cast(:messages as bigint[]), cast(:mediaIds as text[]), cast(:mimes as text[]),
                                     cast(:sha256s as text[]), cast(:filenames as text[]))
                on conflict (message_id, media_id) do nothing""",
                textParams()
                        .addValue("messages", messageIds).addValue("mediaIds", mediaIds).addValue("mimes", mimes)
                        .addValue("sha256s", sha256s).addValue("filenames", filenames));
    }

    private record ConversationKey(String waId, String businessPhoneNumberId) {
        static ConversationKey of(BufferedEvent event) {
            return new ConversationKey(storable(event.waId()), storable(event.businessPhoneNumberId()));
        }
    }

    /**
     * Upserts the events' contacts (the last profile name given wins, as if applied one by one) and
     * returns their open conversations per business number, created where missing. Sorted by wa_id so concurrent batches lock in one order.
     */
    private Map<ConversationKey, Long> openConversations(List<BufferedEvent> events) {
        Map<String, String> profileNames = new TreeMap<>();
        for (BufferedEvent event : events) {
            String waId = storable(event.waId());
            // only a message's contacts[] entry names the customer
            String name = event.kind() == BufferedEvent.Kind.MESSAGE ? storable(event.profileName()) : null;
            profileNames.put(waId, name != null ? name : profileNames.get(waId));
        }
        Map<String, Long> contactIds = new HashMap<>();
        jdbc.query("""
                insert into contact (wa_id, phone_number, profile_name)
                select c.wa_id, c.wa_id, c.name
                  from unnest(cast(:waIds as text[]), cast(:names as text[])) with ordinality as c(wa_id, name, ord)
                 order by c.ord
                on conflict (wa_id) do update
                   set profile_name = coalesce(excluded.profile_name, contact.profile_name),
                       updated_at = case when excluded.profile_name is distinct from contact.profile_name
                                              and excluded.profile_name is not null
                                         then now() else contact.updated_at end
                returning id, wa_id""",
                new MapSqlParameterSource() // keys and names made storable above
                        .addValue("waIds", profileNames.keySet().toArray(String[]::new))
                        .addValue("names", profileNames.values().toArray(String[]::new)),
                rs -> {
                    contactIds.put(rs.getString(2), rs.getLong(1));
                });
        Set<ConversationKey> keys = new LinkedHashSet<>();
        events.forEach(event -> keys.add(ConversationKey.of(event)));
        long[] contacts = keys.stream().mapToLong(key -> contactIds.get(key.waId())).toArray();
        String[] business = keys.stream().map(ConversationKey::businessPhoneNumberId).toArray(String[]::new);
        MapSqlParameterSource pairs = new MapSqlParameterSource("contacts", contacts).addValue("business", business);
        Map<ConversationKey, Long> open = openConversationsOf(pairs);
        if (open.size() < keys.size()) {
            jdbc.update("""
                    insert into conversation (contact_id, business_phone_number_id)
                    select p.contact_id, p.business
                      from unnest(cast(:contacts as bigint[]), cast(:business as text[])) as p(contact_id, business)
                     where not exists (select 1 from conversation c
                                        where c.contact_id = p.contact_id and c.business_phone_number_id = p.business
                                          and c.status = 'OPEN')
                    on conflict (contact_id, business_phone_number_id) where status = 'OPEN' do nothing""", pairs);
            open = openConversationsOf(pairs);
        }
        return open;
    }

    private Map<ConversationKey, Long> openConversationsOf(MapSqlParameterSource pairs) {
        Map<ConversationKey, Long> open = new HashMap<>();
        jdbc.query("""
                select c.id, k.wa_id, c.business_phone_number_id
                  from unnest(cast(:contacts as bigint[]), cast(:business as text[])) as p(contact_id, business)
                  join conversation c on c.contact_id = p.contact_id and c.business_phone_number_id = p.business
                                     and c.status = 'OPEN'
                  join contact k on k.id = c.contact_id""",
                pairs,
                rs -> {
                    open.put(new ConversationKey(rs.getString(2), rs.getString(3)), rs.getLong(1));
                });
        return open;
    }

    private static String[] isoStrings(Instant[] instants) {
        String[] iso = new String[instants.length];
        for (int i = 0; i < instants.length; i++) {
            iso[i] = instants[i].toString();
        }
        return iso;
    }

    /** One status webhook update, its fields as stored. */
    private record StatusRow(BufferedEvent event, String wamid, String state, Instant at, String errors, Integer errorCode,
            String errorTitle, JsonNode conversation, JsonNode pricing) {

        static StatusRow of(BufferedEvent event) {
            JsonNode status = event.payload();
            Instant at = InboundMessage.timestamp(status.path("timestamp"));
            JsonNode errors = status.path("errors");
            JsonNode first = errors.isArray() && errors.size() > 0 ? errors.get(0) : null;
            return new StatusRow(event, storable(status.path("id").asText()), storable(status.path("status").asText()),
                    at != null ? at : event.receivedAt(), errors.isArray() ? storable(errors.toString()) : null,
                    first != null && first.path("code").canConvertToInt() ? first.path("code").asInt() : null,
                    first != null ? storable(InboundMessage.textOrNull(first, "title")) : null,
                    status.path("conversation"), status.path("pricing"));
        }

        String key() {
            return wamid + ":" + state;
        }
    }

    /**
     * R4/R5/R40: records each status once (a repeated status id + status changes nothing), moves each outbound
     * message's delivery state forward only (a placeholder row if the status came before the message is known)
     * and keeps the billing data — set-based, with the same outcome as applying the statuses one by one.
     */
    private void recordStatuses(List<BufferedEvent> events) {
        List<StatusRow> rows = events.stream().map(StatusRow::of).toList();
        Set<String> fresh = new HashSet<>();
        jdbc.query("""
                insert into message_status (wamid, status, status_at, errors)
                select s.wamid, s.status, s.at, cast(s.errors as jsonb)
                  from unnest(cast(:wamids as text[]), cast(:states as text[]), cast(:at as timestamptz[]),
                              cast(:errors as text[])) with ordinality as s(wamid, status, at, errors, ord)
                 order by s.ord
                on conflict (wamid, status) do nothing
                returning wamid, status""",
                new MapSqlParameterSource()
                        .addValue("wamids", rows.stream().map(StatusRow::wamid).toArray(String[]::new))
                        .addValue("states", rows.stream().map(StatusRow::state).toArray(String[]::new))
                        .addValue("at", rows.stream().map(r -> r.at().toString()).toArray(String[]::new))
                        .addValue("errors", rows.stream().map(StatusRow::errors).toArray(String[]::new)),
                rs -> {
                    fresh.add(rs.getString(1) + ":" + rs.getString(2));
                });
        List<StatusRow> recorded = new ArrayList<>();
        for (StatusRow row : rows) {
            if (fresh.remove(row.key())) { // the first of equal statuses in a batch is the recorded one
                recorded.add(row);
            } else {
                LOG.info("duplicate status {} ignored", row.event().dedupId());
            }
        }
        if (recorded.isEmpty()) {
            return;
        }
        Map<ConversationKey, Long> conversations = openConversations(recorded.stream().map(StatusRow::event).toList());
        moveDeliveryStates(recorded, conversations);
        recordBilling(recorded);
    }

    /**
     * R4: per message the highest-ranked of its new statuses (delivery_rank(); statuses only move forward, and one
     * upsert cannot touch a row twice), with the error code and title of the highest-ranked new status that has
     * them (Meta sends errors with {@code failed}, the highest rank).
     */
    private void moveDeliveryStates(List<StatusRow> recorded, Map<ConversationKey, Long> conversations) {
        jdbc.update("""
                insert into message (wamid, conversation_id, direction, type, delivery_state, delivery_updated_at,
                                     error_code, error_title)
                select distinct on (m.wamid) m.wamid, m.conversation, 'OUTBOUND', 'pending', m.state, m.at,
                       first_value(m.code) over errors_first, first_value(m.title) over errors_first
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
                        .addValue("wamids", recorded.stream().map(StatusRow::wamid).toArray(String[]::new))
                        .addValue("conversations", recorded.stream()
                                .mapToLong(r -> conversations.get(ConversationKey.of(r.event()))).toArray())
                        .addValue("states", recorded.stream().map(StatusRow::state).toArray(String[]::new))
                        .addValue("at", recorded.stream().map(r -> r.at().toString()).toArray(String[]::new))
                        .addValue("codes", recorded.stream().map(StatusRow::errorCode).toArray(Integer[]::new))
                        .addValue("titles", recorded.stream().map(StatusRow::errorTitle).toArray(String[]::new)));
    }

    /** R40: conversation and pricing data of the statuses that carry them. */
    private void recordBilling(List<StatusRow> recorded) {
        List<StatusRow> billed = recorded.stream()
                .filter(r -> !(r.conversation().isMissingNode() && r.pricing().isMissingNode())).toList();
        if (billed.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into billing_record (wamid, status, conversation_ref, origin_type, expires_at, billable,
                                            pricing_model, category, pricing_type, status_at)
                select * from unnest(cast(:wamids as text[]), cast(:states as text[]), cast(:refs as text[]),
                                     cast(:origins as text[]), cast(:expires as timestamptz[]), cast(:billable as boolean[]),
                                     cast(:models as text[]), cast(:categories as text[]), cast(:ptypes as text[]),
                                     cast(:at as timestamptz[]))
                on conflict (wamid, status) do nothing""",
                new MapSqlParameterSource()
                        .addValue("wamids", billed.stream().map(StatusRow::wamid).toArray(String[]::new))
                        .addValue("states", billed.stream().map(StatusRow::state).toArray(String[]::new))
                        .addValue("refs", texts(billed, r -> InboundMessage.textOrNull(r.conversation(), "id")))
                        .addValue("origins", texts(billed, r -> InboundMessage.textOrNull(r.conversation().path("origin"), "type")))
                        .addValue("expires", texts(billed, r -> {
                            Instant expires = InboundMessage.timestamp(r.conversation().path("expiration_timestamp"));
                            return expires == null ? null : expires.toString();
                        }))
                        .addValue("billable", billed.stream().map(r -> r.pricing().path("billable").isBoolean()
                                ? r.pricing().get("billable").asBoolean() : null).toArray(Boolean[]::new))
                        .addValue("models", texts(billed, r -> InboundMessage.textOrNull(r.pricing(), "pricing_model")))
                        .addValue("categories", texts(billed, r -> InboundMessage.textOrNull(r.pricing(), "category")))
                        .addValue("ptypes", texts(billed, r -> InboundMessage.textOrNull(r.pricing(), "type")))
                        .addValue("at", billed.stream().map(r -> r.at().toString()).toArray(String[]::new)));
    }

    private static String[] texts(List<StatusRow> rows, java.util.function.Function<StatusRow, String> field) {
        return rows.stream().map(field).map(ContactDocumentation::storable).toArray(String[]::new);
    }

    /** Parks a signed but unusable update with its reason; never silently dropped. */
    private void recordRejected(BufferedEvent event) {
        jdbc.update("""
                insert into rejected_update (received_at, reason, payload, payload_sha256)
                values (:at, :reason, :payload, :sha)
                on conflict (payload_sha256, reason) do nothing""",
                textParams()
                        .addValue("at", Timestamp.from(event.receivedAt()))
                        .addValue("reason", event.reason())
                        .addValue("payload", event.raw())
                        .addValue("sha", sha256(event.raw())));
        LOG.warn("rejected webhook update documented: {}", event.reason());
    }

    /**
     * Named parameters whose text values are {@link #storable}: one NUL in a wamid, type, media field or
     * rejection reason made the update a poison message that blocked its customer's group for the whole
     * redelivery schedule, and a lone surrogate in a wamid made a batch miss its own row (both found by
     * the webhook fuzzer).
     */
    private static MapSqlParameterSource textParams() {
        return new MapSqlParameterSource() {
            @Override
            public MapSqlParameterSource addValue(String name, Object value) {
                if (value instanceof String text) {
                    return super.addValue(name, storable(text));
                }
                if (value instanceof String[] texts) {
                    return super.addValue(name, java.util.Arrays.stream(texts).map(ContactDocumentation::storable).toArray(String[]::new));
                }
                return super.addValue(name, value);
            }
        };
    }

    /**
     * The text as PostgreSQL stores it: text and jsonb cannot hold NUL, so it is dropped; a lone UTF-16
     * surrogate (invalid in UTF-8) becomes U+FFFD. The rest of the text is kept. Values compared with
     * what the database returns (a batch's wamids) must go through here too, or they would not match.
     */
    static String storable(String text) {
        if (text == null || plain(text)) {
            return text;
        }
        String withoutNul = NUL_ESCAPE.matcher(text.replace("\u0000", "")).replaceAll("");
        // codePoints() yields a lone surrogate as itself, a valid pair as one supplementary code point
        return withoutNul.codePoints().anyMatch(ContactDocumentation::loneSurrogate)
                ? withoutNul.codePoints().map(c -> loneSurrogate(c) ? 0xFFFD : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                : withoutNul;
    }

    /** Nearly every text: no NUL, no escaped NUL, no surrogate — stored as it is (one scan, no regex). */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean loneSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    private static final java.util.regex.Pattern NUL_ESCAPE = java.util.regex.Pattern.compile("(?<!\\\\)\\\\u0000");

    private static String sha256(byte[] raw) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
