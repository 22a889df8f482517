package io.carehub.routing;

import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.routing.Customers.newCustomer;
import static io.carehub.routing.RoutingRulesFile.builtInRules;
import static io.carehub.routing.RoutingRulesFile.writeRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Legitimations;
import io.carehub.MutableClock;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R14/R20/R21/R22 end to end: webhook → consent gate → routing → pool queue → agent API. */
@ConversationTest
class ConversationLifecycleTest {

    /** This hub's clock ({@link TestClock}). */
    @Autowired
    MutableClock clock;

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Legitimations legitimations;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void firstContactGetsTheNoticeAndAcceptanceLeadsThroughTheMenuToThePoolAndAnAgent() throws Exception {
        String customer = newCustomer();

        customers.text(customer, "Hallo");
        db.awaitOutbound(customer, 1);
        Map<String, Object> notice = db.outbound(customer).get(0);
        assertThat(notice).containsEntry("type", "interactive").containsEntry("actor", "system");
        JsonNode noticeBody = mapper.readTree((String) notice.get("payload"));
        assertThat(noticeBody.toString())
                .contains(
                        "consent-accept",
                        "consent-decline",
                        "Akzeptieren",
                        "Ablehnen",
                        "https://www.example.com/datenschutz/whatsapp");

        customers.reply(customer, "button_reply", "consent-accept", "Akzeptieren");
        assertThat(jdbc.queryForMap("""
                select r.decision, r.notice_version, r.contact_after_24h, r.chatbot_processing from consent_record r
                  join contact k on k.id = r.contact_id where k.wa_id_hash = ?""", db.hash(customer)))
                .containsEntry("decision", "ACCEPTED")
                .containsEntry("notice_version", "2026-11")
                .containsEntry("contact_after_24h", true)
                .containsEntry("chatbot_processing", true);
        db.awaitOutbound(customer, 3); // thanks + menu
        JsonNode menu = mapper.readTree((String) db.outbound(customer).get(2).get("payload"))
                .path("interactive");
        assertThat(menu.path("type").asText()).isEqualTo("list");
        assertThat(menu.toString()).contains("menu:PRIVATE:billing", "menu:BUSINESS:technical", "Privatkunden");
        long conversation = db.conversationOf(customer);
        assertThat(db.conversation(conversation)).containsEntry("routing_state", "AWAITING_MENU");

        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");

        JsonNode handOff = pools.handOff("private-billing", conversation);
        assertThat(handOff.path("segment").asText()).isEqualTo("PRIVATE");
        assertThat(handOff.path("segmentSource").asText()).isEqualTo("MENU");
        assertThat(handOff.path("topic").asText()).isEqualTo("billing");
        assertThat(handOff.path("priority").asInt()).isEqualTo(5);
        assertThat(handOff.path("historyUrl").asText()).isEqualTo("/api/conversations/" + conversation + "/messages");
        assertThat(handOff.path("customerUrl").asText()).isEqualTo("/api/conversations/" + conversation + "/customer");
        assertThat(handOff.toString())
                .doesNotContain("Hallo") // no message bodies in the hand-off
                .doesNotContain(customer); // R19: ids only, the customer is behind customerUrl
        assertThat(pools.customer(handOff).path("waId").asText()).isEqualTo(customer);

        HttpResponse<String> waiting = api("GET", "/api/pools/private-billing/conversations", null, null);
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("\"conversationId\":" + conversation);

        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", "agent-1", "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> sent = api(
                "POST",
                "/api/conversations/" + conversation + "/reply",
                "agent-1",
                "{\"type\":\"text\",\"text\":{\"body\":\"Guten Tag, ich schaue mir Ihre Rechnung an.\"}}");
        assertThat(sent.statusCode()).isEqualTo(202);
        db.awaitOutbound(customer, 4);
        assertThat(db.outbound(customer).get(3))
                .containsEntry("actor", "agent-1")
                .containsEntry("type", "text");
        // the Graph API received the documented JSON; its wamid comes back in a status webhook
        long replyId = mapper.readTree(sent.body()).get("messageId").asLong();
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select wamid from message where id = ?", String.class, replyId) != null);
        GRAPH_API.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v23.0/106540352242922/messages"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                         "text":{"body":"Guten Tag, ich schaue mir Ihre Rechnung an."}}""".formatted(customer))));
        String wamid = jdbc.queryForObject("select wamid from message where id = ?", String.class, replyId);
        assertThat(webhook.postSigned(WebhookPayload.update()
                                .status("""
                {"id":"%s","status":"delivered","timestamp":"%d","recipient_id":"%s"}""".formatted(wamid, clock.instant().getEpochSecond(), customer))
                                .json())
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "delivered"
                        .equals(jdbc.queryForObject(
                                "select delivery_state from message where id = ?", String.class, replyId)));
        assertThat(db.count(
                        "select count(*) from agent_action where conversation_id = ? and agent_id = 'agent-1'",
                        conversation))
                .isEqualTo(2);

        assertThat(api("POST", "/api/conversations/" + conversation + "/close", "agent-1", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(db.conversation(conversation))
                .containsEntry("status", "CLOSED")
                .containsEntry("routing_state", "CLOSED");
    }

    @Test
    void messagesBeforeConsentAreHeldThenReleasedInOrderAndTheirTopicRoutes() {
        String customer = newCustomer();
        customers.text(customer, "Meine Rechnung ist viel zu hoch");
        customers.text(customer, "hallo??");
        customers.text(customer, "ist da jemand");

        db.awaitOutbound(customer, 1);
        assertThat(db.outbound(customer)).hasSize(1); // R14: the notice is not repeated on every message
        assertThat(db.count("""
                select count(*) from message m join conversation c on c.id = m.conversation_id join contact k
                    on k.id = c.contact_id where k.wa_id_hash = ? and m.released_at is not null""", db.hash(customer))).isZero();

        customers.reply(customer, "button_reply", "consent-accept", "Akzeptieren");

        List<String> released = jdbc.queryForList("""
                select m.id from message m join conversation c on c.id = m.conversation_id join contact k
                    on k.id = c.contact_id where k.wa_id_hash = ? and m.direction = 'INBOUND' and m.type = 'text'
                 order by m.released_at, m.sent_at, m.id""", Long.class, db.hash(customer)).stream()
                .map(db::text)
                .toList();
        assertThat(released).containsExactly("Meine Rechnung ist viel zu hoch", "hallo??", "ist da jemand");
        long conversation = db.conversationOf(customer);
        // topic "billing" came from the held text; the segment is still unknown, so the menu asks for it
        assertThat(db.conversation(conversation))
                .containsEntry("topic", "billing")
                .containsEntry("routing_state", "AWAITING_MENU");
    }

    @Test
    void noticeIsRepeatedOnlyAfterTheConfiguredInterval() {
        String customer = newCustomer();
        customers.text(customer, "hallo");
        customers.text(customer, "hallo?");
        db.awaitOutbound(customer, 1);

        clock.advance(Duration.ofMinutes(61));
        customers.text(customer, "hallo???");

        db.awaitOutbound(customer, 2);
        assertThat(db.outbound(customer)).extracting(m -> m.get("type")).containsExactly("interactive", "interactive");
    }

    @Test
    void aLateMessageOutsideTheWindowDoesNotUseUpTheNotice() {
        String customer = newCustomer();
        customers.textSentAt(customer, "alte Nachricht", clock.instant().minus(Duration.ofHours(30)));
        assertThat(db.outbound(customer)).isEmpty(); // the window of a 30-hour-old message is closed

        customers.text(customer, "neue Nachricht");

        db.awaitOutbound(customer, 1);
        assertThat(db.outbound(customer).get(0)).containsEntry("type", "interactive");
    }

    @Test
    void declineAnswersWithAlternativeChannelsAndHandsTheContactToErasure() {
        String customer = newCustomer();
        customers.text(customer, "Hallo, mein Router blinkt rot");
        db.awaitOutbound(customer, 1);

        customers.reply(customer, "button_reply", "consent-decline", "Ablehnen");

        db.awaitOutbound(customer, 2);
        assertThat((String) db.outbound(customer).get(1).get("text_body")).contains("telefonisch");
        assertThat(jdbc.queryForMap("""
                select e.reason, e.status from erasure_request e join contact k on k.id = e.contact_id where k.wa_id_hash = ?""", db.hash(customer)))
                .containsEntry("reason", "NOTICE_DECLINED")
                .containsEntry("status", "PENDING");
        assertThat(db.conversation(db.conversationOf(customer)))
                .containsEntry("consent_state", "DECLINED")
                .containsEntry("routing_state", "NEW");
        assertThat(db.count(
                        "select count(*) from consent_record r join contact k on k.id = r.contact_id "
                                + "where k.wa_id_hash = ? and r.decision = 'DECLINED'",
                        db.hash(customer)))
                .isEqualTo(1);
    }

    @Test
    void legitimatedCustomerIsRoutedByItsStoredSegment() {
        String customer = newCustomer();
        customers.text(customer, "Hallo");
        db.awaitOutbound(customer, 1);
        // R15: signed in through the link, the identity provider and back (Legitimations), before the notice's answer
        legitimations.signIn(customer, Legitimations.businessCustomer("Frau", "Dr. Erika Muster", "K-100200"));
        customers.reply(customer, "button_reply", "consent-accept", "Akzeptieren");
        customers.text(customer, "Wir haben eine Störung am Standort");

        JsonNode handOff = pools.handOff("business", db.conversationOf(customer));
        assertThat(handOff.path("segmentSource").asText()).isEqualTo("LEGITIMATION");
        assertThat(handOff.path("topic").asText()).isEqualTo("technical");
        assertThat(handOff.path("legitimated").asBoolean()).isTrue();
        JsonNode legitimated = pools.customer(handOff);
        assertThat(legitimated.path("legitimated").asBoolean()).isTrue();
        assertThat(legitimated.path("customerNumber").asText()).isEqualTo("K-100200");
        assertThat(legitimated.path("displayName").asText()).isEqualTo("Dr. Erika Muster");
        assertThat(legitimated.path("salutation").asText()).isEqualTo("Frau");
        assertThat(handOff.path("priority").asInt()).isEqualTo(8);
    }

    @Test
    void numberOnTheBusinessListIsRoutedAsBusinessWithoutAskingTheSegment() {
        String customer = newCustomer();
        writeRules(builtInRules().replace("businessNumbers: []", "businessNumbers: [\"" + customer + "\"]"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> routingRules.current().isBusinessNumber(customer));
        try {
            long conversation = customers.consentedCustomer(customer, "Frage zu meinem Vertrag");

            JsonNode handOff = pools.handOff("business", conversation);
            assertThat(handOff.path("segmentSource").asText()).isEqualTo("BUSINESS_NUMBER_LIST");
            assertThat(handOff.path("topic").asText()).isEqualTo("contract");
        } finally {
            writeRules(builtInRules());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !routingRules.current().isBusinessNumber(customer));
        }
    }

    @Test
    void outsideBusinessHoursTheCustomerGetsTheAutoReplyAndStillWaitsInThePool() {
        clock.set(Instant.parse("2025-06-15T21:30:00Z")); // Sunday 23:30 in Berlin
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Rechnung falsch");
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");

        JsonNode handOff = pools.handOff("private-billing", conversation);
        assertThat(handOff.path("outOfHours").asBoolean()).isTrue();
        db.awaitOutbound(customer, 4);
        assertThat(db.outbound(customer))
                .extracting(m -> (String) m.get("text_body"))
                .anyMatch(text -> text != null && text.startsWith("Unser Team ist gerade nicht erreichbar"));
        assertThat(db.conversation(conversation)).containsEntry("routing_state", "WAITING");
    }

    @Test
    void waitingLongerThanTheOverflowTimeMovesTheConversationToTheOverflowPool() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Abbuchung doppelt");
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);

        clock.advance(Duration.ofMinutes(11));

        JsonNode overflow = pools.handOff("private-general", conversation);
        assertThat(overflow.path("overflowFrom").asText()).isEqualTo("private-billing");
        assertThat(db.conversation(conversation))
                .containsEntry("pool", "private-general")
                .containsEntry("overflowed", true);
    }

    @Test
    void returningCustomerIsSuggestedToTheAgentWhoServedThemLastTime() throws Exception {
        String customer = newCustomer();
        long first = customers.consentedCustomer(customer, "Rechnung");
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", first);
        assertThat(api("POST", "/api/conversations/" + first + "/claim", "agent-7", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api("POST", "/api/conversations/" + first + "/close", "agent-7", "")
                        .statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofDays(3));
        customers.text(customer, "Nochmal wegen der Rechnung");
        long second = db.conversationOf(customer);
        assertThat(second).isNotEqualTo(first);
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");

        assertThat(pools.handOff("private-billing", second)
                        .path("preferredAgentId")
                        .asText())
                .isEqualTo("agent-7");
    }

    @Test
    void exactlyOneOfTenAgentsWinsTheClaimRace() throws Exception {
        String customer = newCustomer();
        long conversation = pools.waitingInPrivateGeneral(customer, "Störung");

        ExecutorService agents = Executors.newFixedThreadPool(10);
        List<Future<Integer>> claims = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String agent = "racer-" + i;
            claims.add(agents.submit(() -> api("POST", "/api/conversations/" + conversation + "/claim", agent, "")
                    .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> claim : claims) {
            statuses.add(claim.get());
        }
        agents.shutdown();

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(db.count(
                        "select count(*) from agent_action where conversation_id = ? and action = 'CLAIM'",
                        conversation))
                .isEqualTo(1);
    }

    @Test
    void agentApiRefusesWhatTheAgentMayNotDo() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Vertrag kündigen");
        customers.reply(customer, "list_reply", "menu:PRIVATE:contract", "Vertrag");
        pools.handOff("private-general", conversation);

        assertThat(api(
                                "POST",
                                "/api/conversations/" + conversation + "/reply",
                                "agent-2",
                                "{\"type\":\"text\",\"text\":{\"body\":\"x\"}}")
                        .statusCode())
                .isEqualTo(409); // not claimed
        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", "agent-2", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api(
                                "POST",
                                "/api/conversations/" + conversation + "/reply",
                                "agent-3",
                                "{\"type\":\"text\",\"text\":{\"body\":\"x\"}}")
                        .statusCode())
                .isEqualTo(409); // someone else's
        HttpResponse<String> bad =
                api("POST", "/api/conversations/" + conversation + "/reply", "agent-2", "{\"type\":\"sms\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(api(
                                "POST",
                                "/api/conversations/" + conversation + "/transfer",
                                "agent-2",
                                "{\"toPool\":\"nowhere\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(api(
                                "POST",
                                "/api/conversations/" + conversation + "/transfer",
                                "agent-2",
                                "{\"toPool\":\"business\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(pools.handOff("business", conversation).path("pool").asText())
                .isEqualTo("business");
        assertThat(api("POST", "/api/conversations/987654321/claim", "agent-2", "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", "bad agent id!", "")
                        .statusCode())
                .isEqualTo(400);
        assertThat(hub.get("/api/pools/business/conversations", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void openApiDescriptionListsTheAgentApi() {
        HttpResponse<String> description = hub.get("/v3/api-docs", null);

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body())
                .contains(
                        "/api/conversations/{id}/claim",
                        "/api/conversations/{id}/reply",
                        "/api/conversations/{id}/transfer",
                        "/api/pools/{pool}/conversations",
                        "/api/conversations/{id}/messages");
        // R47: a bearer security scheme, required by every operation
        assertThat(description.body())
                .contains(
                        "\"securitySchemes\":{\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}}")
                .contains("\"security\":[{\"bearer\":[]}]");
        assertThat(hub.get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }

    @Test
    void brokenRulesFileIsRejectedAndTheRunningRulesStay() {
        // rules of this test in force first, so no earlier edit is still pending when the broken ones arrive
        writeRules(builtInRules().replace("priority: 8", "priority: 7"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        routingRules.current().pool("business").orElseThrow().priority() == 7);
        RoutingRules running = routingRules.current();

        // a new priority together with an overflow to a pool that does not exist: rejected as a whole
        long rejected = routingRules.rejectedReloads();
        writeRules(builtInRules()
                .replace("priority: 8", "priority: 9")
                .replace("toPool: private-general", "toPool: does-not-exist"));
        await().atMost(Duration.ofSeconds(30)).until(() -> routingRules.rejectedReloads() == rejected + 1);
        assertThat(routingRules.current())
                .as("rules in force after a file with an unknown pool")
                .isSameAs(running);

        writeRules("pools: [ this is not: valid");
        await().atMost(Duration.ofSeconds(30)).until(() -> routingRules.rejectedReloads() == rejected + 2);
        assertThat(routingRules.current())
                .as("rules in force after a file that is not YAML")
                .isSameAs(running);

        writeRules(builtInRules().replace("priority: 8", "priority: 9"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        routingRules.current().pool("business").orElseThrow().priority() == 9);
        writeRules(builtInRules());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        routingRules.current().pool("business").orElseThrow().priority() == 8);
        assertThat(routingRules.rejectedReloads()).as("valid files rejected").isEqualTo(rejected + 2);
    }

    @Autowired
    RoutingRulesSource routingRules;

    private HttpResponse<String> api(String method, String path, String agent, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                .header(
                        "Authorization",
                        "Bearer " + (agent == null ? IdentityProvider.supervisor() : IdentityProvider.agent(agent)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
