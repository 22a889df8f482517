package io.carehub.dialog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.routing.Customers.newCustomer;
import static io.carehub.routing.RoutingRulesFile.builtInRules;
import static io.carehub.routing.RoutingRulesFile.writeRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Legitimations;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.routing.AgentPools;
import io.carehub.routing.Customers;
import io.carehub.routing.RoutingRulesSource;
import io.carehub.whatsapp.CustomerTexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R23-R27 end to end with WireMock standing in for IBM IAM, watsonx Assistant v2, the Lex V2 runtime and
 * OpenAI, answering in their documented shapes. Private customers talk to watsonx, business customers to
 * Lex; OpenAI answers what watsonx did not understand; Lex stands in while watsonx is down.
 */
@DialogTest
class DialogPlatformsTest {

    static final WireMockServer PLATFORMS =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String WATSONX = "/instances/test-instance/v2/assistants/asst-1/sessions";
    static final String LEX = "/bots/BOT1/botAliases/ALIAS1/botLocales/de_DE/sessions/";

    /** What the test customer writes: every kind of personal data, as people write it. */
    static final String PERSONAL_TEXT = "Hallo, hier ist Erika Mustermann. Meine Kundennummer ist K-4711-0815, "
            + "IBAN DE89 3704 0044 0532 0130 00, Mail erika.mustermann@example.de, Tel 0151 23456789, "
            + "ich wohne in der Hauptstraße 12, 10115 Berlin.";
    /** The same values in other spellings, each of which must never reach a platform. */
    static final List<String> PERSONAL_VALUES = List.of(
            "erika",
            "mustermann",
            "4711",
            "0815",
            "de89",
            "370400440532013000",
            "3704 0044",
            "example.de",
            "23456789",
            "hauptstra",
            "10115");

    /** watsonx' note for the agent in {@code watsonx/message-connect-to-agent.json}. */
    static final String BOT_SUMMARY = "Kunde möchte den Tarif wechseln, Rückfrage zur Laufzeit.";

    /** What the hub says itself (carehub.texts.dialog), as configured. */
    @Autowired
    CustomerTexts texts;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    DialogRecords dialogs;

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoutingRulesSource routingRules;

    @Autowired
    Legitimations legitimations;

    private final ObjectMapper mapper = new ObjectMapper();

