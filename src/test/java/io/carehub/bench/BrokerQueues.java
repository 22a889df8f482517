package io.carehub.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Arrays;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;

/**
 * The broker's view of the hub's queues, for the benchmark: whether earlier work has drained, and how many
 * messages were handed on. The embedded broker is read in-process; a standalone broker through Artemis'
 * management address, like any JMS client with the "manage" permission would.
 */
interface BrokerQueues extends AutoCloseable {

    /** Messages ever added to {@code queue} (0 while it does not exist). */
    long messagesAdded(String queue);

    /** Messages in {@code queue} now (0 while it does not exist). */
    long messageCount(String queue);

    /** Messages waiting or in delivery on every carehub queue, dead-letter and agent pool queues excluded. */
    long pending();

    /** Drops every message of {@code queue}. */
    void purge(String queue);

    @Override
    default void close() throws JMSException {}

    private static boolean isCarehubWorkQueue(String name) {
        // the pools are emptied by agent desktops, and there are none in the benchmark
        return name.startsWith("carehub.") && !name.endsWith("DLQ") && !name.startsWith("carehub.pool.");
    }

    /** The hub's own embedded broker. */
    static BrokerQueues embedded(ActiveMQServer server) {
        return new BrokerQueues() {
            @Override
            public long messagesAdded(String queue) {
                Queue found = server.locateQueue(SimpleString.of(queue));
                return found == null ? 0 : found.getMessagesAdded();
            }

            @Override
            public long messageCount(String queue) {
                Queue found = server.locateQueue(SimpleString.of(queue));
                return found == null ? 0 : found.getMessageCount();
            }

            @Override
            public long pending() {
                return server.getPostOffice()
                        .getAllBindings()
                        .filter(binding -> binding instanceof QueueBinding)
                        .map(binding -> ((QueueBinding) binding).getQueue())
                        .filter(queue -> isCarehubWorkQueue(queue.getName().toString()))
                        .mapToLong(queue -> queue.getMessageCount() + queue.getDeliveringCount())
                        .sum();
            }

            @Override
            public void purge(String queue) {
                Queue found = server.locateQueue(SimpleString.of(queue));
                if (found != null) {
                    try {
                        found.deleteAllReferences();
                    } catch (Exception e) {
                        throw new IllegalStateException("could not purge " + queue, e);
                    }
                }
            }
        };
    }

    /** A standalone broker, through request/reply on its management address. */
    static BrokerQueues managed(ConnectionFactory factory) throws JMSException {
        Connection connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer management = session.createProducer(session.createQueue("activemq.management"));
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageConsumer answers = session.createConsumer(replies);
        connection.start();
        return new BrokerQueues() {
            private synchronized Object request(String resource, String attribute, String operation) {
                try {
                    Message request = session.createMessage();
                    if (attribute != null) {
                        JMSManagementHelper.putAttribute(request, resource, attribute);
                    } else {
                        JMSManagementHelper.putOperationInvocation(request, resource, operation);
                    }
                    request.setJMSReplyTo(replies);
                    management.send(request);
                    Message reply = answers.receive(10_000);
                    if (reply == null) {
                        throw new IllegalStateException("no management reply for " + resource);
                    }
                    return JMSManagementHelper.hasOperationSucceeded(reply)
                            ? JMSManagementHelper.getResult(reply)
                            : null;
                } catch (Exception e) {
                    throw new IllegalStateException("management request " + resource + " failed", e);
                }
            }

            private long number(String queue, String attribute) {
                Object value = request(ResourceNames.QUEUE + queue, attribute, null);
                return value instanceof Number n ? n.longValue() : 0;
            }

            @Override
            public long messagesAdded(String queue) {
                return number(queue, "messagesAdded");
            }

            @Override
            public long messageCount(String queue) {
                return number(queue, "messageCount");
            }

            @Override
            public long pending() {
                Object names = request(ResourceNames.BROKER, "queueNames", null);
                return names instanceof Object[] array
                        ? Arrays.stream(array)
                                .map(String::valueOf)
                                .filter(BrokerQueues::isCarehubWorkQueue)
                                .mapToLong(queue -> number(queue, "messageCount") + number(queue, "deliveringCount"))
                                .sum()
                        : 0;
            }

            @Override
            public void purge(String queue) {
                request(ResourceNames.QUEUE + queue, null, "removeAllMessages");
            }

            @Override
            public void close() throws JMSException {
                connection.close();
            }
        };
    }
}
