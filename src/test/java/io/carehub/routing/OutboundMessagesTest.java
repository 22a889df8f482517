package io.carehub.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.GraphApiStub.stubGraphApiMessages;
import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.documentation.Messages;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import io.carehub.whatsapp.WindowClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R7/R8/R9: outbound messages through the queue, the rate limit and the Graph API (WireMock). */
@ConversationTest
class OutboundMessagesTest {

    /** This hub's clock ({@link TestClock}). */
    @Autowired
    MutableClock clock;

    private static final String MESSAGES_URL = "/v23.0/106540352242922/messages";

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Messages messages;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboundMessages outboundMessages;

    @AfterEach
    void defaultGraphApi() {
        GRAPH_API.resetAll();
        stubGraphApiMessages();
    }

    private Map<String, Object> row(long id) {
        return db.message(id);
    }

    private void awaitState(long id, String state) {
        await().atMost(Duration.ofSeconds(60)).until(() -> state.equals(row(id).get("delivery_state")));
    }

    @Test
    void textIsPostedWithTheDocumentedJsonAndItsStatusWebhookMovesItToDelivered() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");

        long id =
                outboundMessages.send(conversation, OutboundContent.text("Ihre Rechnung ist korrigiert ✅"), "agent-5");

        awaitState(id, "accepted");
        GRAPH_API.verify(postRequestedFor(urlEqualTo(MESSAGES_URL))
                .withHeader("Authorization", equalTo("Bearer test-access-token"))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                         "text":{"preview_url":false,"body":"Ihre Rechnung ist korrigiert ✅"}}""".formatted(customer))));
        String wamid = (String) row(id).get("wamid");
        assertThat(wamid).startsWith("wamid.HBgL");

        String status = WebhookPayload.update()
                .status("""
                {"id":"%s","status":"delivered","timestamp":"%d","recipient_id":"%s",
                 "conversation":{"id":"c1","origin":{"type":"service"}},
                 "pricing":{"billable":true,"pricing_model":"PMP","category":"service","type":"regular"}}""".formatted(wamid, clock.instant().getEpochSecond(), customer))
                .json();
        assertThat(webhook.postSigned(status).statusCode()).isEqualTo(200);
        awaitState(id, "delivered");
    }

    @Test
    void messageLeftQueuedByALostEnqueueIsSentOnceByTheRecovery() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        // as if the enqueue had joined a broker transaction that rolled back: documented, never on the queue
        long id = messages.queueOutbound(conversation, "text", "verloren", "system", """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                 "text":{"body":"verloren"}}""".formatted(customer));
        jdbc.update("update message set delivery_updated_at = now() - interval '2 minutes' where id = ?", id);

        assertThat(outboundMessages.requeueStale()).isGreaterThanOrEqualTo(1);
        outboundMessages.requeueStale(); // a second sweep before it is sent must not send it twice

        awaitState(id, "accepted");
        GRAPH_API.verify(1, postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(containing("verloren")));
    }

    @Test
    void interactiveAndTemplateMessagesKeepTheirGraphApiShape() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");

        long buttons = outboundMessages.send(
                conversation,
                OutboundContent.buttons(
                        "Passt der Termin?",
                        List.of(new OutboundContent.Button("yes", "Ja"), new OutboundContent.Button("no", "Nein"))),
                "agent-5");
        long template =
                outboundMessages.send(conversation, OutboundContent.template("invoice_ready", "de", null), "agent-5");

        awaitState(buttons, "accepted");
        awaitState(template, "accepted");
        GRAPH_API.verify(
                postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"interactive",
                 "interactive":{"type":"button","body":{"text":"Passt der Termin?"},"action":{"buttons":[
                   {"type":"reply","reply":{"id":"yes","title":"Ja"}},{"type":"reply","reply":{"id":"no","title":"Nein"}}]}}}""".formatted(customer))));
        GRAPH_API.verify(
                postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                 "template":{"name":"invoice_ready","language":{"code":"de"}}}""".formatted(customer))));
    }

    @Test
    void outsideTheWindowOnlyTemplatesAndOnlyWithConsentToContactAfter24Hours() {
        String consented = newCustomer();
        long withConsent = customers.consentedCustomer(consented, "Hallo");
        String stranger = newCustomer();
        customers.text(stranger, "Hallo"); // never accepted the notice
        long withoutConsent = db.conversationOf(stranger);

        clock.advance(Duration.ofHours(25));

        assertThatThrownBy(() -> outboundMessages.send(withConsent, OutboundContent.text("Noch da?"), "agent-1"))
                .isInstanceOfSatisfying(
                        WindowClosedException.class,
                        e -> assertThat(e.getReason())
                                .isEqualTo(WindowClosedException.Reason.WINDOW_CLOSED_NOT_TEMPLATE));
        assertThatThrownBy(() -> outboundMessages.send(
                        withoutConsent, OutboundContent.template("reminder", "de", null), "agent-1"))
                .isInstanceOfSatisfying(
                        WindowClosedException.class,
                        e -> assertThat(e.getReason())
                                .isEqualTo(WindowClosedException.Reason.NO_CONSENT_FOR_CONTACT_AFTER_24H));
        long template = outboundMessages.send(withConsent, OutboundContent.template("reminder", "de", null), "agent-1");
        awaitState(template, "accepted");
    }

    @Test
    void agentReplyOutsideTheWindowGets409WithTheReason() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Rechnung");
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);
        assertThat(agentPost("/api/conversations/" + conversation + "/claim", "agent-9", "")
                        .statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofHours(30));

        var refused = agentPost(
                "/api/conversations/" + conversation + "/reply",
                "agent-9",
                "{\"type\":\"text\",\"text\":{\"body\":\"Hallo?\"}}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("WINDOW_CLOSED_NOT_TEMPLATE", "only template messages");
        assertThat(agentPost(
                                "/api/conversations/" + conversation + "/template",
                                "agent-9",
                                "{\"name\":\"reminder\",\"language\":{\"code\":\"de\"}}")
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void metasWindowClosedErrorIsRecordedWithoutRetry() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        GRAPH_API.stubFor(WireMock.post(urlEqualTo(MESSAGES_URL))
                .withRequestBody(containing("zu spät"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
                         "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
                         "fbtrace_id":"AbCdEf"}}""")));

        long id = outboundMessages.send(conversation, OutboundContent.text("zu spät"), "agent-1");

        awaitState(id, "failed");
        assertThat(row(id)).containsEntry("error_code", 131047).containsEntry("send_attempts", 1);
        assertThat((String) row(id).get("last_error")).contains("Re-engagement message");
    }

    @Test
    void metasWindowClosedErrorClosesTheWindowSoTheNextFreeFormReplyIsRefusedByTheHub() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        GRAPH_API.stubFor(WireMock.post(urlEqualTo(MESSAGES_URL))
                .withRequestBody(containing("Fenster zu"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(RE_ENGAGEMENT_ERROR)));

        long id = outboundMessages.send(conversation, OutboundContent.text("Fenster zu"), "agent-1");
        awaitState(id, "failed");

        // R9: Meta said the window is closed, so the hub refuses the next free-form reply itself
        assertThat(jdbc.queryForObject(
                        "select window_expires_at <= ? from conversation where id = ?",
                        Boolean.class,
                        java.sql.Timestamp.from(clock.instant()),
                        conversation))
                .isTrue();
        assertThatThrownBy(() -> outboundMessages.send(conversation, OutboundContent.text("Noch da?"), "agent-1"))
                .isInstanceOfSatisfying(
                        WindowClosedException.class,
                        e -> assertThat(e.getReason())
                                .isEqualTo(WindowClosedException.Reason.WINDOW_CLOSED_NOT_TEMPLATE));
        GRAPH_API.verify(0, postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(containing("Noch da?")));
        // the customer's next message opens it again
        customers.text(customer, "Ja, hier");
        long again = outboundMessages.send(conversation, OutboundContent.text("Schön, dann weiter"), "agent-1");
        awaitState(again, "accepted");
    }

    /** Meta's documented answer to a free-form message outside the 24-hour window. */
    static final String RE_ENGAGEMENT_ERROR = """
            {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
             "error_data":{"messaging_product":"whatsapp","details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."},
             "fbtrace_id":"AbCdEf"}}""";

    @Test
    void otherClientErrorsAreNotRetriedAndKeepMetasCodeAndMessage() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        GRAPH_API.stubFor(WireMock.post(urlEqualTo(MESSAGES_URL))
                .withRequestBody(containing("kaputt"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,
                         "error_data":{"messaging_product":"whatsapp","details":"Parameter value is not valid"},
                         "fbtrace_id":"XyZ"}}""")));

        long id = outboundMessages.send(conversation, OutboundContent.text("kaputt"), "agent-1");

        awaitState(id, "failed");
        assertThat(row(id)).containsEntry("error_code", 100).containsEntry("send_attempts", 1);
        GRAPH_API.verify(1, postRequestedFor(urlEqualTo(MESSAGES_URL)).withRequestBody(containing("kaputt")));
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("graphApiRedelivery")
    org.apache.camel.processor.errorhandler.RedeliveryPolicy graphApiRedelivery;

    @Test
    void retryableAnswersBackOffAsConfigured() {
        // R8: first-backoff 100ms doubling up to max-backoff 800ms, 20 retries (@HubTest); route graph-api-errors
        assertThat(graphApiRedelivery.getRedeliveryDelay()).isEqualTo(100);
        assertThat(graphApiRedelivery.getMaximumRedeliveryDelay()).isEqualTo(800);
        assertThat(graphApiRedelivery.getMaximumRedeliveries()).isEqualTo(20);
        assertThat(graphApiRedelivery.isUseExponentialBackOff()).isTrue();
    }

    @Test
    void throttlingStormIsRetriedUntilRecoveryWithoutLossOrDuplicateSends() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        GRAPH_API.stubFor(WireMock.post(urlEqualTo(MESSAGES_URL))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,
                         "error_data":{"messaging_product":"whatsapp","details":"Cloud API message throughput has been reached."},
                         "fbtrace_id":"Storm"}}""")));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(outboundMessages.send(conversation, OutboundContent.text("Sturm " + i), "agent-1"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> GRAPH_API.getAllServeEvents().size() >= 3);

        GRAPH_API.resetAll(); // the storm is over
        stubGraphApiMessages();

        for (long id : ids) {
            awaitState(id, "accepted");
        }
        for (int i = 0; i < 20; i++) {
            String text = "Sturm " + i;
            long successes = GRAPH_API.getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getBodyAsString().contains("\"" + text + "\""))
                    .filter(e -> e.getResponse().getStatus() == 200)
                    .count();
            assertThat(successes).as("successful sends of '%s'", text).isEqualTo(1);
        }
        // per-conversation order kept through the storm
        List<Long> acceptedOrder = jdbc.queryForList(
                "select id from message where id in ("
                        + String.join(",", ids.stream().map(String::valueOf).toList()) + ") order by sent_at, id",
                Long.class);
        assertThat(acceptedOrder).isEqualTo(ids);
    }

    @Test
    void rateLimitHoldsAt80PerSecondWithAThousandQueuedMessages() {
        List<Long> conversations = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            String customer = newCustomer();
            conversations.add(customers.consentedCustomer(customer, "Hallo"));
        }
        GRAPH_API.resetRequests();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(outboundMessages.send(conversations.get(i % 10), OutboundContent.text("Last " + i), "system"));
        }

        String idList = String.join(",", ids.stream().map(String::valueOf).toList());
        await().atMost(Duration.ofSeconds(90))
                .until(() -> db.count("select count(*) from message where delivery_state = 'accepted' and id in ("
                                + idList + ")")
                        == 1000);

        List<Long> arrivals = GRAPH_API.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(MESSAGES_URL))
                .map(ServeEvent::getRequest)
                .map(r -> r.getLoggedDate().getTime())
                .sorted()
                .toList();
        assertThat(arrivals).hasSizeGreaterThanOrEqualTo(1000);
        int worst = 0;
        for (int i = 0, j = 0; i < arrivals.size(); i++) {
            while (j < arrivals.size() && arrivals.get(j) < arrivals.get(i) + 1000) {
                j++;
            }
            worst = Math.max(worst, j - i);
        }
        assertThat(worst).as("most requests in any 1-second window").isLessThanOrEqualTo(80);
    }

    private java.net.http.HttpResponse<String> agentPost(String path, String agent, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + hub.port() + path))
                                .header("Authorization", "Bearer " + IdentityProvider.agent(agent))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
