package io.carehub.buffer;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * R45: owner of the dead-letter queues ({@code carehub.buffer.DLQ} for buffered updates, {@code carehub.DLQ} for the
 * lifecycle, outbound and pool queues): lists what is parked there from the messages' headers only (a body is never
 * read, except to copy it on a re-drive), re-drives messages to the queue they came from and deletes them. Plain JMS
 * (browse, consume with a selector, send), so it needs no broker management rights (R48: least privilege).
 */
@Component
public class ParkedMessages {

    /** What a parked message is, by the queue it came from. */
    public enum Kind {
        BUFFER_UPDATE,
        LIFECYCLE_EVENT,
        OUTBOUND,
        POOL_HANDOFF,
        OTHER
    }

    /**
     * One parked message, without content.
     *
     * @param id              its JMS message id (what re-drive and delete name)
     * @param deadLetterQueue where it is parked
     * @param originQueue     where a re-drive sends it
     * @param kind            what it is, by its origin queue
     * @param event           for buffered updates: MESSAGE, STATUS or REJECTED
     * @param groupHash       hash of its message group (the customer's or the conversation's): equal for one customer
     * @param reason          the last failure's exception class; for a message the broker parked after
     *                        max-delivery-attempts: {@code broker-delivery-limit}
     * @param reasonDetail    content-free detail (SQLState and schema objects, or the root cause's class)
     * @param attempts        attempts before it was parked (null: parked by the broker)
     * @param parkedAt        when it was parked (null: parked by the broker)
     * @param sentAt          when it was first sent
     */
    public record Parked(
            String id,
            String deadLetterQueue,
            String originQueue,
            Kind kind,
            String event,
            String groupHash,
            String reason,
            String reasonDetail,
            Integer attempts,
            Instant parkedAt,
            Instant sentAt) {}

    /** Which parked messages: each part optional (null); the time range [from, to) is the parking time. */
    public record Filter(String id, Kind kind, String reason, Instant from, Instant to) {

        public static final Filter ALL = new Filter(null, null, null, null, null);

        boolean matches(Parked parked) {
            Instant at = parked.parkedAt() != null ? parked.parkedAt() : parked.sentAt();
            return (id == null || id.equals(parked.id()))
                    && (kind == null || kind == parked.kind())
                    && (reason == null
                            || reason.equals(parked.reason())
                            || parked.reason().endsWith("." + reason))
                    && (from == null || (at != null && !at.isBefore(from)))
                    && (to == null || (at != null && at.isBefore(to)));
        }
    }

    /** Artemis' own label of a message it parked after max-delivery-attempts. */
    static final String ARTEMIS_ORIGIN_QUEUE = "_AMQ_ORIG_QUEUE";

    static final String BROKER_DELIVERY_LIMIT = "broker-delivery-limit";
    /** The most messages one call lists, re-drives or deletes per dead-letter queue. */
    public static final int MAX = 10_000;

    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[0-9A-Za-z-]{1,64}");
    private static final Pattern EVENT = Pattern.compile("[A-Z_]{1,32}");
    private static final int CHUNK = 100;
    private static final long RECEIVE_MS = 1000;

    private final ConnectionFactory connectionFactory;
    private final String bufferQueue;
    private final String lifecycleQueue;
    private final String outboundQueue;
    private final List<String> deadLetterQueues;
    private final Clock clock;

    ParkedMessages(
            ConnectionFactory connectionFactory,
            BufferProperties buffer,
            @Value("${carehub.lifecycle.queue}") String lifecycleQueue,
            @Value("${carehub.outbound.queue}") String outboundQueue,
            Clock clock) {
        this.connectionFactory = connectionFactory;
        this.bufferQueue = buffer.queue();
        this.lifecycleQueue = lifecycleQueue;
        this.outboundQueue = outboundQueue;
        this.deadLetterQueues = List.of(buffer.deadLetterQueue(), EmbeddedBrokerConfiguration.OTHER_DEAD_LETTER_QUEUE);
        this.clock = clock;
    }

    /** A well-formed message id (what a selector may name), else null. */
    public static String messageId(String id) {
        return id != null && MESSAGE_ID.matcher(id).matches() ? id : null;
    }

    /** The parked messages the filter selects, oldest first per queue, at most {@code limit}. */
    public List<Parked> list(Filter filter, int limit) throws JMSException {
        List<Parked> parked = new ArrayList<>();
        for (String queue : deadLetterQueues) {
            for (Parked p : browse(queue)) {
                if (parked.size() >= limit) {
                    return parked;
                }
                if (filter.matches(p)) {
                    parked.add(p);
                }
            }
        }
        return parked;
    }

    /** Sends the selected messages back to their origin queues, without their parking labels; returns their ids. */
    public List<String> redrive(Filter filter) throws JMSException {
        return take(filter, true);
    }

