package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import io.carehub.buffer.BufferedEvent;
import java.time.Instant;

/** R4/R40: one status webhook update, its fields as stored. */
record StatusUpdate(
        BufferedEvent event,
        String wamid,
        String state,
        Instant at,
        String errors,
        Integer errorCode,
        String errorTitle,
        JsonNode conversation,
        JsonNode pricing) {

    static StatusUpdate of(BufferedEvent event) {
        JsonNode status = event.payload();
        Instant at = InboundMessage.timestamp(status.path("timestamp"));
        JsonNode errors = status.path("errors");
        JsonNode first = errors.isArray() && errors.size() > 0 ? errors.get(0) : null;
        return new StatusUpdate(
                event,
                StorableText.of(status.path("id").asText()),
                StorableText.of(status.path("status").asText()),
                at != null ? at : event.receivedAt(),
                errors.isArray() ? StorableText.of(errors.toString()) : null,
                first != null && first.path("code").canConvertToInt()
                        ? first.path("code").asInt()
                        : null,
                first != null ? StorableText.of(InboundMessage.textOrNull(first, "title")) : null,
                status.path("conversation"),
                status.path("pricing"));
    }

    /** R5: a status is recorded once per status id and status. */
    String key() {
        return wamid + ":" + state;
    }

    boolean billed() {
        return !(conversation.isMissingNode() && pricing.isMissingNode());
    }

    String conversationRef() {
        return InboundMessage.textOrNull(conversation, "id");
    }

    String originType() {
        return InboundMessage.textOrNull(conversation.path("origin"), "type");
    }

    String expiresAt() {
        Instant expires = InboundMessage.timestamp(conversation.path("expiration_timestamp"));
        return expires == null ? null : expires.toString();
    }

    Boolean billable() {
        return pricing.path("billable").isBoolean() ? pricing.get("billable").asBoolean() : null;
    }

    String pricingModel() {
        return InboundMessage.textOrNull(pricing, "pricing_model");
    }

    String category() {
        return InboundMessage.textOrNull(pricing, "category");
    }

    String pricingType() {
        return InboundMessage.textOrNull(pricing, "type");
    }
}
