package io.carehub.buffer;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * R11/R12/R13: each consumer thread receives up to {@code batchSize} messages (waiting at most
 * {@code batchWait} for more) in one local JMS transaction and hands their bodies (a list of byte[]) to the route as one
 * transacted exchange. The session is exposed to Spring's JMS support for the exchange, so the
 * route's JMS sends (a JmsTemplate, Camel's {@code jms:}) join the same broker transaction. The batch leaves the queue only when
 * the route completed (its database transaction committed); otherwise it is rolled back to the broker.
 *
 * <p>A redelivered message is consumed alone in its own transaction: after a failed batch all its
 * messages come back redelivered, so one poison message goes to redelivery and finally to the
 * dead-letter queue on its own while the rest of its batch is documented. Message groups pin each
 * customer to one thread, and a thread works its batches one after another, so per-customer order holds.
 */
final class JmsBatchConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(JmsBatchConsumer.class);
    private static final long POLL_MS = 500;
    private static final long RECONNECT_MS = 2000;

    record Settings(
            String queue,
            int batchSize,
            long batchWaitMs,
            int concurrentConsumers,
            long rollbackBackoffMs,
            long maxRollbackBackoffMs) {}

    private final ConnectionFactory connectionFactory;
    private final Settings settings;
    private ExecutorService threads;

    JmsBatchConsumer(
            JmsBatchEndpoint endpoint, Processor processor, ConnectionFactory connectionFactory, Settings settings) {
        super(endpoint, processor);
        // the application's (caching) factory: its shared connection, and the key under which the session is exposed
        this.connectionFactory = connectionFactory;
        this.settings = settings;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        threads = getEndpoint()
                .getCamelContext()
                .getExecutorServiceManager()
                .newFixedThreadPool(this, "jms-batch-" + settings.queue(), settings.concurrentConsumers());
        for (int i = 0; i < settings.concurrentConsumers(); i++) {
            threads.execute(this::consumeUntilStopped);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (threads != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(threads);
            threads.awaitTermination(30, TimeUnit.SECONDS);
            threads = null;
        }
        super.doStop();
    }

    private void consumeUntilStopped() {
        while (isRunAllowed()) {
            Session session = null;
            MessageConsumer consumer = null;
            try {
                Connection connection = connectionFactory.createConnection(); // shared; reset by the factory on failure
                session = connection.createSession(true, Session.SESSION_TRANSACTED);
                consumer = session.createConsumer(session.createQueue(settings.queue()));
                connection.start();
                long backoff = settings.rollbackBackoffMs();
                while (isRunAllowed()) {
                    List<byte[]> batch = receiveBatch(consumer);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    if (processInOneTransaction(session, batch)) {
                        backoff = settings.rollbackBackoffMs();
                    } else {
                        // R12: the broker redelivers at once (a delay would let later updates of the customer
                        // overtake the rolled-back ones, R13); the backoff happens here, with the customer's
                        // group still pinned to this consumer, so order holds while it waits
                        sleepQuietly(backoff);
                        backoff = Math.min(backoff * 2, settings.maxRollbackBackoffMs());
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (isRunAllowed()) {
                    LOG.warn(
                            "buffer consumer on {} lost its session ({}); reconnecting",
                            settings.queue(),
                            e.getClass().getSimpleName());
                    sleepQuietly(RECONNECT_MS);
                }
            } finally {
                closeQuietly(consumer, session);
            }
        }
    }

    /**
     * The bodies of up to batchSize messages, each read as soon as it is received: Artemis streams a large
     * message (over 100 kB) and discards what was not read of it when the consumer receives the next one
     * (found by the webhook fuzzer: such updates failed to decrypt).
     */
    private List<byte[]> receiveBatch(MessageConsumer consumer) throws JMSException {
        Message first = consumer.receive(POLL_MS);
        if (first == null) {
            return List.of();
        }
        List<byte[]> batch = new ArrayList<>(settings.batchSize());
        batch.add(first.getBody(byte[].class));
        if (first.getJMSRedelivered()) {
            return batch; // possibly the poison of a failed batch: alone
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.batchWaitMs());
        while (batch.size() < settings.batchSize()) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Message next = leftMs > 0 ? consumer.receive(leftMs) : consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next.getBody(byte[].class));
            if (next.getJMSRedelivered()) {
                break; // at most one redelivered message per batch
            }
        }
        return batch;
    }

    /** True if the batch was committed, false if it was rolled back to the broker. */
    private boolean processInOneTransaction(Session session, List<byte[]> batch) throws JMSException {
        Exchange exchange = createExchange(false);
        exchange.getExchangeExtension().setTransacted(true); // redeliveries stay on this thread, inside the session
        exchange.getIn().setBody(batch);
        TransactionSynchronizationManager.bindResource(connectionFactory, new JmsResourceHolder(session));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            TransactionSynchronizationManager.unbindResource(connectionFactory);
        }
        try {
            if (exchange.getException() == null && !exchange.isRollbackOnly()) {
                session.commit();
                return true;
            } else {
                // R12: back to the broker (redelivery with backoff, then the dead-letter queue), one by one from now on
                LOG.warn(
                        "batch of {} buffered updates rolled back ({})",
                        batch.size(),
                        exchange.getException() == null
                                ? "rollback only"
                                : exchange.getException().getClass().getSimpleName());
                session.rollback();
                return false;
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The consumer is closed for real (consumers are not cached), so no prefetched message stays with it. */
    private static void closeQuietly(MessageConsumer consumer, Session session) {
        try {
            if (consumer != null) {
                consumer.close();
            }
            if (session != null) {
                session.close();
            }
        } catch (JMSException | RuntimeException ignored) {
            // already gone
        }
    }
}
