package io.carehub.buffer;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R12/R45: a message that failed on its own, for a reason other than an outage (outages wait in place: route
 * configuration {@code database-outage}), is a poison candidate. Instead of the consumer sleeping on it — which held
 * every other customer of its consumer for minutes — it is set aside: a copy goes back to its queue with a delivery
 * delay (backoff doubling per attempt) in the transaction that removes the original, and the consumer moves on. After
 * {@code attempts} attempts the copy is parked in the dead-letter queue instead, labelled with its origin queue,
 * attempts, time and a content-free reason (what the ops API shows). Only the poison's own customer is reordered: its
 * later messages pass it (it would end up in the dead-letter queue either way); every other order holds (R13).
 */
final class PoisonParking {

    /** Attempts so far (set-aside copies and parked messages). */
    static final String ATTEMPTS = "carehubAttempts";
    /** How often the message was set aside (the next delay is backoff × 2^this). */
    static final String SET_ASIDE = "carehubSetAside";
    /** Parked messages: the queue a re-drive sends them back to. */
    static final String ORIGIN_QUEUE = "carehubOriginQueue";
    /** Parked messages: when (epoch milliseconds). */
    static final String PARKED_AT = "carehubParkedAt";
    /** The last failure's exception class and its content-free detail ({@link FailureReason}). */
    static final String REASON = "carehubReason";

    static final String REASON_DETAIL = "carehubReasonDetail";
    /** Every label above: a re-drive removes them, so the message starts afresh. */
    static final Set<String> LABELS = Set.of(ATTEMPTS, SET_ASIDE, ORIGIN_QUEUE, PARKED_AT, REASON, REASON_DETAIL);

    private static final Logger LOG = LoggerFactory.getLogger(PoisonParking.class);
    private static final long MAX_DELAY_MS = 3_600_000;

    /**
     * @param deadLetterQueue where poison messages are parked
     * @param attempts        attempts before a message is parked (the first delivery, maybe in a batch, included)
     * @param backoffMs       delay before the first retry of a set-aside message; doubles per retry
     */
    record Settings(String deadLetterQueue, int attempts, long backoffMs) {}

    private final String queue;
    private final Settings settings;
    private final Clock clock;

    PoisonParking(String queue, Settings settings, Clock clock) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    /** A copy that was set aside is consumed alone, like a redelivery: it may fail again. */
    static boolean isRetry(Message message) throws JMSException {
        return message.getJMSRedelivered() || message.propertyExists(ATTEMPTS);
    }

    /**
     * Sets the failed message aside or parks it, in the consumer's transaction, and commits. {@code message} is its
     * delivery after the failed one (rolled back, so the failed processing's own sends are undone), not processed.
     */
    void setAside(Session session, Message message, Object body, Throwable failure) throws JMSException {
        Outcome outcome = send(session, message, body, failure);
        session.commit();
        outcome.log();
    }

    /**
     * Like {@link #setAside}, in a transaction its caller commits: a listener container's, which commits when the
     * listener returns (routes with the route configuration {@code poison-parking}).
     */
    void setAsideInTransaction(Session session, Message message, Object body, Throwable failure) throws JMSException {
        send(session, message, body, failure).log();
    }

    private Outcome send(Session session, Message message, Object body, Throwable failure) throws JMSException {
        int setAside = message.propertyExists(SET_ASIDE) ? message.getIntProperty(SET_ASIDE) : 0;
        int attempts = (message.propertyExists(ATTEMPTS) ? message.getIntProperty(ATTEMPTS) : 0)
                + Math.max(1, message.getIntProperty("JMSXDeliveryCount") - 1);
        FailureReason reason = FailureReason.of(failure);
        Message copy = MessageCopy.of(session, message, body, LABELS);
        copy.setIntProperty(ATTEMPTS, attempts);
        copy.setStringProperty(REASON, reason.exception());
        copy.setStringProperty(REASON_DETAIL, reason.detail());
        boolean park = attempts >= settings.attempts();
        long delay = Math.min(settings.backoffMs() << Math.min(setAside, 20), MAX_DELAY_MS);
        MessageProducer producer =
                session.createProducer(session.createQueue(park ? settings.deadLetterQueue() : queue));
        try {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            // set every time: producers are cached per session with their settings
            producer.setTimeToLive(0);
            if (park) {
                copy.setStringProperty(ORIGIN_QUEUE, queue);
                copy.setLongProperty(PARKED_AT, clock.millis());
                producer.setDeliveryDelay(0);
            } else {
                copy.setIntProperty(SET_ASIDE, setAside + 1);
                producer.setDeliveryDelay(delay);
            }
            producer.send(copy);
        } finally {
            producer.close();
        }
        return new Outcome(park, attempts, delay, reason);
    }

    private final class Outcome {
        private final boolean parked;
        private final int attempts;
        private final long delay;
        private final FailureReason reason;

        Outcome(boolean parked, int attempts, long delay, FailureReason reason) {
            this.parked = parked;
            this.attempts = attempts;
            this.delay = delay;
            this.reason = reason;
        }

        void log() {
            if (parked) {
                LOG.warn(
                        "message on {} parked in {} after {} attempts ({}: {})",
                        queue,
                        settings.deadLetterQueue(),
                        attempts,
                        reason.exception(),
                        reason.detail());
            } else {
                LOG.warn(
                        "message on {} set aside after attempt {} of {}, retried in {} ms ({}: {})",
                        queue,
                        attempts,
                        settings.attempts(),
                        delay,
                        reason.exception(),
                        reason.detail());
            }
        }
    }
}
