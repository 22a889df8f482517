package io.carehub.consent;

import java.util.List;

/**
 * What the consent gate decided for one documented message.
 *
 * @param conversationId the conversation
 * @param accepted       true: the conversation may go on to bots/agents
 * @param released       inbound messages released for routing, in the order the customer sent them
 * @param retry          a redelivered message handled before: routing re-publishes a hand-off that may have been lost
 */
public record ConsentOutcome(long conversationId, boolean accepted, List<Long> released, boolean retry) {}
