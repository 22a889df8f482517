package io.carehub.whatsapp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.carehub.buffer.BufferedEvent;
import io.carehub.buffer.BufferedEvent.Kind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R3/R4: splits one verified webhook body into one {@link BufferedEvent} per message and status.
 * Anything unusable becomes a REJECTED event (parked in {@code rejected_update}), never dropped.
 */
@Component("webhookSplitter")
public class WebhookSplitter {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSplitter.class);

    private final ObjectMapper mapper;
    private final Clock clock;

    public WebhookSplitter(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Handler
    public List<BufferedEvent> split(@Body byte[] body) {
        Instant now = clock.instant();
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException malformed) {
            // limits (nesting depth, number length) are reported without a location
            String where = malformed.getLocation() == null
                    ? ""
                    : " at offset " + malformed.getLocation().getCharOffset();
            return List.of(rejected(now, "malformed JSON" + where, body));
        } catch (java.io.IOException unreadable) {
            return List.of(rejected(now, "unreadable body", body));
        }
        if (root == null || !root.isObject()) {
            return List.of(rejected(now, "body is not a JSON object", body));
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            return List.of(rejected(now, "missing entry array", body));
        }
        List<BufferedEvent> events = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray()) {
                events.add(rejected(now, "entry without changes array", bytes(entry)));
                continue;
            }
            for (JsonNode change : changes) {
                splitChange(change, now, events);
            }
        }
        LOG.debug("webhook split into {} events", events.size());
        return events;
    }

    private void splitChange(JsonNode change, Instant now, List<BufferedEvent> events) {
        String field = change.path("field").asText("");
        JsonNode value = change.get("value");
        if (!"messages".equals(field) || value == null || !value.isObject()) {
            events.add(rejected(now, "unsupported change field '" + fieldName(field) + "'", bytes(change)));
            return;
        }
        JsonNode metadata = value.path("metadata");
        String phoneNumberId = text(metadata, "phone_number_id");
        String displayNumber = text(metadata, "display_phone_number");
        if (phoneNumberId == null) {
            events.add(rejected(now, "change without metadata.phone_number_id", bytes(change)));
            return;
        }
        // R52: contacts[] names the customer by phone number (wa_id) and/or BSUID (user_id)
        Map<String, JsonNode> contactsById = new HashMap<>();
        for (JsonNode contact : array(value, "contacts")) {
            for (String key : new String[] {text(contact, "user_id"), text(contact, "wa_id")}) {
                if (key != null) {
                    contactsById.putIfAbsent(key, contact);
                }
            }
        }
        for (JsonNode message : array(value, "messages")) {
            String id = text(message, "id");
            String from = text(message, "from");
            String fromUserId = text(message, "from_user_id");
            if (id == null
                    || (from == null && fromUserId == null)
                    || !message.path("type").isTextual()) {
                events.add(rejected(now, "message without id, from or type", bytes(message)));
                continue;
            }
            JsonNode contact = contactsById.get(fromUserId != null ? fromUserId : from);
            if (contact == null && from != null) {
                contact = contactsById.get(from);
            }
            JsonNode profile = contact == null ? MissingNode.getInstance() : contact.path("profile");
            events.add(new BufferedEvent(
                    Kind.MESSAGE,
                    id,
                    from,
                    phoneNumberId,
                    displayNumber,
                    text(profile, "name"),
                    now,
                    message,
                    null,
                    null,
                    fromUserId,
                    firstText(message, "from_parent_user_id", contact, "parent_user_id"),
                    text(profile, "username")));
        }
        for (JsonNode status : array(value, "statuses")) {
            String id = text(status, "id");
            String state = text(status, "status");
            String recipient = text(status, "recipient_id");
            String recipientUserId = text(status, "recipient_user_id");
            if (id == null || state == null || (recipient == null && recipientUserId == null)) {
                events.add(rejected(now, "status without id, status or recipient_id/recipient_user_id", bytes(status)));
                continue;
            }
            events.add(new BufferedEvent(
                    Kind.STATUS,
                    id + ":" + state,
                    recipient,
                    phoneNumberId,
                    displayNumber,
                    null,
                    now,
                    status,
                    null,
                    null,
                    recipientUserId,
                    text(status, "recipient_parent_user_id"),
                    null));
        }
        if (!value.has("messages") && !value.has("statuses")) {
            events.add(rejected(now, "change without messages or statuses", bytes(change)));
        }
    }

    private BufferedEvent rejected(Instant now, String reason, byte[] raw) {
        LOG.warn("webhook update parked as rejected: {} ({} bytes)", reason, raw.length);
        return new BufferedEvent(
                Kind.REJECTED,
                "rejected:" + sha256(raw) + ":" + reason.hashCode(),
                null,
                null,
                null,
                null,
                now,
                null,
                reason,
                raw);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JacksonException e) {
            return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String firstText(JsonNode first, String firstField, JsonNode second, String secondField) {
        String text = text(first, firstField);
        return text != null || second == null ? text : text(second, secondField);
    }

    private static Iterable<JsonNode> array(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        return node != null && node.isArray() ? node : List.of();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }

    /**
     * The change field as it may be logged: one of Meta's WhatsApp Business Account webhook fields, else only its
     * length. The field is sender-controlled text, and the reason goes into the log (no personal data in logs).
     */
    static String fieldName(String field) {
        return META_FIELDS.contains(field) ? field : "<unknown, " + field.length() + " chars>";
    }

    private static final java.util.Set<String> META_FIELDS = java.util.Set.of(
            "messages",
            "account_alerts",
            "account_review_update",
            "account_update",
            "business_capability_update",
            "business_status_update",
            "calls",
            "flows",
            "history",
            "message_echoes",
            "message_template_components_update",
            "message_template_quality_update",
            "message_template_status_update",
            "partner_solutions",
            "payment_configuration_update",
            "phone_number_name_update",
            "phone_number_quality_update",
            "security",
            "smb_app_state_sync",
            "smb_message_echoes",
            "template_category_update",
            "user_preferences");

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
