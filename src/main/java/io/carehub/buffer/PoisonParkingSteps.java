package io.carehub.buffer;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jms.JmsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * R12/R45: {@link PoisonParking} for the queues Camel's JMS listeners consume (lifecycle, outbound): the steps of the
 * route configuration {@code poison-parking} (routes/error-handling.yaml). A delivery that fails for a reason other
 * than an outage is remembered and rolled back (so the failed processing's own sends are undone); its redelivery is
 * not processed again but set aside with a delay, or parked in {@code carehub.DLQ} with its labels once it used up
 * {@code carehub.buffer.poison-attempts}, in the listener's transaction. Outages of the database, the broker or the
 * Graph API are never remembered: they wait in place or are retried as before.
 */
@Component("poisonParking")
public class PoisonParkingSteps {

    /** The exchange's JMS message id, set when it enters the route. */
    static final String DELIVERY = "carehubDelivery";
    /** The remembered failure of this delivery's previous attempt. */
    static final String FAILURE = "carehubPoisonFailure";

    /** Types outside this package that are outages, retried where they occur (routes/error-handling.yaml). */
    private static final Set<String> OUTAGE_TYPES = Set.of(
            "io.carehub.whatsapp.GraphApiException", "java.net.ConnectException", "java.net.http.HttpTimeoutException");

    private static final int REMEMBERED = 10_000;

    private final PoisonParking.Settings settings;
    private final Clock clock = Clock.systemUTC(); // parking times are wall-clock, like the buffer's
    /** Failed deliveries by JMS message id, until redelivered; bounded (a lost entry means one more attempt). */
    private final Map<String, Throwable> failed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Throwable> eldest) {
            return size() > REMEMBERED;
        }
    };

    PoisonParkingSteps(BufferProperties buffer) {
        this.settings = new PoisonParking.Settings(
                EmbeddedBrokerConfiguration.OTHER_DEAD_LETTER_QUEUE,
                buffer.poisonAttempts(),
                buffer.poisonBackoff().toMillis());
    }

    /** First step of every delivery: true when its previous attempt failed as a poison (then it is set aside). */
    public boolean failedBefore(Exchange exchange) throws JMSException {
        Message message = jmsMessage(exchange);
        if (message == null) {
            return false;
        }
        String id = message.getJMSMessageID();
        exchange.setProperty(DELIVERY, id);
        if (!PoisonParking.isRetry(message)) {
            return false;
        }
        Throwable failure;
        synchronized (failed) {
            failure = failed.remove(id);
        }
        if (failure == null) {
            return false;
        }
        exchange.setProperty(FAILURE, failure);
        return true;
    }

    /** Sets the redelivered poison aside or parks it; the listener commits it with the removal of the original. */
    public void setAside(Exchange exchange) throws JMSException {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        Session session = in.getJmsSession();
        Message message = in.getJmsMessage();
        String queue = ((Queue) message.getJMSDestination()).getQueueName();
        new PoisonParking(queue, settings, clock)
                .setAsideInTransaction(
                        session, message, MessageCopy.body(message), exchange.getProperty(FAILURE, Throwable.class));
    }

    /** onWhen of the catch-all: a failure with an outage anywhere in its causes is not a poison. */
    public boolean isPoison(Exchange exchange) {
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        return exchange.getProperty(DELIVERY) != null && failure != null && !isOutage(failure);
    }

    /** onException step: remembers the failure; the exchange still fails, so the listener rolls the delivery back. */
    public void remember(Exchange exchange) {
        String id = exchange.getProperty(DELIVERY, String.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (id != null && failure != null) {
            synchronized (failed) {
                failed.put(id, failure);
            }
        }
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionSystemException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof JMSException
                    || t instanceof JmsException
                    || t instanceof BufferUnavailableException
                    || OUTAGE_TYPES.contains(t.getClass().getName())
                    || (t instanceof SQLException sql && connectionLost(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** SQLState classes of a lost or refused connection, a shutdown and exhausted resources. */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    }

    private static Message jmsMessage(Exchange exchange) {
        return exchange.getIn() instanceof JmsMessage jms ? jms.getJmsMessage() : null;
    }
}
