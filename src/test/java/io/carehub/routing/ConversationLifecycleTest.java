package io.carehub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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

/** R14/R20/R21/R22 end to end: webhook → consent gate → routing → pool queue → agent API. */
class ConversationLifecycleTest extends LifecycleTestSupport {

    @Test
    void firstContactGetsTheNoticeAndAcceptanceLeadsThroughTheMenuToThePoolAndAnAgent() throws Exception {
        String customer = newCustomer();

        text(customer, "Hallo");
        awaitOutbound(customer, 1);
        Map<String, Object> notice = outbound(customer).get(0);
        assertThat(notice).containsEntry("type", "interactive").containsEntry("actor", "system");
        JsonNode noticeBody = mapper.readTree((String) notice.get("payload"));
        assertThat(noticeBody.toString()).contains("consent-accept", "consent-decline", "Akzeptieren", "Ablehnen",
                "https://www.example.com/datenschutz/whatsapp");

        reply(customer, "button_reply", "consent-accept", "Akzeptieren");
        assertThat(jdbc.queryForMap("""
                select r.decision, r.notice_version, r.contact_after_24h, r.chatbot_processing from consent_record r
                  join contact k on k.id = r.contact_id where k.wa_id = ?""", customer))
                .containsEntry("decision", "ACCEPTED").containsEntry("notice_version", "2026-11")
                .containsEntry("contact_after_24h", true).containsEntry("chatbot_processing", true);
        awaitOutbound(customer, 3); // thanks + menu
        JsonNode menu = mapper.readTree((String) outbound(customer).get(2).get("payload")).path("interactive");
        assertThat(menu.path("type").asText()).isEqualTo("list");
        assertThat(menu.toString()).contains("menu:PRIVATE:billing", "menu:BUSINESS:technical", "Privatkunden");
        long conversation = conversationOf(customer);
        assertThat(conversation(conversation)).containsEntry("routing_state", "AWAITING_MENU");

        reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");

        JsonNode handOff = handOff("private-billing", conversation);
        assertThat(handOff.path("segment").asText()).isEqualTo("PRIVATE");
        assertThat(handOff.path("segmentSource").asText()).isEqualTo("MENU");
        assertThat(handOff.path("topic").asText()).isEqualTo("billing");
        assertThat(handOff.path("priority").asInt()).isEqualTo(5);
        assertThat(handOff.path("historyUrl").asText()).isEqualTo("/api/conversations/" + conversation + "/messages");
        assertThat(handOff.path("customer").path("waId").asText()).isEqualTo(customer);
        assertThat(handOff.toString()).doesNotContain("Hallo"); // no message bodies in the hand-off

        HttpResponse<String> waiting = api("GET", "/api/pools/private-billing/conversations", null, null);
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("\"conversationId\":" + conversation);

        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", "agent-1", "").statusCode()).isEqualTo(200);
        HttpResponse<String> sent = api("POST", "/api/conversations/" + conversation + "/reply", "agent-1",
                "{\"type\":\"text\",\"text\":{\"body\":\"Guten Tag, ich schaue mir Ihre Rechnung an.\"}}");
        assertThat(sent.statusCode()).isEqualTo(202);
        awaitOutbound(customer, 4);
        assertThat(outbound(customer).get(3)).containsEntry("actor", "agent-1").containsEntry("type", "text");
        // the Graph API received the documented JSON; its wamid comes back in a status webhook
        long replyId = mapper.readTree(sent.body()).get("messageId").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select wamid from message where id = ?", String.class, replyId) != null);
        GRAPH_API.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v23.0/106540352242922/messages"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                         "text":{"body":"Guten Tag, ich schaue mir Ihre Rechnung an."}}"""
                        .formatted(customer))));
        String wamid = jdbc.queryForObject("select wamid from message where id = ?", String.class, replyId);
        assertThat(postSigned("""
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                 "statuses":[{"id":"%s","status":"delivered","timestamp":"%d","recipient_id":"%s"}]}}]}]}"""
                .formatted(wamid, CLOCK.instant().getEpochSecond(), customer)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "delivered".equals(jdbc.queryForObject(
                "select delivery_state from message where id = ?", String.class, replyId)));
        assertThat(count("select count(*) from agent_action where conversation_id = ? and agent_id = 'agent-1'",
                conversation)).isEqualTo(2);

        assertThat(api("POST", "/api/conversations/" + conversation + "/close", "agent-1", "").statusCode()).isEqualTo(200);
        assertThat(conversation(conversation)).containsEntry("status", "CLOSED").containsEntry("routing_state", "CLOSED");
    }

    @Test
    void messagesBeforeConsentAreHeldThenReleasedInOrderAndTheirTopicRoutes() {
        String customer = newCustomer();
        text(customer, "Meine Rechnung ist viel zu hoch");
        text(customer, "hallo??");
        text(customer, "ist da jemand");

        awaitOutbound(customer, 1);
        assertThat(outbound(customer)).hasSize(1); // R14: the notice is not repeated on every message
        assertThat(count("""
                select count(*) from message m join conversation c on c.id = m.conversation_id join contact k
                    on k.id = c.contact_id where k.wa_id = ? and m.released_at is not null""", customer)).isZero();

        reply(customer, "button_reply", "consent-accept", "Akzeptieren");

        List<String> released = jdbc.queryForList("""
                select m.text_body from message m join conversation c on c.id = m.conversation_id join contact k
                    on k.id = c.contact_id where k.wa_id = ? and m.direction = 'INBOUND' and m.type = 'text'
                 order by m.released_at, m.sent_at, m.id""", String.class, customer);
        assertThat(released).containsExactly("Meine Rechnung ist viel zu hoch", "hallo??", "ist da jemand");
        long conversation = conversationOf(customer);
        // topic "billing" came from the held text; the segment is still unknown, so the menu asks for it
        assertThat(conversation(conversation)).containsEntry("topic", "billing").containsEntry("routing_state", "AWAITING_MENU");
    }

    @Test
    void noticeIsRepeatedOnlyAfterTheConfiguredInterval() {
        String customer = newCustomer();
        text(customer, "hallo");
        text(customer, "hallo?");
        awaitOutbound(customer, 1);

        CLOCK.advance(Duration.ofMinutes(61));
        text(customer, "hallo???");

        awaitOutbound(customer, 2);
        assertThat(outbound(customer)).extracting(m -> m.get("type")).containsExactly("interactive", "interactive");
    }

    @Test
    void aLateMessageOutsideTheWindowDoesNotUseUpTheNotice() {
        String customer = newCustomer();
        textSentAt(customer, "alte Nachricht", CLOCK.instant().minus(Duration.ofHours(30)));
        assertThat(outbound(customer)).isEmpty(); // the window of a 30-hour-old message is closed

        text(customer, "neue Nachricht");

        awaitOutbound(customer, 1);
        assertThat(outbound(customer).get(0)).containsEntry("type", "interactive");
    }

    @Test
    void declineAnswersWithAlternativeChannelsAndHandsTheContactToErasure() {
        String customer = newCustomer();
        text(customer, "Hallo, mein Router blinkt rot");
        awaitOutbound(customer, 1);

        reply(customer, "button_reply", "consent-decline", "Ablehnen");

        awaitOutbound(customer, 2);
        assertThat((String) outbound(customer).get(1).get("text_body")).contains("telefonisch");
        assertThat(jdbc.queryForMap("""
                select e.reason, e.status from erasure_request e join contact k on k.id = e.contact_id where k.wa_id = ?""",
                customer)).containsEntry("reason", "NOTICE_DECLINED").containsEntry("status", "PENDING");
        assertThat(conversation(conversationOf(customer))).containsEntry("consent_state", "DECLINED")
                .containsEntry("routing_state", "NEW");
        assertThat(count("select count(*) from consent_record r join contact k on k.id = r.contact_id "
                + "where k.wa_id = ? and r.decision = 'DECLINED'", customer)).isEqualTo(1);
    }

    @Test
    void legitimatedCustomerIsRoutedByItsStoredSegment() {
        String customer = newCustomer();
        text(customer, "Hallo");
        jdbc.update("""
                insert into customer_identity (contact_id, segment, salutation, name, customer_number)
                select id, 'BUSINESS', 'Frau', 'Dr. Erika Muster', 'K-100200' from contact where wa_id = ?""", customer);
        awaitOutbound(customer, 1);
        reply(customer, "button_reply", "consent-accept", "Akzeptieren");
        text(customer, "Wir haben eine Störung am Standort");

        JsonNode handOff = handOff("business", conversationOf(customer));
        assertThat(handOff.path("segmentSource").asText()).isEqualTo("LEGITIMATION");
        assertThat(handOff.path("topic").asText()).isEqualTo("technical");
        assertThat(handOff.path("customer").path("legitimated").asBoolean()).isTrue();
        assertThat(handOff.path("customer").path("customerNumber").asText()).isEqualTo("K-100200");
        assertThat(handOff.path("priority").asInt()).isEqualTo(8);
    }

    @Test
    void numberOnTheBusinessListIsRoutedAsBusinessWithoutAskingTheSegment() {
        String customer = newCustomer();
        writeRules(builtInRules().replace("businessNumbers: []", "businessNumbers: [\"" + customer + "\"]"));
        await().atMost(Duration.ofSeconds(30)).until(() -> routingRules.current().isBusinessNumber(customer));
        try {
            long conversation = consentedCustomer(customer, "Frage zu meinem Vertrag");

            JsonNode handOff = handOff("business", conversation);
            assertThat(handOff.path("segmentSource").asText()).isEqualTo("BUSINESS_NUMBER_LIST");
            assertThat(handOff.path("topic").asText()).isEqualTo("contract");
        } finally {
            writeRules(builtInRules());
        }
    }

    @Test
    void outsideBusinessHoursTheCustomerGetsTheAutoReplyAndStillWaitsInThePool() {
        CLOCK.set(Instant.parse("2025-06-08T21:30:00Z")); // Sunday 23:30 in Berlin
        String customer = newCustomer();
        long conversation = consentedCustomer(customer, "Rechnung falsch");
        reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");

        JsonNode handOff = handOff("private-billing", conversation);
        assertThat(handOff.path("outOfHours").asBoolean()).isTrue();
        awaitOutbound(customer, 4);
        assertThat(outbound(customer)).extracting(m -> (String) m.get("text_body"))
                .anyMatch(text -> text != null && text.startsWith("Unser Team ist gerade nicht erreichbar"));
        assertThat(conversation(conversation)).containsEntry("routing_state", "WAITING");
    }

    @Test
    void waitingLongerThanTheOverflowTimeMovesTheConversationToTheOverflowPool() {
        String customer = newCustomer();
        long conversation = consentedCustomer(customer, "Abbuchung doppelt");
        reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        handOff("private-billing", conversation);

        CLOCK.advance(Duration.ofMinutes(11));

        JsonNode overflow = handOff("private-general", conversation);
        assertThat(overflow.path("overflowFrom").asText()).isEqualTo("private-billing");
        assertThat(conversation(conversation)).containsEntry("pool", "private-general").containsEntry("overflowed", true);
    }

    @Test
    void returningCustomerIsSuggestedToTheAgentWhoServedThemLastTime() throws Exception {
        String customer = newCustomer();
        long first = consentedCustomer(customer, "Rechnung");
        reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        handOff("private-billing", first);
        assertThat(api("POST", "/api/conversations/" + first + "/claim", "agent-7", "").statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/conversations/" + first + "/close", "agent-7", "").statusCode()).isEqualTo(200);

        CLOCK.advance(Duration.ofDays(3));
        text(customer, "Nochmal wegen der Rechnung");
        long second = conversationOf(customer);
        assertThat(second).isNotEqualTo(first);
        reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");

        assertThat(handOff("private-billing", second).path("preferredAgentId").asText()).isEqualTo("agent-7");
    }

    @Test
    void exactlyOneOfTenAgentsWinsTheClaimRace() throws Exception {
        String customer = newCustomer();
        long conversation = consentedCustomer(customer, "Störung");
        reply(customer, "list_reply", "menu:PRIVATE:technical", "Technik");
        handOff("private-general", conversation);

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
        assertThat(count("select count(*) from agent_action where conversation_id = ? and action = 'CLAIM'", conversation))
                .isEqualTo(1);
    }

    @Test
    void agentApiRefusesWhatTheAgentMayNotDo() throws Exception {
        String customer = newCustomer();
        long conversation = consentedCustomer(customer, "Vertrag kündigen");
        reply(customer, "list_reply", "menu:PRIVATE:contract", "Vertrag");
        handOff("private-general", conversation);

        assertThat(api("POST", "/api/conversations/" + conversation + "/reply", "agent-2",
                "{\"type\":\"text\",\"text\":{\"body\":\"x\"}}").statusCode()).isEqualTo(409); // not claimed
        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", "agent-2", "").statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/conversations/" + conversation + "/reply", "agent-3",
                "{\"type\":\"text\",\"text\":{\"body\":\"x\"}}").statusCode()).isEqualTo(409); // someone else's
        HttpResponse<String> bad = api("POST", "/api/conversations/" + conversation + "/reply", "agent-2",
                "{\"type\":\"sms\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(api("POST", "/api/conversations/" + conversation + "/transfer", "agent-2",
                "{\"toPool\":\"nowhere\"}").statusCode()).isEqualTo(422);
        assertThat(api("POST", "/api/conversations/" + conversation + "/transfer", "agent-2",
                "{\"toPool\":\"business\"}").statusCode()).isEqualTo(200);
        assertThat(handOff("business", conversation).path("pool").asText()).isEqualTo("business");
        assertThat(api("POST", "/api/conversations/987654321/claim", "agent-2", "").statusCode()).isEqualTo(404);
        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", "bad agent id!", "").statusCode())
                .isEqualTo(400);
        assertThat(httpGet("/api/pools/business/conversations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void openApiDescriptionListsTheAgentApi() {
        HttpResponse<String> description = httpGet("/v3/api-docs", null);

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("/api/conversations/{id}/claim", "/api/conversations/{id}/reply",
                "/api/conversations/{id}/transfer", "/api/pools/{pool}/conversations", "/api/conversations/{id}/messages");
    }

    @Test
    void brokenRulesFileIsRejectedAndTheRunningRulesStay() {
        // a new priority together with an overflow to a pool that does not exist: rejected as a whole
        writeRules(builtInRules().replace("priority: 8", "priority: 9").replace("toPool: private-general",
                "toPool: does-not-exist"));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> routingRules.current().pool("business").orElseThrow().priority() == 8);
        writeRules("pools: [ this is not: valid");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> routingRules.current().pools().size() == 3);

        writeRules(builtInRules().replace("priority: 8", "priority: 9"));
        await().atMost(Duration.ofSeconds(30)).until(() -> routingRules.current().pool("business").orElseThrow()
                .priority() == 9);
        writeRules(builtInRules());
        await().atMost(Duration.ofSeconds(30)).until(() -> routingRules.current().pool("business").orElseThrow()
                .priority() == 8);
    }

    @org.springframework.beans.factory.annotation.Autowired
    RoutingRulesSource routingRules;

    private HttpResponse<String> api(String method, String path, String agent, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (agent != null) {
            request.header("X-Agent-Id", agent);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
