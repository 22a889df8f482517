package io.carehub.buffer;

import static io.carehub.GraphApiStub.GRAPH_API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.carehub.Db;
import io.carehub.HubTest;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * R5/R10/R13: a duplicate changes nothing — no second row, and no second effect: privacy notice, consent, menu,
 * pool hand-off, Graph API send — and batches are documented completely and in order, and handled in that order.
 */
@HubTest
class DuplicateAndBatchIngestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 10_000_000L);

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectionFactory connectionFactory;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void samePostDeliveredThreeTimesIsDocumentedOnceAndSendsOneNotice() {
        String customer = newCustomer();
        String text = message(customer, "text", "\"text\":{\"body\":\"Hallo\"}");

        for (int i = 0; i < 3; i++) {
            assertThat(webhook.postSigned(text).statusCode()).isEqualTo(200);
        }
        // same customer, so handled after the duplicates (R13): once it is recorded, the duplicates were handled
        accept(customer);

        assertThat(db.count(
                        "select count(*) from message m join conversation c on c.id = m.conversation_id"
                                + " join contact k on k.id = c.contact_id where k.wa_id_hash = ? and m.direction = 'INBOUND'",
                        db.hash(customer)))
                .isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from conversation c join contact k on k.id = c.contact_id where k.wa_id_hash = ?",
                        db.hash(customer)))
                .isEqualTo(1);
        assertThat(outboundNotices(customer)).as("notices documented").isEqualTo(1);
        assertEverySendOnceInOrder(customer);
        assertThat(sends(customer)).filteredOn(Send::notice).as("notices sent").hasSize(1);
    }

    @Test
    void duplicateRepliesOfAConsentedCustomerCauseEachEffectOnceInOrder() {
        String customer = newCustomer();
        String accept = interactive(customer, "button_reply", "consent-accept", "Akzeptieren");
        String menu = interactive(customer, "list_reply", "menu:PRIVATE:contract", "Vertrag");
        String text = message(customer, "text", "\"text\":{\"body\":\"Meine Frage\"}");
        String decline = interactive(customer, "button_reply", "consent-decline", "Ablehnen");

        assertThat(webhook.postSigned(message(customer, "text", "\"text\":{\"body\":\"Hallo\"}"))
                        .statusCode())
                .isEqualTo(200);
        for (String post : List.of(accept, accept, accept)) {
            assertThat(webhook.postSigned(post).statusCode()).isEqualTo(200);
        }
        awaitMenu(customer); // the customer picks from the menu once it arrived
        for (String post : List.of(menu, menu, menu, text, text, text)) {
            assertThat(webhook.postSigned(post).statusCode()).isEqualTo(200);
        }
        // handled after everything above (R13): once it is recorded, every duplicate was handled
        assertThat(webhook.postSigned(decline).statusCode()).isEqualTo(200);
        // the decline's answer (the other channels) is its last effect
        await().atMost(PATIENCE)
                .until(() -> db.outbound(customer).stream()
                        .anyMatch(m -> String.valueOf(m.get("text_body")).startsWith("Schade")));

        long conversation = db.conversationOf(customer);
        assertThat(decisions(customer, "ACCEPTED")).as("acceptances recorded").isEqualTo(1);
        assertThat(outboundNotices(customer)).as("notices documented").isEqualTo(1);
        assertThat(outboundTexts(customer, "Vielen Dank!"))
                .as("thanks documented")
                .isEqualTo(1);
        assertThat(handOffs(conversation)).as("hand-offs on the pool queue").isEqualTo(1);
        assertEverySendOnceInOrder(customer);
        assertThat(sends(customer)).filteredOn(Send::notice).as("notices sent").hasSize(1);
        assertThat(sends(customer)).filteredOn(Send::menu).as("menus sent").hasSize(1);
        // R13 in the lifecycle: the messages after the held first one were released in the order they were sent
        assertThat(jdbc.queryForList("""
                        select m.wamid from message m join conversation c on c.id = m.conversation_id
                         join contact k on k.id = c.contact_id
                         where k.wa_id_hash = ? and m.direction = 'INBOUND' and m.type = 'interactive'
                         order by m.released_at, m.id""", String.class, db.hash(customer)))
                .containsExactly(wamidOf(accept), wamidOf(menu), wamidOf(decline));
    }

    @Test
    void retryHoldingOneKnownAndOneNewMessageDocumentsBothOnce() throws Exception {
        String customer = "4917000000001" + (System.nanoTime() % 1000);
        String first = batch(customer, "mixA" + System.nanoTime(), 1);
        assertThat(webhook.postSigned(first).statusCode()).isEqualTo(200);

        // Meta's retry repeats message 0 and brings message 1 with it in one POST
        JsonNode retry = mapper.readTree(first);
        ArrayNode messages = (ArrayNode) retry.at("/entry/0/changes/0/value/messages");
        ObjectNode extra = messages.get(0).deepCopy();
        extra.put("id", messages.get(0).get("id").asText() + "-next");
        messages.add(extra);
        assertThat(webhook.postSigned(mapper.writeValueAsString(retry)).statusCode())
                .isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> db.count(
                                "select count(*) from message m join conversation c on "
                                        + "c.id = m.conversation_id join contact k on k.id = c.contact_id where k.wa_id_hash = ? and m.direction = 'INBOUND'",
                                db.hash(customer))
                        == 2);
        assertThat(jdbc.queryForList(
                        "select wamid from message m join conversation c on c.id = m.conversation_id"
                                + " join contact k on k.id = c.contact_id where k.wa_id_hash = ? order by m.id",
                        String.class,
                        db.hash(customer)))
                .containsExactly(
                        messages.get(0).get("id").asText(), extra.get("id").asText());
    }

    @Test
    void duplicatesInterleavedFromSeveralThreadsAreDocumentedAndNoticedExactlyOnce() throws Exception {
        String prefix = "par" + System.nanoTime();
        List<String> customers = new ArrayList<>();
        List<String> posts = new ArrayList<>();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 20; i++) {
            String customer = newCustomer();
            customers.add(customer);
            WebhookPayload post = WebhookPayload.update().contact(customer, "Kunde " + i);
            for (int n = 0; n < 5; n++) {
                post.text(customer, prefix + "-" + i + "-" + n, now, "Nachricht " + n);
            }
            posts.add(post.json());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String post : posts) {
                    statuses.add(pool.submit(() -> webhook.postSigned(post).statusCode()));
                }
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        // each customer's acceptance is handled after all its duplicates (R13)
        customers.forEach(this::accept);

        assertThat(db.count("select count(*) from message where wamid like ?", prefix + "%"))
                .isEqualTo(100);
        for (String customer : customers) {
            assertThat(outboundNotices(customer))
                    .as("notices documented for %s", customer)
                    .isEqualTo(1);
            assertEverySendOnceInOrder(customer);
            assertThat(sends(customer))
                    .filteredOn(Send::notice)
                    .as("notices sent to %s", customer)
                    .hasSize(1);
        }
    }

    @Test
    void thousandUpdatesInOnePostAreAllDocumentedAndReleasedInOrder() {
        String customerA = newCustomer();
        assertThat(webhook.postSigned(message(customerA, "text", "\"text\":{\"body\":\"Hallo\"}"))
                        .statusCode())
                .isEqualTo(200);
        accept(customerA);
        String prefix = "bulk" + System.nanoTime();
        String body = batch(customerA, prefix, 1000);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "%") == 1000);
        // R13: one customer's messages are documented in the order they were sent
        List<Long> sequence = jdbc.queryForList("""
                select cast(substring(wamid from '-(\\d+)$') as bigint) from message
                 where wamid like ? order by id""", Long.class, prefix + "%");
        assertThat(sequence).isSorted().hasSize(1000);
        // R13: and the lifecycle (consent gate, routing) handles them in that order
        await().atMost(PATIENCE)
                .until(() -> db.count(
                                "select count(*) from message where wamid like ? and released_at is not null",
                                prefix + "%")
                        == 1000);
        List<Long> released = jdbc.queryForList("""
                select cast(substring(wamid from '-(\\d+)$') as bigint) from message
                 where wamid like ? order by released_at, id""", Long.class, prefix + "%");
        assertThat(released)
                .as("messages in the order the lifecycle released them")
                .isSorted();
    }

    @Test
    void tenThousandUpdatesInOnePostAreAcceptedAndDocumentedOnce() throws Exception {
        // Meta batches at most 1000; a signed POST with 10 times that is still taken whole, not truncated
        String prefix = "tenk" + System.nanoTime();
        JsonNode root = mapper.readTree(batch("4917700000000", prefix, 10_000));
        ArrayNode messages = (ArrayNode) root.at("/entry/0/changes/0/value/messages");
        for (int i = 0; i < messages.size(); i++) {
            ((ObjectNode) messages.get(i)).put("from", "49177" + String.format("%08d", i % 100));
        }
        byte[] body = mapper.writeValueAsBytes(root);
        assertThat(body.length).isLessThan(3 * 1024 * 1024);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(240))
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "%") == 10_000);
    }

    /** One webhook POST with {@code count} text messages of one customer (Meta's documented shape). */
    private static String batch(String waId, String idPrefix, int count) {
        return WebhookBodies.textMessages(idPrefix, 0, count, n -> waId);
    }

    private static String newCustomer() {
        return "4917" + String.format("%09d", SEQUENCE.incrementAndGet());
    }

    /** One message of the customer, sent now (so the 24-hour window is open for the hub's answers). */
    private static String message(String waId, String type, String content) {
        return WebhookPayload.update()
                .contact(waId, "Kundin " + waId)
                .message("{\"from\":\"" + waId + "\",\"id\":\"wamid.dup" + SEQUENCE.incrementAndGet()
                        + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"type\":\"" + type + "\","
                        + content + "}")
                .json();
    }

    /** The customer pressing an interactive reply button or picking a list row. */
    private static String interactive(String waId, String kind, String id, String title) {
        return message(
                waId,
                "interactive",
                "\"interactive\":{\"type\":\"" + kind + "\",\"" + kind + "\":{\"id\":\"" + id + "\",\"title\":\""
                        + title + "\"}}");
    }

    private String wamidOf(String post) {
        try {
            return mapper.readTree(post)
                    .at("/entry/0/changes/0/value/messages/0/id")
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer accepts the privacy notice; returns once the lifecycle handled it (its last effect: the menu). */
    private void accept(String waId) {
        assertThat(webhook.postSigned(interactive(waId, "button_reply", "consent-accept", "Akzeptieren"))
                        .statusCode())
                .isEqualTo(200);
        awaitMenu(waId);
    }

    private void awaitMenu(String waId) {
        await().atMost(PATIENCE)
                .until(() -> db.outbound(waId).stream()
                        .anyMatch(m -> String.valueOf(m.get("payload")).contains("\"list\"")));
    }

    private long decisions(String waId, String decision) {
        return db.count(
                "select count(*) from consent_record r join contact k on k.id = r.contact_id"
                        + " where k.wa_id_hash = ? and r.decision = ?",
                db.hash(waId),
                decision);
    }

    private long outboundNotices(String waId) {
        return db.outbound(waId).stream()
                .filter(m -> String.valueOf(m.get("payload")).contains("\"consent-accept\""))
                .count();
    }

    private long outboundTexts(String waId, String text) {
        return db.outbound(waId).stream()
                .filter(m -> text.equals(m.get("text_body")))
                .count();
    }

    /** Hand-offs of the conversation on its pool's queue, browsed (left for the agent desktop). */
    private long handOffs(long conversation) {
        String pool = jdbc.queryForObject("select pool from conversation where id = ?", String.class, conversation);
        assertThat(pool).as("pool of conversation %d", conversation).isNotNull();
        return new JmsTemplate(connectionFactory)
                .browseSelected(
                        "carehub.pool." + pool, "carehubConversationId = " + conversation, (session, browser) -> {
                            long count = 0;
                            for (var e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) {
                                count++;
                            }
                            return count;
                        });
    }

    /** A Graph API send the stand-in accepted: the wamid it answered with, and what it was. */
    private record Send(String wamid, boolean notice, boolean menu) {}

    /** The Graph API sends to the customer that the stand-in answered 200, in the order they arrived. */
    private List<Send> sends(String waId) {
        List<ServeEvent> events = new ArrayList<>(GRAPH_API.getAllServeEvents());
        Collections.reverse(events); // the journal is newest first
        List<Send> sends = new ArrayList<>();
        for (ServeEvent event : events) {
            if (!event.getRequest().getUrl().endsWith("/messages")
                    || event.getResponse().getStatus() != 200) {
                continue;
            }
            try {
                JsonNode request = mapper.readTree(event.getRequest().getBodyAsString());
                if (waId.equals(request.path("to").asText())) {
                    sends.add(new Send(
                            mapper.readTree(event.getResponse().getBodyAsString())
                                    .at("/messages/0/id")
                                    .asText(),
                            event.getRequest().getBodyAsString().contains("\"consent-accept\""),
                            "list".equals(request.at("/interactive/type").asText())));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return sends;
    }

    /**
     * R5/R7/R13: every outbound message of the customer was sent, exactly once, and the Graph API received them in
     * the order they were queued (outbound message ids).
     */
    private void assertEverySendOnceInOrder(String waId) {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("""
                                select count(*) from message m join conversation c on c.id = m.conversation_id
                                 join contact k on k.id = c.contact_id
                                 where k.wa_id_hash = ? and m.direction = 'OUTBOUND' and m.wamid is null""", Long.class, db.hash(waId)) == 0);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select m.id, m.wamid from message m join conversation c on c.id = m.conversation_id
                 join contact k on k.id = c.contact_id where k.wa_id_hash = ? and m.direction = 'OUTBOUND' order by m.id""", db.hash(waId));
        List<String> queued = rows.stream().map(r -> (String) r.get("wamid")).toList();
        assertThat(sends(waId))
                .extracting(Send::wamid)
                .as("Graph API sends to %s: one per outbound message, in the order they were queued", waId)
                .containsExactlyElementsOf(queued);
    }
}
