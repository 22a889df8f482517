package io.carehub.buffer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One normalized webhook update as it travels through the buffer queue (encrypted).
 *
 * @param kind                  MESSAGE, STATUS or REJECTED
 * @param dedupId               R5: wamid for messages, "statusId:status" for statuses
 * @param waId                  customer's phone number (message sender or status recipient), null when Meta
 *                              withholds it (R52)
 * @param businessPhoneNumberId the business number the update belongs to (metadata.phone_number_id)
 * @param displayPhoneNumber    the business number as displayed
 * @param profileName           customer's profile name from {@code contacts[]}, if any
 * @param receivedAt            when the hub accepted the webhook
 * @param payload               the message or status object exactly as WhatsApp sent it
 * @param reason                REJECTED only: why the update could not be used
 * @param raw                   REJECTED only: the raw bytes that could not be used
 * @param userId                R52: customer's business-scoped user ID (BSUID), if Meta sent one
 * @param parentUserId          R52: customer's parent BSUID, if Meta sent one
 * @param username              R52: customer's username from {@code contacts[].profile}, display data only
 */
public record BufferedEvent(
        Kind kind,
        String dedupId,
        String waId,
        String businessPhoneNumberId,
        String displayPhoneNumber,
        String profileName,
        Instant receivedAt,
        JsonNode payload,
        String reason,
        byte[] raw,
        String userId,
        String parentUserId,
        String username) {

    /** An update of a customer known by phone number only (no BSUID). */
    public BufferedEvent(
            Kind kind,
            String dedupId,
            String waId,
            String businessPhoneNumberId,
            String displayPhoneNumber,
            String profileName,
            Instant receivedAt,
            JsonNode payload,
            String reason,
            byte[] raw) {
        this(
                kind,
                dedupId,
                waId,
                businessPhoneNumberId,
                displayPhoneNumber,
                profileName,
                receivedAt,
                payload,
                reason,
                raw,
                null,
                null,
                null);
    }

    public enum Kind {
        MESSAGE,
        STATUS,
        REJECTED
    }

    /**
     * Message group (R13): updates of one customer are consumed in order; rejected ones have none. R52: the stable
     * identifier is the BSUID when Meta sends one (the phone number may be withheld), else the phone number.
     */
    public String groupKey() {
        if (userId != null) {
            return userId;
        }
        return waId == null ? "rejected" : waId;
    }
}
