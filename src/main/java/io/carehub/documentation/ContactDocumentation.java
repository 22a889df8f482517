package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.buffer.BufferedEvent;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R17/R4/R5: documents buffered events in PostgreSQL, idempotently. Each event is one database
 * transaction; a duplicate (same wamid, same status) changes nothing.
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

    /** Documents an inbound message; a duplicate changes nothing and is reported as not fresh. */
    public DocumentedMessage recordMessage(@Body BufferedEvent event) {
        InboundMessage message = InboundMessage.from(event.payload(), mapper);
        DocumentedMessage documented = tx.execute(status -> {
            long conversationId = openConversation(event.waId(), event.profileName(), event.businessPhoneNumberId());
            Instant sentAt = message.sentAt() != null ? message.sentAt() : event.receivedAt();
            List<Long> ids = jdbc.queryForList("""
                    insert into message (wamid, conversation_id, direction, type, raw_type, text_body, details,
                                         context_wamid, sent_at)
                    values (:wamid, :conversation, 'INBOUND', :type, :rawType, :text, cast(:details as jsonb),
                            :context, :sentAt)
                    on conflict (wamid) do nothing
                    returning id""",
                    textParams()
                            .addValue("wamid", event.dedupId())
                            .addValue("conversation", conversationId)
                            .addValue("type", message.type())
                            .addValue("rawType", message.rawType())
                            .addValue("text", withoutNul(message.textBody()))
                            .addValue("details", message.details() == null ? null : withoutNul(message.details().toString()))
                            .addValue("context", message.contextWamid())
                            .addValue("sentAt", Timestamp.from(sentAt)),
                    Long.class);
            if (ids.isEmpty()) {
                // R5: duplicate delivery
                return jdbc.query("select id, conversation_id from message where wamid = :wamid",
                        textParams().addValue("wamid", event.dedupId()),
                        (rs, i) -> new DocumentedMessage(rs.getLong(1), rs.getLong(2), false)).get(0);
            }
            jdbc.update("""
                    update conversation
                       set last_inbound_at = greatest(last_inbound_at, :sentAt),
                           window_expires_at = greatest(window_expires_at, :expires)
                     where id = :conversation""",
                    Map.of("sentAt", Timestamp.from(sentAt), "expires", Timestamp.from(sentAt.plus(SERVICE_WINDOW)),
                            "conversation", conversationId));
            if (message.media() != null) {
                InboundMessage.Media media = message.media();
                jdbc.update("""
                        insert into attachment (message_id, media_id, mime_type, sha256, filename)
                        values (:message, :mediaId, :mime, :sha256, :filename)
                        on conflict (message_id, media_id) do nothing""",
                        textParams()
                                .addValue("message", ids.get(0))
                                .addValue("mediaId", media.mediaId())
                                .addValue("mime", media.mimeType())
                                .addValue("sha256", media.sha256())
                                .addValue("filename", media.filename()));
            }
            return new DocumentedMessage(ids.get(0), conversationId, true);
        });
        if (documented.fresh()) {
            LOG.debug("documented inbound message {} type={}", event.dedupId(), message.type());
        } else {
            LOG.info("duplicate inbound message {} ignored", event.dedupId());
        }
        return documented;
    }

    /** R4: records a status once and moves the outbound message's delivery state forward. */
    public boolean recordStatus(@Body BufferedEvent event) {
        JsonNode status = event.payload();
        String wamid = status.path("id").asText();
        String state = status.path("status").asText();
        Instant at = InboundMessage.timestamp(status.path("timestamp"));
        Timestamp statusAt = Timestamp.from(at != null ? at : event.receivedAt());
        JsonNode errors = status.path("errors");
        Integer errorCode = errors.isArray() && errors.size() > 0 && errors.get(0).path("code").canConvertToInt()
                ? errors.get(0).path("code").asInt() : null;
        String errorTitle = errors.isArray() && errors.size() > 0 ? InboundMessage.textOrNull(errors.get(0), "title") : null;
        Boolean inserted = tx.execute(tx -> {
            int fresh = jdbc.update("""
                    insert into message_status (wamid, status, status_at, errors)
                    values (:wamid, :status, :at, cast(:errors as jsonb))
                    on conflict (wamid, status) do nothing""",
                    textParams()
                            .addValue("wamid", wamid).addValue("status", state).addValue("at", statusAt)
                            .addValue("errors", errors.isArray() ? withoutNul(errors.toString()) : null));
            if (fresh == 0) {
                return false; // R5: same (status id, status) seen before
            }
            long conversationId = openConversation(event.waId(), null, event.businessPhoneNumberId());
            // placeholder if the status arrives before the outbound message is known
            jdbc.update("""
                    insert into message (wamid, conversation_id, direction, type, delivery_state, delivery_updated_at,
                                         error_code, error_title)
                    values (:wamid, :conversation, 'OUTBOUND', 'pending', :state, :at, :code, :title)
                    on conflict (wamid) do update
                       set delivery_state = excluded.delivery_state,
                           delivery_updated_at = excluded.delivery_updated_at,
                           error_code = coalesce(excluded.error_code, message.error_code),
                           error_title = coalesce(excluded.error_title, message.error_title)
                     where delivery_rank(message.delivery_state) < delivery_rank(excluded.delivery_state)""",
                    textParams()
                            .addValue("wamid", wamid).addValue("conversation", conversationId)
                            .addValue("state", state).addValue("at", statusAt)
                            .addValue("code", errorCode).addValue("title", withoutNul(errorTitle)));
            recordBilling(wamid, state, statusAt, status);
            return true;
        });
        if (!Boolean.TRUE.equals(inserted)) {
            LOG.info("duplicate status {} ignored", event.dedupId());
        }
        return Boolean.TRUE.equals(inserted);
    }

    /** Parks a signed but unusable update with its reason; never silently dropped. */
    public void recordRejected(@Body BufferedEvent event) {
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

    private void recordBilling(String wamid, String state, Timestamp statusAt, JsonNode status) {
        JsonNode conversation = status.path("conversation");
        JsonNode pricing = status.path("pricing");
        if (conversation.isMissingNode() && pricing.isMissingNode()) {
            return;
        }
        Instant expires = InboundMessage.timestamp(conversation.path("expiration_timestamp"));
        jdbc.update("""
                insert into billing_record (wamid, status, conversation_ref, origin_type, expires_at, billable,
                                            pricing_model, category, pricing_type, status_at)
                values (:wamid, :status, :ref, :origin, :expires, :billable, :model, :category, :ptype, :at)
                on conflict (wamid, status) do nothing""",
                textParams()
                        .addValue("wamid", wamid).addValue("status", state)
                        .addValue("ref", InboundMessage.textOrNull(conversation, "id"))
                        .addValue("origin", InboundMessage.textOrNull(conversation.path("origin"), "type"))
                        .addValue("expires", expires == null ? null : Timestamp.from(expires))
                        .addValue("billable", pricing.path("billable").isBoolean() ? pricing.get("billable").asBoolean() : null)
                        .addValue("model", InboundMessage.textOrNull(pricing, "pricing_model"))
                        .addValue("category", InboundMessage.textOrNull(pricing, "category"))
                        .addValue("ptype", InboundMessage.textOrNull(pricing, "type"))
                        .addValue("at", statusAt));
    }

    /** Upserts the contact and returns its open conversation on this business number. */
    private long openConversation(String waId, String profileName, String businessPhoneNumberId) {
        Long contactId = jdbc.queryForObject("""
                insert into contact (wa_id, phone_number, profile_name)
                values (:waId, :waId, :name)
                on conflict (wa_id) do update
                   set profile_name = coalesce(excluded.profile_name, contact.profile_name),
                       updated_at = case when excluded.profile_name is distinct from contact.profile_name
                                              and excluded.profile_name is not null
                                         then now() else contact.updated_at end
                returning id""",
                textParams().addValue("waId", withoutNul(waId)).addValue("name", withoutNul(profileName)), Long.class);
        MapSqlParameterSource keys = textParams()
                .addValue("contact", contactId).addValue("business", businessPhoneNumberId);
        List<Long> open = jdbc.queryForList("""
                select id from conversation
                 where contact_id = :contact and business_phone_number_id = :business and status = 'OPEN'""",
                keys, Long.class);
        if (!open.isEmpty()) {
            return open.get(0);
        }
        List<Long> created = jdbc.queryForList("""
                insert into conversation (contact_id, business_phone_number_id)
                values (:contact, :business)
                on conflict (contact_id, business_phone_number_id) where status = 'OPEN' do nothing
                returning id""", keys, Long.class);
        if (!created.isEmpty()) {
            return created.get(0);
        }
        return jdbc.queryForObject("""
                select id from conversation
                 where contact_id = :contact and business_phone_number_id = :business and status = 'OPEN'""",
                keys, Long.class);
    }

    /**
     * Named parameters whose text values lose any NUL: PostgreSQL text cannot hold it, and one NUL in a
     * wamid, type, media field or rejection reason made the update a poison message that blocked its
     * customer's group for the whole redelivery schedule (found by the webhook fuzzer).
     */
    private static MapSqlParameterSource textParams() {
        return new MapSqlParameterSource() {
            @Override
            public MapSqlParameterSource addValue(String name, Object value) {
                return super.addValue(name, value instanceof String text ? withoutNul(text) : value);
            }
        };
    }

    /** PostgreSQL text and jsonb cannot hold NUL; it is dropped, the rest of the text is kept. */
    static String withoutNul(String text) {
        return text == null ? null : NUL_ESCAPE.matcher(text.replace("\u0000", "")).replaceAll("");
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
