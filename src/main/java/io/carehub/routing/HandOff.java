package io.carehub.routing;

import java.time.Instant;

/**
 * R22: the documented JSON message an agent pool queue ({@code carehub.pool.<pool>}) receives.
 * It carries no message bodies: the agent desktop reads the history through {@code historyUrl}.
 *
 * @param conversationId   conversation to claim through the agent API
 * @param pool             the pool whose queue holds this hand-off
 * @param segment          PRIVATE or BUSINESS
 * @param segmentSource    LEGITIMATION, BUSINESS_NUMBER_LIST or MENU
 * @param topic            topic/skill id from the rules
 * @param priority         higher first (from the pool's rules)
 * @param customer         display data for the agent
 * @param preferredAgentId sticky routing: the agent who served the customer within the sticky days, if any
 * @param queuedAt         when the conversation entered this pool
 * @param overflowFrom     the pool it overflowed from, if any
 * @param outOfHours       true when it arrived outside the pool's business hours (auto-reply sent)
 * @param historyUrl       the conversation's history in the read API (R27: includes what the customer and the bot wrote)
 * @param botSummary       R27: the chatbot's note for the agent when the conversation comes from a dialog, else null
 */
public record HandOff(
        long conversationId,
        String pool,
        String segment,
        String segmentSource,
        String topic,
        int priority,
        Customer customer,
        String preferredAgentId,
        Instant queuedAt,
        String overflowFrom,
        boolean outOfHours,
        String historyUrl,
        String botSummary) {

    /**
     * @param displayName    WhatsApp profile name, or the legitimated name
     * @param waId           the customer's phone number, null when WhatsApp withholds it (R52)
     * @param userId         the customer's business-scoped user ID (BSUID), when WhatsApp sent one (R52)
     * @param legitimated    true when the customer authenticated (R15)
     * @param salutation     from legitimation
     * @param customerNumber from legitimation
     * @param contractNumber from legitimation
     */
    public record Customer(
            String displayName,
            String waId,
            String userId,
            boolean legitimated,
            String salutation,
            String customerNumber,
            String contractNumber) {}
}