    /** Deletes the selected messages; returns their ids. */
    public List<String> delete(Filter filter) throws JMSException {
        return take(filter, false);
    }

    private List<String> take(Filter filter, boolean redrive) throws JMSException {
        List<String> taken = new ArrayList<>();
        for (String queue : deadLetterQueues) {
            List<String> ids = browse(queue).stream()
                    .filter(filter::matches)
                    .filter(p -> !redrive || p.originQueue() != null)
                    .map(Parked::id)
                    .filter(id -> messageId(id) != null)
                    .toList();
            for (int i = 0; i < ids.size(); i += CHUNK) {
                taken.addAll(take(queue, ids.subList(i, Math.min(ids.size(), i + CHUNK)), redrive));
            }
        }
        return taken;
    }

    /** One transaction: the chunk's messages leave the dead-letter queue and, on a re-drive, enter their origin. */
    private List<String> take(String queue, List<String> ids, boolean redrive) throws JMSException {
        String selector =
                ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "JMSMessageID IN (", ")"));
        List<String> taken = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                while (taken.size() < ids.size()) {
                    Message message = consumer.receive(RECEIVE_MS);
                    if (message == null) {
                        break; // re-driven or deleted meanwhile
                    }
                    if (redrive) {
                        send(session, message);
                    }
                    taken.add(message.getJMSMessageID());
                }
            }
            session.commit();
        }
        return taken;
    }

    private void send(Session session, Message parked) throws JMSException {
        String origin = originQueue(parked);
        if (origin == null) {
            throw new JMSException("parked message without a known origin queue");
        }
        Message copy = MessageCopy.of(session, parked, MessageCopy.body(parked), PoisonParking.LABELS);
        MessageProducer producer = session.createProducer(session.createQueue(origin));
        try {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            // set every time: producers are cached per session with their settings
            producer.setDeliveryDelay(0);
            long expiration = parked.getJMSExpiration();
            // R19: a pool hand-off keeps the rest of its time to live
            producer.setTimeToLive(expiration > 0 ? Math.max(1, expiration - clock.millis()) : 0);
            producer.send(copy);
            producer.setTimeToLive(0); // the cached producer's next user expects none
        } finally {
            producer.close();
        }
    }

    private List<Parked> browse(String queue) throws JMSException {
        List<Parked> parked = new ArrayList<>();
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            QueueBrowser browser = session.createBrowser(session.createQueue(queue));
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && parked.size() < MAX) {
                parked.add(describe(queue, (Message) messages.nextElement()));
            }
            browser.close();
        }
        return parked;
    }

    /** The message's headers as the ops API shows them; its body is not read. */
    private Parked describe(String queue, Message message) throws JMSException {
        String origin = originQueue(message);
        boolean labelled = message.propertyExists(PoisonParking.ORIGIN_QUEUE);
        String event = message.getStringProperty(BufferEnvelopes.KIND);
        return new Parked(
                message.getJMSMessageID(),
                queue,
                origin,
                kind(origin),
                event != null && EVENT.matcher(event).matches() ? event : null,
                groupHash(message.getStringProperty(MessageCopy.GROUP_ID)),
                labelled ? message.getStringProperty(PoisonParking.REASON) : BROKER_DELIVERY_LIMIT,
                labelled
                        ? message.getStringProperty(PoisonParking.REASON_DETAIL)
                        : "delivered max-delivery-attempts times without completing; the failures are in the hub's log",
                labelled ? message.getIntProperty(PoisonParking.ATTEMPTS) : null,
                labelled ? Instant.ofEpochMilli(message.getLongProperty(PoisonParking.PARKED_AT)) : null,
                message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null);
    }

    /** Where the message came from, if it is one of the hub's queues (never a dead-letter queue). */
    private String originQueue(Message message) throws JMSException {
        String origin = message.getStringProperty(PoisonParking.ORIGIN_QUEUE);
        if (origin == null) {
            origin = message.getStringProperty(ARTEMIS_ORIGIN_QUEUE);
        }
        return origin != null && origin.startsWith("carehub.") && !deadLetterQueues.contains(origin) ? origin : null;
    }

    private Kind kind(String origin) {
        if (origin == null) {
            return Kind.OTHER;
        }
        if (origin.equals(bufferQueue)) {
            return Kind.BUFFER_UPDATE;
        }
        if (origin.equals(lifecycleQueue)) {
            return Kind.LIFECYCLE_EVENT;
        }
        if (origin.equals(outboundQueue)) {
            return Kind.OUTBOUND;
        }
        return origin.startsWith("carehub.pool.") ? Kind.POOL_HANDOFF : Kind.OTHER;
    }

    /** R13 groups are pseudonymous already (buffer) or conversation ids: hashed, so one customer's are recognizable. */
    private static String groupHash(String group) {
        if (group == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(group.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dead-letter queues this owner reads. */
    public Set<String> deadLetterQueues() {
        return Set.copyOf(deadLetterQueues);
    }
}
