package io.carehub.buffer;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * R11/R12/R13: each consumer thread receives up to {@code batchSize} messages (waiting at most
 * {@code batchWait} for more) in one local JMS transaction and hands their bodies (a list of byte[]) to the route as one
 * transacted exchange. The session is exposed to Spring's JMS support for the exchange, so the
 * route's JMS sends (a JmsTemplate, Camel's {@code jms:}) join the same broker transaction. The batch leaves the queue only when
 * the route completed (its database transaction committed); otherwise it is rolled back to the broker.
 *
 * <p>A redelivered message is consumed alone in its own transaction: after a failed batch all its
 * messages come back redelivered at once, so the rest of the batch is documented and a poison message fails on its
 * own. One that fails alone is set aside with a delay and finally parked ({@link PoisonParking}), so the consumer
 * never sleeps on it and the other customers pinned to it keep flowing. An outage (broker or database) that
 * reaches the consumer is different: the batch is rolled back and the consumer waits with backoff, the customers'
 * groups still pinned to it, so nothing is parked and order holds. Message groups pin each customer to one thread,
 * and a thread works its batches one after another, so per-customer order holds.
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
            long maxRollbackBackoffMs,
            PoisonParking.Settings poison) {}

    /** A received message and its body, read at once (see {@link #receiveBatch}). */
    private record Received(Message message, byte[] body) {}

    /** The message that just failed alone, and why: its next delivery is set aside unprocessed. */
    private record Failed(String messageId, Throwable failure) {

        boolean isFor(Received received) throws JMSException {
            return messageId != null && messageId.equals(received.message().getJMSMessageID());
        }
    }

    private final ConnectionFactory connectionFactory;
    private final Settings settings;
    private final PoisonParking parking;
    private ExecutorService threads;

    JmsBatchConsumer(
            JmsBatchEndpoint endpoint, Processor processor, ConnectionFactory connectionFactory, Settings settings) {
        super(endpoint, processor);
        // the application's (caching) factory: its shared connection, and the key under which the session is exposed
        this.connectionFactory = connectionFactory;
        this.settings = settings;
        this.parking = new PoisonParking(settings.queue(), settings.poison(), Clock.systemUTC());
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
                Failed failed = null;
                while (isRunAllowed()) {
                    List<Received> batch = receiveBatch(consumer);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    if (failed != null && batch.size() == 1 && failed.isFor(batch.getFirst())) {
                        // R12/R45: set aside (delayed retry) or parked, without a sleep: the other groups go on
                        parking.setAside(
                                session,
                                batch.getFirst().message(),
                                batch.getFirst().body(),
                                failed.failure());
                        failed = null;
                        continue;
                    }
                    failed = null;
                    Exchange exchange = processInOneTransaction(session, batch);
                    try {
                        if (exchange.getException() == null && !exchange.isRollbackOnly()) {
                            session.commit();
                            backoff = settings.rollbackBackoffMs();
                            continue;
                        }
                        Throwable failure = exchange.getException();
                        LOG.warn(
                                "batch of {} buffered updates rolled back ({})",
                                batch.size(),
                                failure == null
                                        ? "rollback only"
                                        : failure.getClass().getSimpleName());
                        session.rollback(); // undoes the route's sends too
                        if (isOutage(failure)) {
                            // R12: the broker redelivers at once (a delay would let later updates of the customer
                            // overtake the rolled-back ones, R13); the backoff happens here, with the customers'
                            // groups still pinned to this consumer, so order holds while it waits
                            sleepQuietly(backoff);
                            backoff = Math.min(backoff * 2, settings.maxRollbackBackoffMs());
                        } else if (batch.size() == 1) {
                            failed = new Failed(batch.getFirst().message().getJMSMessageID(), failure);
                        } // else: a batch comes back at once, one message at a time
                    } finally {
                        releaseExchange(exchange, false);
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
     * Up to batchSize messages, each body read as soon as it is received: Artemis streams a large
     * message (over 100 kB) and discards what was not read of it when the consumer receives the next one
     * (found by the webhook fuzzer: such updates failed to decrypt).
     */
    private List<Received> receiveBatch(MessageConsumer consumer) throws JMSException {
        Message first = consumer.receive(POLL_MS);
        if (first == null) {
            return List.of();
        }
        List<Received> batch = new ArrayList<>(settings.batchSize());
        batch.add(new Received(first, first.getBody(byte[].class)));
        if (PoisonParking.isRetry(first)) {
            return batch; // possibly the poison of a failed batch, or a set-aside one: alone
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.batchWaitMs());
        while (batch.size() < settings.batchSize()) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Message next = leftMs > 0 ? consumer.receive(leftMs) : consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(new Received(next, next.getBody(byte[].class)));
            if (PoisonParking.isRetry(next)) {
                break; // at most one redelivered or set-aside message per batch
            }
        }
        return batch;
    }

    /** Runs the route on the batch's bodies; the caller commits or rolls back and releases the exchange. */
    private Exchange processInOneTransaction(Session session, List<Received> batch) {
        Exchange exchange = createExchange(false);
        exchange.getExchangeExtension().setTransacted(true); // redeliveries stay on this thread, inside the session
        exchange.getIn().setBody(batch.stream().map(Received::body).toList());
        TransactionSynchronizationManager.bindResource(connectionFactory, new JmsResourceHolder(session));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            TransactionSynchronizationManager.unbindResource(connectionFactory);
        }
        return exchange;
    }

    /**
     * R12: the broker or the database is unavailable (the route configuration {@code database-outage} retries the
     * database's outages in place; one that still reaches the consumer is waited out here): never a poison.
     */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BufferUnavailableException
                    || t instanceof JMSException
                    || t instanceof org.springframework.jms.JmsException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
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
