package io.carehub.ops.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.GraphApiStub.stubGraphApiMessages;
import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.buffer.ParkedMessages;
import io.carehub.documentation.EmbeddedPostgresServer;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * R12/R45 for the queues Camel's listeners consume (route configuration {@code poison-parking}): a message that fails
 * for good on the lifecycle or the outbound queue (a database refusal, injected with a check constraint scoped to the
 * test's conversation) is parked in carehub.DLQ within seconds, the ops API lists it with its kind, origin and reason
 * and no content, and once the fault is fixed a re-drive processes it exactly once. Outages are not poisons: a Graph
 * API 503 is retried in place and a database outage is waited out, neither parks anything.
 */
@ConversationTest
class QueuePoisonParkingTest {

    private static final AtomicLong RUN = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String MESSAGES_URL = "/v23.0/106540352242922/messages";

    @Autowired
    Customers customers;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboundMessages outboundMessages;

    @Autowired
    ParkedMessages parkedMessages;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    jakarta.jms.ConnectionFactory connectionFactory;

    @Value("${carehub.lifecycle.queue}")
    String lifecycleQueue;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> faults = new ArrayList<>();

    @AfterEach
    void noFaultsAndTheDefaultGraphApi() {
        faults.forEach(fault -> jdbc.execute("alter table message drop constraint if exists " + fault));
        faults.clear();
        GRAPH_API.resetAll();
        stubGraphApiMessages();
    }

    @Test
    void aLifecyclePoisonIsParkedListedWithoutContentAndProcessedOnceWhenReDrivenAfterTheFix() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        Iban iban = new Iban.Builder()
                .countryCode(CountryCode.DE)
                .bankCode("37040044")
                .buildRandom();
        // R51: the lifecycle flags the IBAN on the message row; the database refuses that, for this conversation only
        String fault = fault("sensitive_data is null or conversation_id <> " + conversation);
        long start = System.nanoTime();
        String wamid = customers.text(customer, "Meine IBAN ist " + iban.toFormattedString());
        long message = (Long) db.message(wamid).get("id");

        JsonNode parked = awaitParked(fault);
        long parkedAfterMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(parked.path("kind").asText()).isEqualTo("LIFECYCLE_EVENT");
        assertThat(parked.path("originQueue").asText()).isEqualTo("carehub.lifecycle");
        assertThat(parked.path("deadLetterQueue").asText()).isEqualTo("carehub.DLQ");
        assertThat(parked.path("reason").asText()).isEqualTo("org.springframework.dao.DataIntegrityViolationException");
        assertThat(parked.path("reasonDetail").asText()).contains("SQLState 23514", "constraint " + fault);
        assertThat(parked.path("attempts").asInt()).isEqualTo(5);
        assertThat(parked.path("parkedAt").asText()).isNotBlank();
        assertThat(parkedAfterMs)
                .as("parked within seconds, not after the broker's hour")
                .isLessThan(120_000);
        assertThat(hub.get("/api/ops/parked", IdentityProvider.ops()).body())
                .doesNotContain(customer, iban.toString(), iban.toFormattedString(), wamid);
        assertThat(flagged(message)).isFalse();

        fixed(fault);
        redrive(parked.path("id").asText());
        await().atMost(Duration.ofSeconds(60)).until(() -> flagged(message));
        // processed once: one hint with one upload link (R51), and nothing left parked
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count(
                                "select count(*) from upload_link where conversation_id = ? and offered_by = 'system'",
                                conversation)
                        == 1);
        assertThat(parked(fault)).isEmpty();
    }

    @Test
    void anOutboundPoisonIsParkedBeforeAnySendAndSentOnceWhenReDrivenAfterTheFix() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        // the sender counts the attempt before it calls the Graph API; the database refuses that for this conversation
        String fault = fault("send_attempts = 0 or conversation_id <> " + conversation);
        String text = "Ihre Rechnung ist korrigiert " + RUN.incrementAndGet();
        long id = outboundMessages.send(conversation, OutboundContent.text(text), "agent-5");

        JsonNode parked = awaitParked(fault);
        assertThat(parked.path("kind").asText()).isEqualTo("OUTBOUND");
        assertThat(parked.path("originQueue").asText()).isEqualTo("carehub.outbound");
        assertThat(parked.path("deadLetterQueue").asText()).isEqualTo("carehub.DLQ");
        assertThat(parked.path("reason").asText()).isEqualTo("org.springframework.dao.DataIntegrityViolationException");
        assertThat(parked.path("attempts").asInt()).isEqualTo(5);
        assertThat(hub.get("/api/ops/parked", IdentityProvider.ops()).body()).doesNotContain(customer, text);
        GRAPH_API.verify(0, postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(containing(text)));
        assertThat(db.message(id).get("delivery_state")).isEqualTo("queued");

        fixed(fault);
        redrive(parked.path("id").asText());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "accepted".equals(db.message(id).get("delivery_state")));
        GRAPH_API.verify(1, postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(containing(text)));
        assertThat(parked(fault)).isEmpty();
    }

    @Test
    void aGraphApi503IsRetriedInPlaceAndNotParked() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        List<String> parkedBefore = brokerParkedIds();
        GRAPH_API.stubFor(WireMock.post(urlEqualTo(MESSAGES_URL))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        String text = "Bitte warten " + RUN.incrementAndGet();
        long id = outboundMessages.send(conversation, OutboundContent.text(text), "agent-5");
        // longer than a poison's whole budget: 5 attempts 1 + 2 + 4 + 8 s apart, each after a broker redelivery (1 s)
        // and a Graph API call that answers 503 (its client retries once, 1 s later): about 30 s
        await().during(Duration.ofSeconds(45))
                .atMost(Duration.ofSeconds(60))
                .until(() -> parkedBefore.containsAll(brokerParkedIds()));
        // retried all along (the conversation's sends, in order: the consent's answer may be ahead of this one)
        assertThat(GRAPH_API.findAll(postRequestedFor(urlEqualTo(MESSAGES_URL))
                        .withRequestBody(containing("\"to\":\"" + customer + "\""))))
                .hasSizeGreaterThan(5);

        GRAPH_API.resetAll(); // Meta is back
        stubGraphApiMessages();
        // R8: sent once Meta is back, or, when its retries ran out during the 503s, recorded as failed (the
        // conversation's other sends may have used up time first); never parked
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !"queued".equals(db.message(id).get("delivery_state")));
        Map<String, Object> row = db.message(id);
        if ("failed".equals(row.get("delivery_state"))) {
            assertThat((String) row.get("last_error")).startsWith("gave up after retries");
        } else {
            assertThat(row.get("delivery_state")).isEqualTo("accepted");
            GRAPH_API.verify(1, postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(containing(text)));
        }
        assertThat(parkedBefore).containsAll(brokerParkedIds());
    }

    @Test
    void aDatabaseOutageOnTheLifecycleQueueIsWaitedOutAndParksNothing() throws Exception {
        String customer = newCustomer();
        String wamid = customers.text(customer, "Hallo");
        db.awaitOutbound(customer, 1);
        long message = (Long) db.message(wamid).get("id");
        long conversation = db.conversationOf(customer);
        List<String> parkedBefore = brokerParkedIds();
        postgres.stop();
        try {
            // the documentation's hand-on as it arrives after a redelivery; the lifecycle needs the database for it
            JmsTemplate jms = new JmsTemplate(connectionFactory);
            jms.send(lifecycleQueue, session -> {
                jakarta.jms.TextMessage hand = session.createTextMessage(
                        "{\"messageId\":%d,\"conversationId\":%d,\"fresh\":false}".formatted(message, conversation));
                hand.setStringProperty("JMSXGroupID", "conversation-" + conversation);
                return hand;
            });
            await().during(Duration.ofSeconds(25))
                    .atMost(Duration.ofSeconds(35))
                    .until(() -> parkedBefore.containsAll(brokerParkedIds()));
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> lifecycleQueueEmpty(conversation));
        assertThat(parkedBefore).containsAll(brokerParkedIds());
    }

    /** A check constraint on message for new row versions only (not valid: existing rows are not checked). */
    private String fault(String check) {
        String name = "queue_poison_fault_" + RUN.incrementAndGet();
        jdbc.execute("alter table message add constraint " + name + " check (" + check + ") not valid");
        faults.add(name);
        return name;
    }

    private void fixed(String fault) {
        jdbc.execute("alter table message drop constraint if exists " + fault);
        faults.remove(fault);
    }

    private boolean flagged(long message) {
        return db.count("select count(*) from message where id = ? and sensitive_data is not null", message) == 1;
    }

    private void redrive(String id) throws Exception {
        HttpResponse<String> redriven = hub.post("/api/ops/parked/" + id + "/redrive", IdentityProvider.ops(), null);
        assertThat(redriven.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(redriven.body()).path("count").asInt()).isEqualTo(1);
    }

    private JsonNode awaitParked(String fault) throws Exception {
        await().atMost(Duration.ofSeconds(120)).until(() -> parked(fault).size() == 1);
        return parked(fault).getFirst();
    }

    private List<JsonNode> parked(String fault) throws Exception {
        HttpResponse<String> answer = hub.get("/api/ops/parked", IdentityProvider.ops());
        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        mapper.readTree(answer.body()).forEach(list::add);
        return list.stream()
                .filter(p -> p.path("reasonDetail").asText().contains(fault))
                .toList();
    }

    private List<String> brokerParkedIds() throws Exception {
        return parkedMessages.list(ParkedMessages.Filter.ALL, ParkedMessages.MAX).stream()
                .map(ParkedMessages.Parked::id)
                .toList();
    }

    private boolean lifecycleQueueEmpty(long conversation) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        return Boolean.TRUE.equals(jms.browseSelected(
                lifecycleQueue,
                "JMSXGroupID = 'conversation-" + conversation + "'",
                (session, browser) -> !browser.getEnumeration().hasMoreElements()));
    }
}
