package io.carehub.buffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.ops.HmacSha256;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R10/R11/R13: encrypts the events of one webhook POST and sends them persistently to the buffer
 * queue in one broker transaction, so one journal sync covers the whole POST. Returns only after
 * the broker confirmed the commit.
 */
@Component("bufferWriter")
public class BufferWriter {

    /** Artemis duplicate-detection property (R5). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    static final String GROUP_ID = "JMSXGroupID";
    static final String KIND = "carehubKind";
    private static final Logger LOG = LoggerFactory.getLogger(BufferWriter.class);

    private final ConnectionFactory connectionFactory;
    private final BufferCipher cipher;
    private final ObjectMapper mapper;
    private final Queue queue;
    private final HmacSha256 groupHmac;

    public BufferWriter(ConnectionFactory connectionFactory, BufferCipher cipher, ObjectMapper mapper,
            BufferProperties properties) {
        this.connectionFactory = connectionFactory;
        this.cipher = cipher;
        this.mapper = mapper;
        // built client-side: Session.createQueue would ask the broker on every POST
        this.queue = ActiveMQDestination.createQueue(properties.queue());
        this.groupHmac = new HmacSha256(properties.groupKey());
    }

    @Handler
    public int send(@Body List<BufferedEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        try {
            Connection connection = connectionFactory.createConnection(); // shared, cached connection
            try {
                sendInOneTransaction(connection, events);
            } catch (JMSException rolledBack) {
                // Artemis rolls back a whole transaction when one duplicate id was seen before (a Meta
                // retry): resend one by one, the broker then drops only the duplicates. If the broker
                // is really gone, this fails too and the POST gets 503.
                LOG.info("buffer transaction of {} events rolled back ({}); resending singly", events.size(),
                        rolledBack.getClass().getSimpleName());
                sendSingly(connection, events);
            } finally {
                connection.close();
            }
            return events.size();
        } catch (JMSException | RuntimeException e) {
            LOG.error("buffer send failed for {} events: {}", events.size(), e.getClass().getSimpleName());
            throw new BufferUnavailableException("buffer queue unavailable", e);
        }
    }

    private void sendInOneTransaction(Connection connection, List<BufferedEvent> events) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        try {
            MessageProducer producer = producer(session);
            for (BufferedEvent event : events) {
                producer.send(toMessage(session, event));
            }
            session.commit();
        } catch (JMSException | RuntimeException e) {
            rollbackQuietly(session);
            throw e;
        } finally {
            session.close();
        }
    }

    private void sendSingly(Connection connection, List<BufferedEvent> events) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            MessageProducer producer = producer(session);
            for (BufferedEvent event : events) {
                producer.send(toMessage(session, event)); // blocks until the broker has it durably
            }
        } finally {
            session.close();
        }
    }

    private MessageProducer producer(Session session) throws JMSException {
        MessageProducer producer = session.createProducer(queue); // cached per session by the connection factory
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }

    private BytesMessage toMessage(Session session, BufferedEvent event) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(cipher.encrypt(serialize(event)));
        message.setStringProperty(DUPLICATE_ID, event.dedupId());
        message.setStringProperty(GROUP_ID, groupId(event.groupKey()));
        message.setStringProperty(KIND, event.kind().name());
        return message;
    }

    private byte[] serialize(BufferedEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }

    /** R13 grouping by customer without writing the phone number into broker headers. */
    String groupId(String waId) {
        return HexFormat.of().formatHex(groupHmac.of(waId.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private static void rollbackQuietly(Session session) {
        try {
            session.rollback();
        } catch (JMSException | RuntimeException ignored) {
            // the original failure is what matters
        }
    }
}
