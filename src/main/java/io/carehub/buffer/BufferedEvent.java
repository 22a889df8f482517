package io.carehub.buffer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One normalized webhook update as it travels through the buffer queue (encrypted).
 *
 * @param kind                  MESSAGE, STATUS or REJECTED
 * @param dedupId               R5: wamid for messages, "statusId:status" for statuses
 * @param waId                  customer's WhatsApp id (message sender or status recipient)
 * @param businessPhoneNumberId the business number the update belongs to (metadata.phone_number_id)
 * @param displayPhoneNumber    the business number as displayed
 * @param profileName           customer's profile name from {@code contacts[]}, if any
 * @param receivedAt            when the hub accepted the webhook
 * @param payload               the message or status object exactly as WhatsApp sent it
 * @param reason                REJECTED only: why the update could not be used
 * @param raw                   REJECTED only: the raw bytes that could not be used
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
        byte[] raw) {

    public enum Kind {
        MESSAGE,
        STATUS,
        REJECTED
    }

    /** Message group (R13): updates of one customer are consumed in order; rejected ones have none. */
    public String groupKey() {
        return waId == null ? "rejected" : waId;
    }
}
