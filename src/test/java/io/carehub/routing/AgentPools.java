package io.carehub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;

/** The agent pools' queues (carehub.pool.*), read the way an agent desktop would. */
public final class AgentPools {

    private final ConnectionFactory connectionFactory;
    private final ObjectMapper mapper = new ObjectMapper();

    AgentPools(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    /** The hand-off JSON the pool's queue received for this conversation. */
    public JsonNode handOff(String pool, long conversationId) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(30_000);
        Message message = jms.receiveSelected("carehub.pool." + pool, "carehubConversationId = " + conversationId);
        if (message == null) {
            throw new AssertionError("no hand-off for conversation " + conversationId + " in pool " + pool);
        }
        try {
            // R19: a hand-off names the customer: it expires (carehub.routing.hand-off-ttl, 24 h by default)
            long expires = message.getJMSExpiration();
            if (expires <= System.currentTimeMillis() || expires > System.currentTimeMillis() + 25 * 3_600_000L) {
                throw new AssertionError("hand-off of conversation " + conversationId + " expires at " + expires);
            }
            return mapper.readTree(((TextMessage) message).getText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
