package io.carehub.buffer;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.ConnectionFactoryUtils;

/**
 * Sends a whole list of {@link JmsBatchMessage}s (the exchange body) persistently in one broker
 * transaction, so one journal sync covers them all: one producer per list instead of one Camel
 * {@code jms:} send per message (which cost about a fifth of the documentation thread's CPU in the
 * benchmark profile).
 *
 * <p>Inside a broker transaction bound to the thread (the {@code jms-batch} consumer's session, or a
 * transacted {@code jms:} consumer's) the sends join it and commit with it. Otherwise the list gets its
 * own transaction and this returns only after the broker confirmed the commit (R10). Artemis rolls
 * back a whole transaction when one duplicate id was seen before (a Meta retry): when every message
 * carries a duplicate id, they are then resent one by one and the broker drops only the duplicates.
 * Any failure throws {@link BufferUnavailableException}.
 */
final class JmsBatchProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(JmsBatchProducer.class);

    private final ConnectionFactory connectionFactory;
    private final Queue queue;

    JmsBatchProducer(JmsBatchEndpoint endpoint, ConnectionFactory connectionFactory, String queue) {
        super(endpoint);
        this.connectionFactory = connectionFactory;
        this.queue = ActiveMQDestination.createQueue(queue); // named client-side: no broker round trip per send
    }

    @Override
    public void process(Exchange exchange) {
        List<JmsBatchMessage> messages = messages(exchange.getMessage().getBody());
        if (messages.isEmpty()) {
            return;
        }
        try {
            Session bound = ConnectionFactoryUtils.getTransactionalSession(connectionFactory, null, false);
            if (bound != null) {
                send(bound, messages); // commits or rolls back with the consumer's transaction
            } else {
                sendCommitted(messages);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.error(
                    "send of {} messages to {} failed: {}",
                    messages.size(),
                    queue,
                    e.getClass().getSimpleName());
            throw new BufferUnavailableException("queue " + queue + " unavailable", e);
        }
    }

    private void sendCommitted(List<JmsBatchMessage> messages) throws JMSException {
        Connection connection = connectionFactory.createConnection(); // shared, cached connection
        try {
            sendInOneTransaction(connection, messages);
        } catch (JMSException rolledBack) {
            if (!messages.stream().allMatch(JmsBatchMessage::hasDuplicateId)) {
                throw rolledBack;
            }
            LOG.info(
                    "transaction of {} messages to {} rolled back ({}); resending singly",
                    messages.size(),
                    queue,
                    rolledBack.getClass().getSimpleName());
            sendSingly(connection, messages);
        } finally {
            connection.close();
        }
    }

    private void sendInOneTransaction(Connection connection, List<JmsBatchMessage> messages) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        try {
            send(session, messages);
            session.commit();
        } catch (JMSException | RuntimeException e) {
            rollbackQuietly(session);
            throw e;
        } finally {
            session.close();
        }
    }

    private void sendSingly(Connection connection, List<JmsBatchMessage> messages) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            send(session, messages); // each send blocks until the broker has it durably
        } finally {
            session.close();
        }
    }

    private void send(Session session, List<JmsBatchMessage> messages) throws JMSException {
        MessageProducer producer = session.createProducer(queue); // cached per session by the connection factory
        try {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (JmsBatchMessage message : messages) {
                producer.send(toJms(session, message));
            }
        } finally {
            producer.close(); // back to the session's cache; a consumer's session outlives this send
        }
    }

    private static Message toJms(Session session, JmsBatchMessage message) throws JMSException {
        Message jms;
        if (message.body() instanceof byte[] bytes) {
            BytesMessage bytesMessage = session.createBytesMessage();
            bytesMessage.writeBytes(bytes);
            jms = bytesMessage;
        } else {
            jms = session.createTextMessage((String) message.body());
        }
        for (Map.Entry<String, String> property : message.properties().entrySet()) {
            jms.setStringProperty(property.getKey(), property.getValue());
        }
        return jms;
    }

    @SuppressWarnings("unchecked")
    private static List<JmsBatchMessage> messages(Object body) {
        if (body instanceof JmsBatchMessage single) {
            return List.of(single);
        }
        if (body instanceof List<?> list && list.stream().allMatch(JmsBatchMessage.class::isInstance)) {
            return (List<JmsBatchMessage>) list;
        }
        throw new IllegalArgumentException("jms-batch producer needs a JmsBatchMessage or a list of them, got "
                + (body == null ? "null" : body.getClass().getSimpleName()));
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException ignored) {
            // the original failure is what matters
        }
    }
}
