package io.carehub.routing;

import java.time.Instant;

/**
 * R22: the documented JSON message an agent pool queue ({@code carehub.pool.<pool>}) receives. R19: it carries ids
 * only, no personal data and no message bodies: the agent desktop reads the customer through {@code customerUrl} and
 * the history through {@code historyUrl}, both access-checked and access-logged (R47).
 *
 * @param conversationId   conversation to claim through the agent API
 * @param pool             the pool whose queue holds this hand-off
 * @param segment          PRIVATE or BUSINESS
 * @param segmentSource    LEGITIMATION, BUSINESS_NUMBER_LIST or MENU
 * @param topic            topic/skill id from the rules
 * @param priority         higher first (from the pool's rules)
 * @param legitimated      R15/R27: true when the customer authenticated; the data is behind {@code customerUrl}
 * @param preferredAgentId sticky routing: the agent who served the customer within the sticky days, if any
 * @param queuedAt         when the conversation entered this pool
 * @param overflowFrom     the pool it overflowed from, if any
 * @param outOfHours       true when it arrived outside the pool's business hours (auto-reply sent)
 * @param historyUrl       the conversation's history in the read API (R27: includes what the customer and the bot wrote)
 * @param customerUrl      R27: the customer's display and legitimation data and the bot's summary, in the agent API
 */
public record HandOff(
        long conversationId,
        String pool,
        String segment,
        String segmentSource,
        String topic,
        int priority,
        boolean legitimated,
        String preferredAgentId,
        Instant queuedAt,
        String overflowFrom,
        boolean outOfHours,
        String historyUrl,
        String customerUrl) {

    static String historyUrl(long conversationId) {
        return "/api/conversations/" + conversationId + "/messages";
    }

    static String customerUrl(long conversationId) {
        return "/api/conversations/" + conversationId + "/customer";
    }
}
