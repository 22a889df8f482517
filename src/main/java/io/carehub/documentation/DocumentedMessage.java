package io.carehub.documentation;

/**
 * An inbound message as documented, handed to the conversation lifecycle (consent gate, routing).
 *
 * @param messageId      row id in {@code message}
 * @param conversationId its conversation
 * @param fresh          false when it was a duplicate delivery (the lifecycle is idempotent anyway)
 */
public record DocumentedMessage(long messageId, long conversationId, boolean fresh) {}
