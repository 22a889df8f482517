package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;

/** R3: the columns one inbound WhatsApp message is documented with, per type. */
record InboundMessage(
        String type,
        String rawType,
        String textBody,
        ObjectNode details,
        String contextWamid,
        Instant sentAt,
        Media media) {

    record Media(String mediaId, String mimeType, String sha256, String filename) {}

    private static final Set<String> MEDIA_TYPES = Set.of("image", "document", "audio", "video", "sticker");

    static InboundMessage from(JsonNode message, ObjectMapper mapper) {
        String rawType = message.path("type").asText();
        JsonNode body = message.path(rawType);
        String context = textOrNull(message.path("context"), "id");
        Instant sentAt = timestamp(message.path("timestamp"));
        ObjectNode details = mapper.createObjectNode();
        if (message.has("referral")) {
            details.set("referral", message.get("referral"));
        }
        switch (rawType) {
            case "text" -> {
                return new InboundMessage(
                        "text", rawType, textOrNull(body, "body"), orNull(details), context, sentAt, null);
            }
            case "image", "document", "audio", "video", "sticker" -> {
                copy(body, details, "voice", "animated");
                Media media = body.hasNonNull("id")
                        ? new Media(
                                body.get("id").asText(),
                                textOrNull(body, "mime_type"),
                                textOrNull(body, "sha256"),
                                textOrNull(body, "filename"))
                        : null;
                return new InboundMessage(
                        rawType, rawType, textOrNull(body, "caption"), orNull(details), context, sentAt, media);
            }
            case "location" -> {
                copy(body, details, "latitude", "longitude", "name", "address", "url");
                return new InboundMessage(
                        "location", rawType, textOrNull(body, "name"), details, context, sentAt, null);
            }
            case "contacts" -> {
                details.set("contacts", message.path("contacts"));
                return new InboundMessage("contacts", rawType, null, details, context, sentAt, null);
            }
            case "interactive" -> {
                String replyType = body.path("type").asText(null);
                JsonNode reply = replyType == null ? mapper.missingNode() : body.path(replyType);
                details.put("replyType", replyType);
                copy(reply, details, "id", "title", "description");
                return new InboundMessage(
                        "interactive", rawType, textOrNull(reply, "title"), details, context, sentAt, null);
            }
            case "button" -> {
                copy(body, details, "payload", "text");
                return new InboundMessage("button", rawType, textOrNull(body, "text"), details, context, sentAt, null);
            }
            case "reaction" -> {
                details.put("messageId", textOrNull(body, "message_id"));
                details.put("emoji", body.path("emoji").asText("")); // empty emoji = reaction removed
                return new InboundMessage(
                        "reaction", rawType, null, details, textOrNull(body, "message_id"), sentAt, null);
            }
            case "system" -> {
                // R52: an identifier change; its body names old and new identifiers, which the contact holds already
                details.put("systemType", textOrNull(body, "type"));
                return new InboundMessage("system", rawType, null, details, context, sentAt, null);
            }
            default -> {
                // R3: unsupported and unknown types are kept as such, never a crash
                if (message.has("errors")) {
                    details.set("errors", message.get("errors"));
                }
                return new InboundMessage("unsupported", rawType, null, orNull(details), context, sentAt, null);
            }
        }
    }

    /** R52: a notice from WhatsApp itself (identifier change): documented, but not a customer message. */
    boolean fromWhatsapp() {
        return "system".equals(type);
    }

    static boolean isMediaType(String type) {
        return MEDIA_TYPES.contains(type);
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }

    private static ObjectNode orNull(ObjectNode details) {
        return details.isEmpty() ? null : details;
    }

    static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    static Instant timestamp(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull()
                    ? null
                    : Instant.ofEpochSecond(Long.parseLong(node.asText().trim()));
        } catch (NumberFormatException | java.time.DateTimeException notSeconds) {
            return null;
        }
    }
}
