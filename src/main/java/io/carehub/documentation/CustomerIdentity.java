package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import io.carehub.buffer.BufferedEvent;

/**
 * R52: who an update is about, as WhatsApp names the customer: the business-scoped user ID ({@code user_id},
 * BSUID) when Meta sends one, the phone number ({@code wa_id}) when Meta shares it, usually both. Fields as stored;
 * the username and profile name are display data, never part of the identity.
 */
record CustomerIdentity(String waId, String userId, String parentUserId, String username, String profileName) {

    /** The identity an update names; for an identifier change (system message), the customer's new identifiers. */
    static CustomerIdentity of(BufferedEvent event) {
        IdentifierChange change = IdentifierChange.of(event);
        String waId = change != null && change.newWaId() != null ? change.newWaId() : event.waId();
        String userId = change != null && change.newUserId() != null ? change.newUserId() : event.userId();
        // only a message's contacts[] entry names the customer
        boolean message = event.kind() == BufferedEvent.Kind.MESSAGE;
        return new CustomerIdentity(
                StorableText.of(waId),
                StorableText.of(userId),
                StorableText.of(event.parentUserId()),
                message ? StorableText.of(event.username()) : null,
                message ? StorableText.of(event.profileName()) : null);
    }

    /** The key the contact is found by: the BSUID when known (stable), else the phone number. */
    String key() {
        return userId != null ? "u:" + userId : "p:" + waId;
    }

    /** Later details of the same customer win; a missing detail keeps the earlier one. */
    CustomerIdentity merge(CustomerIdentity later) {
        return new CustomerIdentity(
                later.waId != null ? later.waId : waId,
                userId,
                later.parentUserId != null ? later.parentUserId : parentUserId,
                later.username != null ? later.username : username,
                later.profileName != null ? later.profileName : profileName);
    }

    /**
     * R52: Meta's system messages {@code user_changed_number} and {@code user_changed_user_id}: the customer's old
     * identifiers ({@code from}, {@code from_user_id}) and the new ones ({@code system.wa_id}, {@code system.user_id}).
     */
    record IdentifierChange(String oldWaId, String oldUserId, String newWaId, String newUserId) {

        static IdentifierChange of(BufferedEvent event) {
            if (event.kind() != BufferedEvent.Kind.MESSAGE
                    || !"system".equals(event.payload().path("type").asText())) {
                return null;
            }
            JsonNode system = event.payload().path("system");
            String type = system.path("type").asText("");
            if (!type.equals("user_changed_number") && !type.equals("user_changed_user_id")) {
                return null;
            }
            String newWaId = InboundMessage.textOrNull(system, "wa_id");
            String newUserId = InboundMessage.textOrNull(system, "user_id");
            if (newWaId == null && newUserId == null) {
                return null;
            }
            return new IdentifierChange(
                    StorableText.of(event.waId()),
                    StorableText.of(event.userId()),
                    StorableText.of(newWaId),
                    StorableText.of(newUserId));
        }
    }
}
