package io.carehub.buffer;

import java.util.Map;

/**
 * One message for the {@code jms-batch:} producer: a {@code byte[]} body becomes a BytesMessage, a
 * String body a TextMessage; the properties become JMS string properties (e.g. {@code JMSXGroupID},
 * Artemis' duplicate-detection id {@code _AMQ_DUPL_ID}).
 *
 * @param body       byte[] or String
 * @param properties JMS string properties
 */
public record JmsBatchMessage(Object body, Map<String, String> properties) {

    /** Message group: one group's messages are consumed in order by one consumer (R13). */
    public static final String GROUP_ID = "JMSXGroupID";
    /** Artemis duplicate detection (R5): a second message with the same id is dropped by the broker. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    public JmsBatchMessage {
        if (!(body instanceof byte[]) && !(body instanceof String)) {
            throw new IllegalArgumentException("jms-batch body must be byte[] or String");
        }
        properties = Map.copyOf(properties);
    }

    boolean hasDuplicateId() {
        return properties.containsKey(DUPLICATE_ID);
    }
}
