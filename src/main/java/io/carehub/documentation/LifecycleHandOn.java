package io.carehub.documentation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * R13/R14: hands a documented batch's inbound messages on to the conversation lifecycle queue, in
 * batch order, with the conversation as message group. Inside the {@code jms-batch} consumer the sends
 * join the batch's broker transaction (the session it exposes), so the hand-on and the removal from
 * the buffer commit together. One producer for the whole batch: a Camel split with one {@code jms:}
 * send per message cost about a fifth of the documentation thread's CPU in the benchmark profile.
 */
@Component("lifecycleHandOn")
public class LifecycleHandOn {

    static final String GROUP_ID = "JMSXGroupID";

    private final JmsTemplate jms;
    private final ObjectMapper mapper;
    private final Queue queue;

    public LifecycleHandOn(ConnectionFactory connectionFactory, ObjectMapper mapper,
            @Value("${carehub.lifecycle.queue}") String queue) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true); // only used when no consumer transaction is bound
        this.mapper = mapper;
        this.queue = ActiveMQDestination.createQueue(queue); // named client-side: no broker round trip
    }

    @Handler
    public void handOn(@Body List<DocumentedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jms.execute(session -> {
            MessageProducer producer = session.createProducer(queue); // persistent by default
            try {
                for (DocumentedMessage message : messages) {
                    TextMessage text = session.createTextMessage(json(message));
                    text.setStringProperty(GROUP_ID, "conversation-" + message.conversationId());
                    producer.send(text);
                }
            } finally {
                producer.close();
            }
            return null;
        }, false);
    }

    private String json(DocumentedMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("documented message not serializable", e);
        }
    }
}
