package io.carehub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.IngestTestSupport;
import io.carehub.MutableClock;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The hub with a hand-moved clock (Monday 10:00 in Berlin unless a test moves it) and an editable
 * routing-rules file; customers write through the signed webhook like WhatsApp does.
 */
@Import(LifecycleTestSupport.Clocks.class)
public abstract class LifecycleTestSupport extends IngestTestSupport {

    /** Monday 2025-06-09 10:00 Europe/Berlin. */
    protected static final Instant MONDAY_MORNING = Instant.parse("2025-06-09T08:00:00Z");
    protected static final Path RULES = rulesCopy();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

    protected static final MutableClock CLOCK = new MutableClock(MONDAY_MORNING);

    @TestConfiguration
    public static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void lifecycleProperties(DynamicPropertyRegistry registry) {
        registry.add("carehub.routing.rules-file", RULES::toString);
        registry.add("carehub.routing.reload-check", () -> "200ms");
        registry.add("carehub.routing.overflow-check", () -> "200ms");
    }

    @Autowired
    protected ConnectionFactory connectionFactory;
    protected final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void mondayMorning() {
        CLOCK.set(MONDAY_MORNING);
    }

    private static Path rulesCopy() {
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "routing-rules-", ".yaml");
            Files.write(file, new ClassPathResource("routing-rules.yaml").getContentAsByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String newCustomer() {
        return "4916" + String.format("%09d", SEQUENCE.incrementAndGet());
    }

    /** The customer writes a text, with WhatsApp's timestamp taken from the test clock. */
    protected String text(String waId, String body) {
        return textSentAt(waId, body, CLOCK.instant());
    }

    /** A text WhatsApp delivers now although the customer sent it at {@code sentAt} (e.g. after an outage). */
    protected String textSentAt(String waId, String body, Instant sentAt) {
        ObjectNode message = message(waId, "text");
        message.put("timestamp", Long.toString(sentAt.getEpochSecond()));
        message.putObject("text").put("body", body);
        return post(waId, message);
    }

    /** The customer presses an interactive reply button or picks a list row. */
    protected String reply(String waId, String kind, String id, String title) {
        ObjectNode message = message(waId, "interactive");
        ObjectNode interactive = message.putObject("interactive").put("type", kind);
        interactive.putObject(kind).put("id", id).put("title", title);
        return post(waId, message);
    }

    /** The customer shares a location (a message without text). */
    protected String location(String waId, double latitude, double longitude) {
        ObjectNode message = message(waId, "location");
        message.putObject("location").put("latitude", latitude).put("longitude", longitude);
        return post(waId, message);
    }

    private ObjectNode message(String waId, String type) {
        return mapper.createObjectNode().put("from", waId).put("id", "wamid.lc" + SEQUENCE.incrementAndGet())
                .put("timestamp", Long.toString(CLOCK.instant().getEpochSecond())).put("type", type);
    }

    private String post(String waId, ObjectNode message) {
        ObjectNode root = mapper.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881").put("phone_number_id", "106540352242922");
        value.putArray("contacts").addObject().put("wa_id", waId).putObject("profile").put("name", "Kundin " + waId);
        value.putArray("messages").add(message);
        NotifyBuilder lifecycleDone = new NotifyBuilder(camel).fromRoute("conversation-lifecycle").whenDone(1).create();
        if (postSigned(root.toString()).statusCode() != 200) {
            throw new AssertionError("webhook refused the message");
        }
        if (!lifecycleDone.matches(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the conversation lifecycle did not handle the message in time");
        }
        return message.get("id").asText();
    }

    /** Outbound messages of the customer's conversations, oldest first: type and Graph API payload. */
    protected List<Map<String, Object>> outbound(String waId) {
        return jdbc.queryForList("""
                select m.type, m.text_body, m.outbound_payload::text as payload, m.actor from message m
                  join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
                 where k.wa_id = ? and m.direction = 'OUTBOUND' order by m.id""", waId);
    }

    protected void awaitOutbound(String waId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> outbound(waId).size() >= count);
    }

    protected long conversationOf(String waId) {
        return jdbc.queryForObject("""
                select c.id from conversation c join contact k on k.id = c.contact_id
                 where k.wa_id = ? order by c.id desc limit 1""", Long.class, waId);
    }

    protected Map<String, Object> conversation(long id) {
        return jdbc.queryForMap("select * from conversation where id = ?", id);
    }

    /** The hand-off JSON the pool's queue received for this conversation. */
    protected JsonNode handOff(String pool, long conversationId) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(30_000);
        Message message = jms.receiveSelected("carehub.pool." + pool, "carehubConversationId = " + conversationId);
        if (message == null) {
            throw new AssertionError("no hand-off for conversation " + conversationId + " in pool " + pool);
        }
        try {
            return mapper.readTree(((TextMessage) message).getText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer who accepted the notice; returns the conversation id. */
    protected long consentedCustomer(String waId, String firstText) {
        text(waId, firstText);
        awaitOutbound(waId, 1);
        reply(waId, "button_reply", "consent-accept", "Akzeptieren");
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from consent_record r join contact k on k.id = r.contact_id where k.wa_id = ?", waId) == 1);
        return conversationOf(waId);
    }

    protected void writeRules(String yaml) {
        try {
            Files.writeString(RULES, yaml, StandardCharsets.UTF_8);
            // make the change visible even within the file system's timestamp resolution
            Files.setLastModifiedTime(RULES, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(SEQUENCE.incrementAndGet() % 1000)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String builtInRules() {
        try {
            return new ClassPathResource("routing-rules.yaml").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
