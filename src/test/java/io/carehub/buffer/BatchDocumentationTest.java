package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.Db;
import io.carehub.HubTest;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * R5/R12/R13 for the batching buffer consumer: a poison message does not take its batch with it,
 * duplicates inside one batch are documented once, and each customer's order holds within and across batches.
 */
@TestPropertySource(
        properties = {
            "carehub.buffer.max-delivery-attempts=3",
            "carehub.buffer.batch-size=50",
            "carehub.buffer.batch-wait=50ms"
        })
@HubTest
class BatchDocumentationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String BUSINESS = "106540352242922";

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BufferEnvelopes envelopes;

    @Autowired
    BufferReader reader;

    @Autowired
    BufferCipher cipher;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    BufferProperties buffer;

    @Autowired
    CamelContext camel;

    @Test
    void poisonMessageIsParkedInTheDeadLetterQueueWhileTheRestOfItsBatchIsDocumented() throws Exception {
        String prefix = "poison" + System.nanoTime();
        List<BufferedEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(text(customer(prefix, i % 2), prefix + "-" + i, BUSINESS));
        }
        // no business number: its conversation cannot be stored (NOT NULL), a failure no retry cures
        events.add(20, text(customer(prefix, 1), prefix + "-poison", null));

        bufferInOneTransaction(events); // one broker transaction: the consumer finds them together

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "-%") == 40);
        await().atMost(PATIENCE).until(() -> deadLetterIds().contains(prefix + "-poison"));
        assertThat(db.count("select count(*) from message where wamid = ?", prefix + "-poison"))
                .isZero();
        assertThat(deadLetterIds()).filteredOn(id -> id.startsWith(prefix)).containsExactly(prefix + "-poison");
    }

    @Test
    void duplicatesInsideOneBatchAreDocumentedOnce() throws Exception {
        String prefix = "dupbatch" + System.nanoTime();
        String waId = customer(prefix, 0);
        List<BufferedEvent> events = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < 10; i++) {
                events.add(i % 2 == 0 ? text(waId, prefix + "-" + i, BUSINESS) : image(waId, prefix + "-" + i));
            }
        }
        // without duplicate-detection ids, so the broker lets every copy through to the consumer
        sendWithoutDuplicateDetection(events);
        sendWithoutDuplicateDetection(events.subList(0, 10));
        sendWithoutDuplicateDetection(
                List.of(text(waId, prefix + "-last", BUSINESS))); // same customer: consumed after the copies

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid = ?", prefix + "-last") == 1);
        assertThat(db.count("select count(*) from message where wamid like ?", prefix + "-%"))
                .isEqualTo(11);
        assertThat(db.count(
                        "select count(*) from attachment a join message m on m.id = a.message_id where m.wamid like ?",
                        prefix + "-%"))
                .isEqualTo(5);
        assertThat(db.count(
                        "select count(*) from conversation c join contact k on k.id = c.contact_id where k.wa_id_hash = ?",
                        db.hash(waId)))
                .isEqualTo(1);
    }

    @Test
    void eachCustomersOrderHoldsWithinAndAcrossBatches() {
        String prefix = "order" + System.nanoTime();
        int customers = 4;
        int perCustomer = 150; // three batches of 50 and more per customer
        for (int chunk = 0; chunk < 5; chunk++) {
            List<BufferedEvent> events = new ArrayList<>();
            for (int i = chunk * perCustomer / 5; i < (chunk + 1) * perCustomer / 5; i++) {
                for (int c = 0; c < customers; c++) {
                    events.add(text(customer(prefix, c), prefix + "-" + c + "-" + i, BUSINESS));
                }
            }
            bufferInOneTransaction(events);
        }

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "-%")
                        == (long) customers * perCustomer);
        for (int c = 0; c < customers; c++) {
            List<Long> sequence = jdbc.queryForList("""
                    select cast(substring(wamid from '-(\\d+)$') as bigint) from message
                     where wamid like ? order by id""", Long.class, prefix + "-" + c + "-%");
            assertThat(sequence).as("customer %d", c).hasSize(perCustomer).isSorted();
        }
    }

    @Test
    void largeUpdatesAndLoneSurrogatesInABatchAreDocumented() throws Exception {
        // both found by the webhook fuzzer: Artemis streams messages over 100 kB and drops what was not read
        // when the next one is received; a lone surrogate is stored as U+FFFD, and the batch must still find its row
        String prefix = "odd" + System.nanoTime();
        String waId = customer(prefix, 0);
        List<BufferedEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode message = message(waId, prefix + "-" + i, "text");
            message.putObject("text").put("body", i % 2 == 0 ? "x".repeat(300_000) : "kurz");
            events.add(event(waId, prefix + "-" + i, BUSINESS, message));
        }
        events.add(text(waId, prefix + "-\uD800-lone", BUSINESS));
        events.add(text(waId, prefix + "-last", BUSINESS));
        bufferInOneTransaction(events);

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "-%") == 8);
        assertThat(db.count("select count(*) from message where wamid = ?", prefix + "-\uFFFD-lone"))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("select id from message where wamid like ?", Long.class, prefix + "-%").stream()
                        .map(db::text)
                        .filter(text -> text != null && text.length() == 300000))
                .hasSize(3);
        // and nothing stays behind: every message of the batch left the buffer (none redelivered, none parked)
        await().atMost(PATIENCE).until(() -> queued(buffer.queue()) == 0);
        assertThat(deadLetterIds()).noneMatch(id -> id.startsWith(prefix));
    }

    private int queued(String queue) throws Exception {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            return java.util.Collections.list(
                            session.createBrowser(session.createQueue(queue)).getEnumeration())
                    .size();
        }
    }

    private static String customer(String prefix, int index) {
        return "49" + Math.abs((prefix + index).hashCode() % 1_000_000_000L) + index;
    }

    private BufferedEvent text(String waId, String wamid, String business) {
        ObjectNode message = message(waId, wamid, "text");
        message.putObject("text")
                .put("body", "Guten Tag, hier ist Erika Mustermann, meine Kundennummer ist K-55012398");
        return event(waId, wamid, business, message);
    }

    private BufferedEvent image(String waId, String wamid) {
        ObjectNode message = message(waId, wamid, "image");
        message.putObject("image")
                .put("id", "media-" + wamid)
                .put("mime_type", "image/jpeg")
                .put("sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
                .put("caption", "Foto vom Zählerstand");
        return event(waId, wamid, BUSINESS, message);
    }

    private ObjectNode message(String waId, String wamid, String type) {
        return mapper.createObjectNode()
                .put("from", waId)
                .put("id", wamid)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()))
                .put("type", type);
    }

    private static BufferedEvent event(String waId, String wamid, String business, ObjectNode payload) {
        return new BufferedEvent(
                BufferedEvent.Kind.MESSAGE,
                wamid,
                waId,
                business,
                "15550783881",
                "Erika",
                Instant.now(),
                payload,
                null,
                null);
    }

    /** What the webhook route does with a POST's events: sealed, then sent through the jms-batch producer. */
    private void bufferInOneTransaction(List<BufferedEvent> events) {
        camel.createProducerTemplate().sendBody("jms-batch:queue:" + buffer.queue(), envelopes.seal(events));
    }

    private void sendWithoutDuplicateDetection(List<BufferedEvent> events) throws Exception {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(buffer.queue()));
            for (BufferedEvent event : events) {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(cipher.encrypt(mapper.writeValueAsBytes(event)));
                message.setStringProperty(JmsBatchMessage.GROUP_ID, envelopes.groupId(event.groupKey()));
                message.setStringProperty(BufferEnvelopes.KIND, event.kind().name());
                producer.send(message);
            }
            session.commit();
        }
    }

    private List<String> deadLetterIds() throws Exception {
        return DeadLetters.ids(connectionFactory, buffer, reader);
    }
}