    static {
        PLATFORMS.start();
    }

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        String base = "http://localhost:" + PLATFORMS.port();
        registry.add("carehub.dialog.routing.private-customers", () -> "watsonx");
        registry.add("carehub.dialog.routing.business", () -> "lex");
        registry.add("carehub.dialog.routing.unknown", () -> "local");
        registry.add("carehub.dialog.routing.fallback.watsonx", () -> "lex");
        registry.add("carehub.retention.commercial-letter-intents", () -> "vertrag_kuendigen");
        registry.add("carehub.upload.offer-intents", () -> "dokument_senden");
        registry.add("carehub.legitimation.intents", () -> "kunde_anmelden");
        registry.add("carehub.dialog.watsonx.url", () -> base + "/instances/test-instance");
        registry.add("carehub.dialog.watsonx.iam-url", () -> base + "/identity/token");
        registry.add("carehub.dialog.watsonx.api-key", () -> "test-iam-api-key");
        registry.add("carehub.dialog.watsonx.assistant-id", () -> "asst-1");
        registry.add("carehub.dialog.lex.endpoint", () -> base);
        registry.add("carehub.dialog.lex.bot-id", () -> "BOT1");
        registry.add("carehub.dialog.lex.bot-alias-id", () -> "ALIAS1");
        registry.add("carehub.dialog.lex.access-key-id", () -> "AKIDEXAMPLETEST");
        registry.add("carehub.dialog.lex.secret-access-key", () -> "test-secret-access-key");
        registry.add("carehub.dialog.openai.enabled", () -> "true");
        registry.add("carehub.dialog.openai.base-url", () -> base + "/v1");
        registry.add("carehub.dialog.openai.api-key", () -> "sk-test");
        registry.add("carehub.dialog.timeout", () -> "3s");
        // two failed calls in a row open a breaker; one failure in two calls does not
        registry.add("carehub.dialog.breaker.minimum-calls", () -> "2");
        registry.add("carehub.dialog.breaker.window-size", () -> "2");
        registry.add("carehub.dialog.breaker.failure-rate-threshold", () -> "60");
        registry.add("carehub.dialog.breaker.open-for", () -> "2s");
    }

    @Autowired
    DialogPlatformHealth health;

    @Autowired
    io.carehub.upload.UploadTexts uploadTexts;

    @BeforeEach
    void platformsAnswerAsDocumented() {
        PLATFORMS.resetAll();
        PLATFORMS.stubFor(WireMock.post(urlPathEqualTo("/identity/token"))
                .willReturn(okJson(DialogFixtures.read("watsonx/iam-token.json"))));
        PLATFORMS.stubFor(WireMock.post(urlPathEqualTo(WATSONX))
                .willReturn(okJson(DialogFixtures.read("watsonx/session-created.json"))));
        PLATFORMS.stubFor(delete(urlPathMatching(WATSONX + "/[^/]+"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        // default answer: greets the customer by token, reformatted the way bots do
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(9)
                .willReturn(okJson("""
                {"output":{"generic":[{"response_type":"text","text":"Danke, <person_1>! Ihre Anfrage zu CUSTOMER_ID_1 ist notiert."}],
                 "intents":[{"intent":"anfrage","confidence":0.93}],"entities":[]},"context":{}}""")));
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.text", containing("Tarif")))
                .willReturn(okJson(DialogFixtures.read("watsonx/message-text-and-option.json"))));
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.text", containing("wechseln")))
                .willReturn(okJson(DialogFixtures.read("watsonx/message-connect-to-agent.json"))));
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.text", containing("Wetter")))
                .willReturn(okJson(DialogFixtures.read("watsonx/message-nothing-recognized.json"))));
        PLATFORMS.stubFor(
                WireMock.post(urlPathMatching(LEX + "[^/]+/text")).atPriority(9).willReturn(okJson("""
                {"messages":[{"content":"Guten Tag <PERSON_1>, Ihr Geschäftskundenkonto <CUSTOMER_ID_1> ist aktiv.","contentType":"PlainText"}],
                 "sessionState":{"dialogAction":{"type":"Close"},"intent":{"name":"KontoStatus","state":"Fulfilled","confirmationState":"None"}},
                 "interpretations":[{"nluConfidence":{"score":0.91},"intent":{"name":"KontoStatus","state":"Fulfilled"}}],
                 "sessionId":"s"}""")));
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(LEX + "[^/]+/text"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.text", containing("Agent")))
                .willReturn(okJson(DialogFixtures.read("lex/recognize-text-talk-to-agent.json"))));
        PLATFORMS.stubFor(delete(urlPathMatching(LEX + "[^/]+"))
                .willReturn(okJson(DialogFixtures.read("lex/delete-session.json"))));
        PLATFORMS.stubFor(WireMock.post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(okJson(DialogFixtures.read("openai/chat-completion.json"))));
    }

    @Test
    void watsonxSeesTokensOnlyAndTheCustomerGetsTheValuesBack() {
        String waId = privateCustomer(PERSONAL_TEXT);
        db.awaitOutbound(waId, 5);
        String answer = (String) db.outbound(waId).get(4).get("text_body");
        assertThat(answer).isEqualTo("Danke, Erika Mustermann! Ihre Anfrage zu K-4711-0815 ist notiert.");

        List<LoggedRequest> toWatsonx =
                PLATFORMS.findAll(postRequestedFor(urlPathMatching(WATSONX + "/[^/]+/message")));
        assertThat(toWatsonx).hasSize(1);
        assertThat(toWatsonx.get(0).getBodyAsString()).contains("<PERSON_1>").contains("<CUSTOMER_ID_1>");
        assertThat(toWatsonx.get(0).getHeader("Authorization")).startsWith("Bearer ");
        assertThat(toWatsonx.get(0).queryParameter("version").firstValue()).isEqualTo("2024-08-25");
        assertNoPersonalDataReachedAnyPlatform(waId);
    }

    @Test
    void watsonxOptionsBecomeButtonsAndConnectToAgentAsksForConsentThenHandsOver() {
        String waId = privateCustomer("Ich habe eine Frage zum Tarif, ich bin Erika Mustermann");
        long conversation = db.conversationOf(waId);
        db.awaitOutbound(waId, 6); // notice, link, signed in, accepted, text, options
        JsonNode options = payload(db.outbound(waId).get(5));
        assertThat(options.at("/interactive/type").asText()).isEqualTo("button");
        String firstOption =
                options.at("/interactive/action/buttons/0/reply/id").asText();
        assertThat(firstOption).startsWith("bot:");

        customers.reply(
                waId,
                "button_reply",
                firstOption,
                options.at("/interactive/action/buttons/0/reply/title").asText());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PLATFORMS.findAll(postRequestedFor(urlPathMatching(WATSONX + "/[^/]+/message"))).stream()
                        .anyMatch(request -> request.getBodyAsString().contains(firstOption.substring(4))));

        customers.text(waId, "Ich will zu einem anderen Anbieter wechseln");
        // the answer's text first, then the consent question (R27): no human without a yes
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            // one read: a message sent between two reads made the last index point past the first read's end
            List<Map<String, Object>> sent = db.outbound(waId);
            return "handoff:yes"
                    .equals(payload(sent.get(sent.size() - 1))
                            .at("/interactive/action/buttons/0/reply/id")
                            .asText());
        });
        assertThat(db.conversation(conversation).get("routing_state")).isEqualTo("BOT");
        UUID dialog = dialogs.dialogIdOf(conversation);

        customers.reply(waId, "button_reply", "handoff:yes", "Ja, bitte");
        JsonNode handOff = pools.handOff("private-general", conversation);
        JsonNode customer = pools.customer(handOff);
        assertThat(customer.get("botSummary").asText()).isEqualTo(BOT_SUMMARY);
        assertThat(customer.get("customerNumber").asText()).isEqualTo("K-4711-0815");
        // R26: session deleted at the platform, keys and log gone
        PLATFORMS.verify(1, deleteRequestedFor(urlPathMatching(WATSONX + "/[^/]+")));
        assertThat(dialogs.vaultKeys(dialog)).isZero();
        assertThat(dialogs.dialogLog(dialog)).isEmpty();
        assertNoPersonalDataReachedAnyPlatform(waId);
    }

    /**
     * R19/R27: the hand-off on the pool queue names nobody: the raw JMS body holds none of the legitimated customer's
     * name, phone number, BSUID, customer number or the bot's summary. The agent desktop reads them from the hand-off's
     * customerUrl, as an agent of that pool; another pool's agent gets 403, an unknown conversation 404.
     */
    @Test
    void poolHandOffCarriesIdsOnlyAndItsCustomerUrlServesTheCustomerToThePoolsAgents() throws Exception {
        String waId = newCustomer();
        String userId = Customers.newUsernameCustomer();
        customers.textWithBoth(waId, userId, "Ich habe eine Frage zum Tarif");
        db.awaitOutbound(waId, 1);
        dialogs.legitimate(waId, "PRIVATE", "Erika Mustermann", "K-4711-0815");
        customers.reply(waId, "button_reply", "consent-accept", "Akzeptieren");
        long conversation = db.conversationOf(waId);
        db.awaitOutbound(waId, 4); // notice, accepted, text, options
        customers.text(waId, "Ich will zu einem anderen Anbieter wechseln");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "handoff:yes"
                        .equals(payload(db.outbound(waId).get(db.outbound(waId).size() - 1))
                                .at("/interactive/action/buttons/0/reply/id")
                                .asText()));
        customers.reply(waId, "button_reply", "handoff:yes", "Ja, bitte");

        String raw = pools.rawHandOff("private-general", conversation);
        for (String planted :
                List.of("Erika", "Mustermann", waId, waId.substring(2), userId, "4711", "0815", BOT_SUMMARY, "Tarif")) {
            assertThat(raw).as("the hand-off's JMS body").doesNotContain(planted);
        }
        JsonNode handOff = mapper.readTree(raw);
        List<String> fields = new java.util.ArrayList<>();
        handOff.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "conversationId",
                        "pool",
                        "segment",
                        "segmentSource",
                        "topic",
                        "priority",
                        "legitimated",
                        "preferredAgentId",
                        "queuedAt",
                        "overflowFrom",
                        "outOfHours",
                        "historyUrl",
                        "customerUrl");
        assertThat(handOff.get("legitimated").asBoolean()).isTrue();
        String customerUrl = handOff.get("customerUrl").asText();
        assertThat(customerUrl).isEqualTo("/api/conversations/" + conversation + "/customer");

        HttpResponse<String> ofThePool =
                hub.get(customerUrl, IdentityProvider.agentOf("agent-general", "private-general"));
        assertThat(ofThePool.statusCode()).isEqualTo(200);
        JsonNode customer = mapper.readTree(ofThePool.body());
        assertThat(customer.get("conversationId").asLong()).isEqualTo(conversation);
        assertThat(customer.get("displayName").asText()).isEqualTo("Erika Mustermann");
        assertThat(customer.get("waId").asText()).isEqualTo(waId);
        assertThat(customer.get("userId").asText()).isEqualTo(userId);
        assertThat(customer.get("legitimated").asBoolean()).isTrue();
        assertThat(customer.get("customerNumber").asText()).isEqualTo("K-4711-0815");
        assertThat(customer.get("botSummary").asText()).isEqualTo(BOT_SUMMARY);
        assertThat(jdbc.queryForList(
                        "select action from access_log where conversation_id = ? and user_id = 'agent-general'",
                        String.class,
                        conversation))
                .containsExactly("CUSTOMER_READ");

        HttpResponse<String> otherPool =
                hub.get(customerUrl, IdentityProvider.agentOf("agent-billing", "private-billing"));
        assertThat(otherPool.statusCode()).isEqualTo(403);
        assertThat(otherPool.body()).doesNotContain("Erika").doesNotContain(waId);
        assertThat(hub.get(
                                "/api/conversations/" + Long.MAX_VALUE + "/customer",
                                IdentityProvider.agent("agent-general"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(hub.get(customerUrl, IdentityProvider.supervisor()).statusCode())
                .isEqualTo(200);
        assertThat(hub.get(customerUrl, IdentityProvider.integrator()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void lexIsCalledSignedWithTokensOnlyAndItsHandOffIntentAsksForConsent() {
        String waId = businessCustomer(PERSONAL_TEXT);
        long conversation = db.conversationOf(waId);
        db.awaitOutbound(waId, 5);
        assertThat(db.outbound(waId).get(4).get("text_body"))
                .isEqualTo("Guten Tag Erika Mustermann, Ihr Geschäftskundenkonto K-4711-0815 ist aktiv.");
        LoggedRequest toLex = PLATFORMS
                .findAll(postRequestedFor(urlPathMatching(LEX + "[^/]+/text")))
                .get(0);
        assertThat(toLex.getHeader("Authorization"))
                .matches(
                        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST/\\d{8}/eu-central-1/lex/aws4_request, SignedHeaders=.+, Signature=[0-9a-f]{64}");
        assertThat(toLex.getHeader("X-Amz-Date")).isNotBlank();
        assertThat(toLex.getUrl()).contains(dialogs.dialogIdOf(conversation).toString());

        customers.text(waId, "Bitte einen Agent fuer den Tarifwechsel");
        // "agent" is also a hand-off keyword: the hub asks without bothering the bot
        assertThat(payload(lastOutbound(waId))
                        .at("/interactive/action/buttons/1/reply/id")
                        .asText())
                .isEqualTo("handoff:no");
        customers.reply(waId, "button_reply", "handoff:yes", "Ja, bitte");
        JsonNode handOff = pools.handOff("business", conversation);
        assertThat(handOff.get("legitimated").asBoolean()).isTrue();
        assertThat(pools.customer(handOff).get("customerNumber").asText()).isEqualTo("K-4711-0815");
        PLATFORMS.verify(1, deleteRequestedFor(urlPathMatching(LEX + "[^/]+")));
        assertNoPersonalDataReachedAnyPlatform(waId);
    }

    @Test
    void openAiAnswersWhatWatsonxDidNotUnderstandWithNoPersonalDataAndNoToken() {
        String waId = privateCustomer(
                "Ich bin Erika Mustermann, Kundennummer K-4711-0815. Wie wird das Wetter in der Hauptstraße 12?");
        db.awaitOutbound(waId, 5);
        assertThat(db.outbound(waId).get(4).get("text_body"))
                .isEqualTo("Einen Tarifwechsel können Sie jederzeit zum Monatsende im Kundenportal beantragen.");
        LoggedRequest toOpenAi = PLATFORMS
                .findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))
                .get(0);
        String body = toOpenAi.getBodyAsString();
        assertThat(body).contains("Wetter").contains("[REDACTED]");
        // R25: removed, not tokenized: nothing that could be re-identified
        assertThat(body).doesNotContainPattern("(?i)(person|customer_?id|address|phone|email|iban)_?\\d");
        assertThat(toOpenAi.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        assertNoPersonalDataReachedAnyPlatform(waId);
    }

    @Test
    void openAiFailureKeepsTheBotsOwnAnswer() {
        PLATFORMS.stubFor(WireMock.post(urlPathEqualTo("/v1/chat/completions"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DialogFixtures.read("openai/rate-limited.json"))));
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.text", containing("Regen")))
                .willReturn(okJson("""
                        {"output":{"generic":[{"response_type":"text","text":"Das weiß ich leider nicht."}],"intents":[],"entities":[]},"context":{}}""")));
        String waId = privateCustomer("Gibt es morgen Regen?");
        db.awaitOutbound(waId, 5);
        assertThat(db.outbound(waId).get(4).get("text_body")).isEqualTo("Das weiß ich leider nicht.");
    }

    @Test
    void failingWatsonxFallsBackToLexThenItsBreakerOpensAndWithBothDownConversationsReachAgents() {
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(0)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DialogFixtures.read("watsonx/internal-error.json"))));
        // watsonx fails: the configured fallback (lex) answers, with the same pseudonym session
        String first = privateCustomer("Hallo, ich bin Erika Mustermann");
        db.awaitOutbound(first, 5);
        // <CUSTOMER_ID_1> was never written in this dialog: an unknown token is left out, never guessed
        assertThat(db.outbound(first).get(4).get("text_body"))
                .isEqualTo("Guten Tag Erika Mustermann, Ihr Geschäftskundenkonto ist aktiv.");
        assertThat(dialogs.dialogOf(db.conversationOf(first)).get("platform")).isEqualTo("lex");
        // the third customer signs in before the breaker opens: the sign-in must not use up its open time (2 s)
        String third = signedInCustomer("PRIVATE", "Guten Tag");
        String second = privateCustomer("Hallo, hier ist Erika Mustermann");
        db.awaitOutbound(second, 5);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "OPEN".equals(health.state("watsonx"))); // two failures in two calls

        // open breaker: watsonx is not even called
        int watsonxCalls = PLATFORMS
                .findAll(postRequestedFor(urlPathMatching(WATSONX + "/[^/]+/message")))
                .size();
        customers.reply(third, "button_reply", "consent-accept", "Akzeptieren");
        db.awaitOutbound(third, 5);
        assertThat(PLATFORMS.findAll(postRequestedFor(urlPathMatching(WATSONX + "/[^/]+/message"))))
                .hasSize(watsonxCalls);
        assertThat((String) db.outbound(third).get(4).get("text_body")).startsWith("Guten Tag");

        // lex down too: the customer is told and asked; yes reaches the agents
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(LEX + "[^/]+/text"))
                .atPriority(0)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DialogFixtures.read("lex/internal-server-error.json"))));
        String fourth = privateCustomer("Guten Tag, eine Frage zu meiner Rechnung");
        db.awaitOutbound(fourth, 6);
        assertThat(db.outbound(fourth).get(4).get("text_body"))
                .isEqualTo(texts.dialog().unavailable());
        customers.reply(fourth, "button_reply", "handoff:yes", "Ja, bitte");
        assertThat(pools.handOff("private-billing", db.conversationOf(fourth))
                        .get("conversationId")
                        .asLong())
                .isEqualTo(db.conversationOf(fourth));
        // nothing lost: every text is documented
        assertThat(db.count("""
                select count(*) from message m join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
                 where k.wa_id_hash in (?, ?, ?, ?) and m.direction = 'INBOUND' and m.type = 'text'""", db.hash(first), db.hash(second), db.hash(third), db.hash(fourth)))
                .isEqualTo(4);

        // both back: after its open time the watsonx breaker lets a trial call through and closes
        PLATFORMS.getStubMappings().stream()
                .filter(stub -> stub.getPriority() != null && stub.getPriority() == 0)
                .toList()
                .forEach(PLATFORMS::removeStub);
        // after its open time the breaker admits one trial call
        await().atMost(Duration.ofSeconds(10)).until(() -> "HALF_OPEN".equals(health.state("watsonx")));
        String fifth = privateCustomer("Hallo, hier ist Erika Mustermann");
        db.awaitOutbound(fifth, 5);
        assertThat((String) db.outbound(fifth).get(4).get("text_body")).startsWith("Danke, Erika Mustermann!");
        await().atMost(Duration.ofSeconds(10)).until(() -> "CLOSED".equals(health.state("watsonx")));
    }

    /** R36: a configured intent the platform recognized marks a legitimated customer's conversation contract-relevant. */
    @Test
    void configuredWatsonxIntentArchivesTheLegitimatedCustomersConversationAsACommercialLetter() {
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.text", containing("kündigen")))
                .willReturn(okJson("""
                        {"output":{"generic":[{"response_type":"text","text":"Ihre Kündigung ist vorgemerkt."}],
                         "intents":[{"intent":"vertrag_kuendigen","confidence":0.94}],"entities":[]},"context":{}}""")));
        String waId = privateCustomer("Ich möchte meinen Vertrag kündigen");
        db.awaitOutbound(waId, 5);
        long conversation = db.conversationOf(waId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.conversation(conversation).get("archive_class") != null);
        assertThat(db.conversation(conversation))
                .containsEntry("archive_class", "COMMERCIAL_LETTER")
                .containsEntry("contract_relevant_by", "bot:vertrag_kuendigen");
    }

    /** R16: a configured intent the platform recognized sends the customer a one-time secure upload link. */
    @Test
    void configuredWatsonxIntentSendsTheCustomerASecureUploadLink() {
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.text", containing("Ausweiskopie")))
                .willReturn(okJson("""
                        {"output":{"generic":[{"response_type":"text","text":"Gern, dafür schicke ich Ihnen einen Link."}],
                         "intents":[{"intent":"dokument_senden","confidence":0.91}],"entities":[]},"context":{}}""")));
        String waId = privateCustomer("Wie schicke ich Ihnen meine Ausweiskopie?");
        long conversation = db.conversationOf(waId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count(
                                "select count(*) from upload_link where conversation_id = ? and offered_by = ?",
                                conversation,
                                "bot:dokument_senden")
                        == 1);
        // the sign-in link and its confirmation (R15) come before it: find the offer by its text
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.outbound(waId).stream()
                        .anyMatch(m -> uploadTexts.offer().equals(m.get("text_body"))));
        Map<String, Object> offer = db.outbound(waId).stream()
                .filter(m -> uploadTexts.offer().equals(m.get("text_body")))
                .findFirst()
                .orElseThrow();
        assertThat(offer).containsEntry("type", "interactive").containsEntry("actor", "bot");
        assertThat((String) offer.get("payload")).containsPattern("/u/[A-Za-z0-9_-]{43}\\\"");
    }

    /** R15: a configured intent the platform recognized makes the bot send the customer a new sign-in link. */
    @Test
    void configuredWatsonxIntentSendsTheCustomerASignInLink() {
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.input.text", containing("neu anmelden")))
                .willReturn(okJson("""
                        {"output":{"generic":[{"response_type":"text","text":"Gern, hier ist Ihr Link."}],
                         "intents":[{"intent":"kunde_anmelden","confidence":0.91}],"entities":[]},"context":{}}""")));
        String waId = privateCustomer("Ich möchte mich neu anmelden");

        legitimations.awaitLink(waId, 1); // the first link was the one the customer signed in with
        assertThat(db.count(
                        "select count(*) from legitimation_link where conversation_id = ? and requested_by = ?",
                        db.conversationOf(waId),
                        "bot:kunde_anmelden"))
                .isEqualTo(1);
    }

    /**
     * R26 after a fallback: watsonx opens its session, fails the turn, Lex answers; at the hand-off, dialog end
     * deletes the session on both platforms (watsonx DELETE session, Lex DeleteSession), the log and the keys.
     */
    @Test
    void dialogThatFellBackFromWatsonxToLexDeletesTheSessionOnBothPlatformsAtItsEnd() {
        PLATFORMS.stubFor(WireMock.post(urlPathMatching(WATSONX + "/[^/]+/message"))
                .atPriority(0)
                .withRequestBody(matchingJsonPath("$.input.text", containing("Kündigungsfrist")))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DialogFixtures.read("watsonx/internal-error.json"))));
        String waId = privateCustomer("Wie lang ist meine Kündigungsfrist? Erika Mustermann");
        db.awaitOutbound(waId, 5);
        long conversation = db.conversationOf(waId);
        UUID dialog = dialogs.dialogIdOf(conversation);
        assertThat(dialogs.dialogOf(conversation).get("platform")).isEqualTo("lex");
        assertThat(PLATFORMS.findAll(postRequestedFor(urlPathEqualTo(WATSONX)))).hasSize(1);

        // the customer asks for a human and agrees: the dialog ends; both sessions are deleted, nothing of either
        // remains
        customers.text(waId, "Bitte einen Agent");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            // one read: a message sent between two reads made the last index point past the first read's end
            List<Map<String, Object>> sent = db.outbound(waId);
            return "handoff:yes"
                    .equals(payload(sent.get(sent.size() - 1))
                            .at("/interactive/action/buttons/0/reply/id")
                            .asText());
        });
        customers.reply(waId, "button_reply", "handoff:yes", "Ja, bitte");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> PLATFORMS.verify(1, deleteRequestedFor(urlPathMatching(LEX + dialog))));
        PLATFORMS.verify(1, deleteRequestedFor(urlPathEqualTo(WATSONX + "/5b0c3e5a-9a1e-4b71-8f0f-2f7b1c0d9e01")));
        assertThat(dialogs.dialogLog(dialog)).isEmpty();
        assertThat(dialogs.vaultKeys(dialog)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from dialog_platform_session where dialog_id = ?", Integer.class, dialog))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from deletion_audit where reference = ? and kind = 'platform-session'",
                        Integer.class,
                        "dialog " + dialog))
                .isEqualTo(2);
    }

    /**
     * R52 end to end: a customer who adopted a username and shows no phone number gets the notice, consents, talks to
     * the bot (BUSINESS by the business-number list, which holds the BSUID) with BSUID and username tokenized, is
     * handed to an agent with {@code customer.userId}, and the agent's reply goes out with {@code recipient}; the
     * statuses of that send come back with {@code recipient_user_id} only.
     */
    @Test
    void usernameCustomerWithoutPhoneNumberIsServedByBotAndAgentWithItsBsuidNeverReachingThePlatform()
            throws Exception {
        String bsuid = Customers.newUsernameCustomer();
        String username = Customers.usernameOf(bsuid);
        writeRules(builtInRules().replace("businessNumbers: []", "businessNumbers: [\"" + bsuid + "\"]"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> routingRules.current().isBusinessNumber(null, bsuid));
        try {
            customers.text(bsuid, "Hallo, hier schreibt " + username + " mit der Kennung " + bsuid + ".");
            db.awaitOutbound(bsuid, 1);
            JsonNode notice = payload(db.outbound(bsuid).get(0));
            assertThat(notice.path("recipient").asText()).isEqualTo(bsuid);
            assertThat(notice.has("to")).isFalse();
            customers.reply(bsuid, "button_reply", "consent-accept", "Akzeptieren");
            long conversation = db.conversationOf(bsuid);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !PLATFORMS
                            .findAll(postRequestedFor(urlPathMatching(LEX + "[^/]+/text")))
                            .isEmpty());
            String toLex = PLATFORMS
                    .findAll(postRequestedFor(urlPathMatching(LEX + "[^/]+/text")))
                    .get(0)
                    .getBodyAsString();
            assertThat(toLex).contains("<OTHER_ID_1>");
            for (LoggedRequest request : PLATFORMS.findAll(anyRequestedFor(anyUrl()))) {
                String seen = (request.getUrl() + " " + request.getBodyAsString()).toLowerCase(Locale.ROOT);
                assertThat(seen)
                        .as(request.getUrl())
                        .doesNotContain(bsuid.toLowerCase(Locale.ROOT))
                        .doesNotContain(bsuid.substring(3))
                        .doesNotContain(username);
            }

            customers.text(bsuid, "Bitte einen Agent");
            customers.reply(bsuid, "button_reply", "handoff:yes", "Ja, bitte"); // → the topic menu
            customers.reply(bsuid, "list_reply", "menu:BUSINESS:contract", "Vertrag");
            JsonNode handOff = pools.handOff("business", conversation);
            JsonNode customer = pools.customer(handOff);
            assertThat(customer.get("userId").asText()).isEqualTo(bsuid);
            assertThat(customer.get("waId").isNull()).isTrue();
            assertThat(handOff.toString()).doesNotContain(bsuid).doesNotContain(username);
            assertThat(handOff.path("segmentSource").asText()).isEqualTo("BUSINESS_NUMBER_LIST");

            assertThat(agentApi("/api/conversations/" + conversation + "/claim", "")
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> reply = agentApi(
                    "/api/conversations/" + conversation + "/reply",
                    "{\"type\":\"text\",\"text\":{\"body\":\"Guten Tag, ich übernehme.\"}}");
            assertThat(reply.statusCode()).isEqualTo(202);
            long replyId = mapper.readTree(reply.body()).get("messageId").asLong();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject("select wamid from message where id = ?", String.class, replyId)
                            != null);
            GRAPH_API.verify(postRequestedFor(urlPathMatching("/v23\\.0/[0-9]+/messages"))
                    .withRequestBody(equalToJson("""
                            {"messaging_product":"whatsapp","recipient_type":"individual","recipient":"%s",
                             "type":"text","text":{"body":"Guten Tag, ich übernehme."}}""".formatted(bsuid))));
            String wamid = jdbc.queryForObject("select wamid from message where id = ?", String.class, replyId);
            long now = System.currentTimeMillis() / 1000;
            assertThat(webhook.postSigned(WebhookPayload.update()
                                    .status("""
                                            {"id":"%s","status":"delivered","timestamp":"%d","recipient_user_id":"%s"}""".formatted(wamid, now, bsuid))
                                    .json())
                            .statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "delivered"
                            .equals(jdbc.queryForObject(
                                    "select delivery_state from message where id = ?", String.class, replyId)));
        } finally {
            writeRules(builtInRules());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !routingRules.current().isBusinessNumber(null, bsuid));
        }
    }

    private HttpResponse<String> agentApi(String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                                .header("Authorization", "Bearer " + IdentityProvider.agent("agent-52"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String privateCustomer(String firstText) {
        return legitimatedCustomer("PRIVATE", firstText);
    }

    private String businessCustomer(String firstText) {
        return legitimatedCustomer("BUSINESS", firstText);
    }

    /** A customer who wrote, is legitimated (R15), then accepts the privacy notice: the held text goes to the bot. */
    private String legitimatedCustomer(String segment, String firstText) {
        String waId = signedInCustomer(segment, firstText);
        customers.reply(waId, "button_reply", "consent-accept", "Akzeptieren");
        return waId;
    }

    /** A customer who wrote and is legitimated (R15) but has not yet accepted the privacy notice. */
    private String signedInCustomer(String segment, String firstText) {
        String waId = newCustomer();
        customers.text(waId, firstText);
        db.awaitOutbound(waId, 1);
        dialogs.legitimate(waId, segment, "Erika Mustermann", "K-4711-0815");
        return waId;
    }

    /** R24/R25: not one personal value, in any casing or spacing, in any request any platform received. */
    private void assertNoPersonalDataReachedAnyPlatform(String waId) {
        List<LoggedRequest> requests = PLATFORMS.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).isNotEmpty();
        for (LoggedRequest request : requests) {
            String seen = (request.getUrl() + " " + request.getBodyAsString()).toLowerCase(Locale.ROOT);
            String compact = seen.replaceAll("[\\s./-]", "");
            for (String value : PERSONAL_VALUES) {
                assertThat(seen).as(request.getUrl()).doesNotContain(value);
                assertThat(compact).as(request.getUrl()).doesNotContain(value.replaceAll("[\\s./-]", ""));
            }
            assertThat(compact).as(request.getUrl()).doesNotContain(waId).doesNotContain(waId.substring(2));
        }
    }

    private JsonNode payload(Map<String, Object> outbound) {
        try {
            return mapper.readTree((String) outbound.get("payload"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer's latest outbound message, from one read (a second read may already hold one more). */
    private Map<String, Object> lastOutbound(String waId) {
        List<Map<String, Object>> sent = db.outbound(waId);
        return sent.get(sent.size() - 1);
    }
}
