package io.carehub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import org.springframework.jms.core.JmsTemplate;

/** The agent pools' queues (carehub.pool.*), read the way an agent desktop would. */
public final class AgentPools {

    private final ConnectionFactory connectionFactory;
    private final HubApi hub;
    private final Customers customers;
    private final ObjectMapper mapper = new ObjectMapper();

    AgentPools(ConnectionFactory connectionFactory, HubApi hub, Customers customers) {
        this.connectionFactory = connectionFactory;
        this.hub = hub;
        this.customers = customers;
    }

    /**
     * R21: the customer consented, wrote {@code text} and chose "Technik" in the menu: the conversation waits in
     * private-general, whose queue received its hand-off. Returns the conversation's id.
     */
    public long waitingInPrivateGeneral(String customer, String text) {
        long conversation = customers.consentedCustomer(customer, text);
        customers.reply(customer, "list_reply", "menu:PRIVATE:technical", "Technik");
        handOff("private-general", conversation);
        return conversation;
    }

    /** R22: a conversation waiting in private-general (the customer wrote "Störung"), claimed by {@code agent}. */
    public long claimedInPrivateGeneral(String customer, String agent) {
        long conversation = waitingInPrivateGeneral(customer, "Störung");
        int status = hub.post("/api/conversations/" + conversation + "/claim", IdentityProvider.agent(agent), "")
                .statusCode();
        if (status != 200) {
            throw new AssertionError("claim of conversation " + conversation + " by " + agent + " answered " + status);
        }
        return conversation;
    }

    /** The hand-off JSON the pool's queue received for this conversation. */
    public JsonNode handOff(String pool, long conversationId) {
        try {
            return mapper.readTree(rawHandOff(pool, conversationId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hand-off's JMS body exactly as the pool's queue held it. */
    public String rawHandOff(String pool, long conversationId) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(30_000);
        Message message = jms.receiveSelected("carehub.pool." + pool, "carehubConversationId = " + conversationId);
        if (message == null) {
            throw new AssertionError("no hand-off for conversation " + conversationId + " in pool " + pool);
        }
        try {
            // R19: a hand-off expires (carehub.routing.hand-off-ttl, 24 h by default)
            long expires = message.getJMSExpiration();
            if (expires <= System.currentTimeMillis() || expires > System.currentTimeMillis() + 25 * 3_600_000L) {
                throw new AssertionError("hand-off of conversation " + conversationId + " expires at " + expires);
            }
            return ((TextMessage) message).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** R27: the customer behind a hand-off, read from its {@code customerUrl} as an agent of its pool does. */
    public JsonNode customer(JsonNode handOff) {
        String pool = handOff.path("pool").asText();
        HttpResponse<String> response =
                hub.get(handOff.path("customerUrl").asText(), IdentityProvider.agentOf("desk-" + pool, pool));
        if (response.statusCode() != 200) {
            throw new AssertionError("customerUrl of " + handOff + " answered " + response.statusCode());
        }
        try {
            return mapper.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
