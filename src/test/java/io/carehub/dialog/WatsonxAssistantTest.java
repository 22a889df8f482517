package io.carehub.dialog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.carehub.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R23: watsonx Assistant v2 — IAM token caching and renewal, sessions, output mapping, errors. */
class WatsonxAssistantTest {

    private static final String ASSISTANT = "8f6a0c4e-1d2b-4c3a-9e5f-7a8b9c0d1e2f";
    private static final String VERSION = "2024-08-25";
    private static final String API_KEY = "test-iam-api-key";
    private static final String INSTANCE = "/instances/3c2b1a09-8f7e-4d6c-b5a4-93827160abcd";
    private static final String TOKEN_PATH = "/identity/token";
    private static final String SESSIONS = INSTANCE + "/v2/assistants/" + ASSISTANT + "/sessions";
    private static final String SESSION = "5b0c3e5a-9a1e-4b71-8f0f-2f7b1c0d9e01";
    private static final String NEW_SESSION = "8d6f2a10-4c3b-4f5e-9a7d-6e1b2c3d4f50";
    private static final String FIRST_TOKEN =
            "eyJraWQiOiIyMDI2MTEwMTA4MzAiLCJhbGciOiJSUzI1NiJ9.first-token.c2lnbmF0dXJl";
    private static final String RENEWED_TOKEN =
            "eyJraWQiOiIyMDI2MTEwMTA4MzAiLCJhbGciOiJSUzI1NiJ9.renewed-token.c2lnbmF0dXJl";
    private static final String DIALOG = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
    private static final String TEXT = "Ich habe eine Frage zu meinem Vertrag PERSON_1";

    private final WireMockServer watsonx = new WireMockServer(options().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private WatsonxAssistant assistant;

    @BeforeEach
    void start() {
        watsonx.start();
        assistant = assistant(Duration.ofSeconds(5));
        // first IAM call answers the first token, every later one the renewed token
        watsonx.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .inScenario("iam")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(200, "watsonx/iam-token.json"))
                .willSetStateTo("renewed"));
        watsonx.stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .inScenario("iam")
                .whenScenarioStateIs("renewed")
                .willReturn(json(200, "watsonx/iam-token-renewed.json")));
        watsonx.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(json(201, "watsonx/session-created.json")));
    }

    @AfterEach
    void stop() {
        watsonx.stop();
    }

    private WatsonxAssistant assistant(Duration timeout) {
        return new WatsonxAssistant(
                new DialogProperties.Watsonx(
                        watsonx.baseUrl() + INSTANCE, watsonx.baseUrl() + TOKEN_PATH, API_KEY, ASSISTANT, VERSION),
                timeout,
                clock);
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(DialogFixtures.read(fixture));
    }

    private static String messagePath(String session) {
        return SESSIONS + "/" + session + "/message";
    }

    private void answerMessages(String session, String fixture) {
        watsonx.stubFor(post(urlPathEqualTo(messagePath(session))).willReturn(json(200, fixture)));
    }

    private DialogReply send(String session, String text) {
        return assistant.send(new DialogTurn(DIALOG, session, text));
    }

    @Test
    void iamTokenIsFetchedOnceAndReusedForSeveralCalls() {
        answerMessages(SESSION, "watsonx/message-pause-then-text.json");

        assertThat(assistant.openSession(DIALOG)).isEqualTo(SESSION);
        send(SESSION, TEXT);
        send(SESSION, "rechnung");

        watsonx.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withHeader("Accept", equalTo("application/json"))
                        .withFormParam("grant_type", equalTo("urn:ibm:params:oauth:grant-type:apikey"))
                        .withFormParam("apikey", equalTo(API_KEY)));
        watsonx.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo(SESSIONS))
                        .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        watsonx.verify(
                exactly(2),
                postRequestedFor(urlPathEqualTo(messagePath(SESSION)))
                        .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
    }

    @Test
    void tokenIsRenewedShortlyBeforeItExpires() {
        answerMessages(SESSION, "watsonx/message-pause-then-text.json");
        send(SESSION, TEXT);

        clock.advance(Duration.ofMinutes(30));
        send(SESSION, TEXT);
        watsonx.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        clock.advance(Duration.ofMinutes(29)); // 59 of the token's 60 minutes are gone
        send(SESSION, TEXT);
        send(SESSION, TEXT);

        watsonx.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        watsonx.verify(
                exactly(2),
                postRequestedFor(urlPathEqualTo(messagePath(SESSION)))
                        .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        watsonx.verify(
                exactly(2),
                postRequestedFor(urlPathEqualTo(messagePath(SESSION)))
                        .withHeader("Authorization", equalTo("Bearer " + RENEWED_TOKEN)));
    }

    @Test
    void unauthorizedAnswerRenewsTheTokenAndRepeatsTheCallOnce() {
        watsonx.stubFor(post(urlPathEqualTo(messagePath(SESSION)))
                .inScenario("revoked")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(401, "watsonx/unauthorized.json"))
                .willSetStateTo("accepted"));
        watsonx.stubFor(post(urlPathEqualTo(messagePath(SESSION)))
                .inScenario("revoked")
                .whenScenarioStateIs("accepted")
                .willReturn(json(200, "watsonx/message-pause-then-text.json")));

        DialogReply reply = send(SESSION, TEXT);

        assertThat(reply.outputs()).containsExactly(new DialogOutput.Text("Ihre Rechnung finden Sie im Kundenportal."));
        watsonx.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        watsonx.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo(messagePath(SESSION)))
                        .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        watsonx.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo(messagePath(SESSION)))
                        .withHeader("Authorization", equalTo("Bearer " + RENEWED_TOKEN)));
    }

    @Test
    void secondUnauthorizedAnswerFailsWithStatus401() {
        watsonx.stubFor(post(urlPathEqualTo(messagePath(SESSION))).willReturn(json(401, "watsonx/unauthorized.json")));

        assertThatThrownBy(() -> send(SESSION, TEXT))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.status()).isEqualTo(401));
        watsonx.verify(exactly(2), postRequestedFor(urlPathEqualTo(messagePath(SESSION))));
    }

    @Test
    void conversationMapsTextOptionsAndHandOff() {
        String session = assistant.openSession(DIALOG);
        watsonx.stubFor(post(urlPathEqualTo(messagePath(session)))
                .withRequestBody(containing("Vertrag"))
                .willReturn(json(200, "watsonx/message-text-and-option.json")));
        watsonx.stubFor(post(urlPathEqualTo(messagePath(session)))
                .withRequestBody(containing("tarifwechsel"))
                .willReturn(json(200, "watsonx/message-connect-to-agent.json")));

        DialogReply first = send(session, TEXT);
        DialogReply second = send(session, "tarifwechsel");

        assertThat(first.outputs())
                .containsExactly(
                        new DialogOutput.Text("Gerne helfe ich Ihnen bei Ihrem Vertrag."),
                        new DialogOutput.Options(
                                "Worum geht es?\nBitte wählen Sie ein Thema.",
                                List.of(
                                        new DialogOutput.Option("Rechnung", "rechnung"),
                                        new DialogOutput.Option("Tarifwechsel", "tarifwechsel"))));
        assertThat(first.understood()).isTrue();
        assertThat(first.handOffRequested()).isFalse();
        assertThat(first.platformSessionId()).isEqualTo(SESSION);

        assertThat(second.outputs()).containsExactly(new DialogOutput.Text("Ich verbinde Sie mit einem Mitarbeiter."));
        assertThat(second.handOffRequested()).isTrue();
        assertThat(second.handOffSummary()).isEqualTo("Kunde möchte den Tarif wechseln, Rückfrage zur Laufzeit.");

        watsonx.verify(postRequestedFor(urlPathEqualTo(SESSIONS))
                .withQueryParam("version", equalTo(VERSION))
                .withRequestBody(equalToJson("{}")));
        watsonx.verify(postRequestedFor(urlPathEqualTo(messagePath(SESSION)))
                .withQueryParam("version", equalTo(VERSION))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("""
                        {"input": {"message_type": "text", "text": "%s"}}""".formatted(TEXT))));
        watsonx.verify(postRequestedFor(urlPathEqualTo(messagePath(SESSION)))
                .withQueryParam("version", equalTo(VERSION))
                .withRequestBody(equalToJson("""
                        {"input": {"message_type": "text", "text": "tarifwechsel"}}""")));
    }

    @Test
    void expiredSessionIsRecreatedAndTheTextResentOnce() {
        watsonx.stubFor(
                post(urlPathEqualTo(messagePath(SESSION))).willReturn(json(404, "watsonx/invalid-session.json")));
        watsonx.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(json(201, "watsonx/session-recreated.json")));
        answerMessages(NEW_SESSION, "watsonx/message-pause-then-text.json");

        DialogReply reply = send(SESSION, TEXT);

        assertThat(reply.platformSessionId()).isEqualTo(NEW_SESSION);
        assertThat(reply.outputs()).containsExactly(new DialogOutput.Text("Ihre Rechnung finden Sie im Kundenportal."));
        String body = """
                {"input": {"message_type": "text", "text": "%s"}}""".formatted(TEXT);
        watsonx.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo(messagePath(SESSION))).withRequestBody(equalToJson(body)));
        watsonx.verify(
                exactly(1), postRequestedFor(urlPathEqualTo(SESSIONS)).withQueryParam("version", equalTo(VERSION)));
        watsonx.verify(
                exactly(1),
                postRequestedFor(urlPathEqualTo(messagePath(NEW_SESSION)))
                        .withQueryParam("version", equalTo(VERSION))
                        .withRequestBody(equalToJson(body)));
    }

    @Test
    void sessionUnknownAgainAfterRenewalFailsWithStatus404() {
        watsonx.stubFor(
                post(urlPathEqualTo(messagePath(SESSION))).willReturn(json(404, "watsonx/invalid-session.json")));
        watsonx.stubFor(post(urlPathEqualTo(SESSIONS)).willReturn(json(201, "watsonx/session-recreated.json")));
        watsonx.stubFor(
                post(urlPathEqualTo(messagePath(NEW_SESSION))).willReturn(json(404, "watsonx/invalid-session.json")));

        assertThatThrownBy(() -> send(SESSION, TEXT))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.status()).isEqualTo(404));
        watsonx.verify(exactly(1), postRequestedFor(urlPathEqualTo(messagePath(NEW_SESSION))));
    }

    @Test
    void pauseIsIgnored() {
        answerMessages(SESSION, "watsonx/message-pause-then-text.json");

        DialogReply reply = send(SESSION, TEXT);

        assertThat(reply.outputs()).containsExactly(new DialogOutput.Text("Ihre Rechnung finden Sie im Kundenportal."));
        assertThat(reply.understood()).isTrue();
    }

    @Test
    void unknownResponseTypesFallBackToTheirTextOrAreSkipped() {
        answerMessages(SESSION, "watsonx/message-image-and-user-defined.json");

        DialogReply reply = send(SESSION, TEXT);

        assertThat(reply.outputs())
                .containsExactly(new DialogOutput.Text("Unsere Tarife\nhttps://www.example.com/hilfe/tarife.png"));
        assertThat(reply.understood()).isTrue();
    }

    @Test
    void noIntentAndNoAnswerIsNotUnderstood() {
        answerMessages(SESSION, "watsonx/message-nothing-recognized.json");

        DialogReply reply = send(SESSION, TEXT);

        assertThat(reply.outputs()).isEmpty();
        assertThat(reply.understood()).isFalse();
        assertThat(reply.handOffRequested()).isFalse();
    }

    @Test
    void serverErrorFailsWithStatus500AndWithoutTheText() {
        watsonx.stubFor(
                post(urlPathEqualTo(messagePath(SESSION))).willReturn(json(500, "watsonx/internal-error.json")));

        assertThatThrownBy(() -> send(SESSION, TEXT)).isInstanceOfSatisfying(DialogPlatformException.class, e -> {
            assertThat(e.platform()).isEqualTo("watsonx");
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).doesNotContain(TEXT);
        });
        watsonx.verify(exactly(1), postRequestedFor(urlPathEqualTo(messagePath(SESSION))));
    }

    @Test
    void timeoutFailsWithoutStatus() {
        assistant = assistant(Duration.ofMillis(300));
        watsonx.stubFor(post(urlPathEqualTo(messagePath(SESSION)))
                .willReturn(json(200, "watsonx/message-pause-then-text.json").withFixedDelay(2000)));

        assertThatThrownBy(() -> send(SESSION, TEXT))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.status()).isZero());
    }

    @Test
    void rejectedApiKeyFailsWithTheIamStatus() {
        watsonx.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, "watsonx/iam-invalid-apikey.json")));

        assertThatThrownBy(() -> assistant.openSession(DIALOG))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.status()).isEqualTo(400));
        watsonx.verify(exactly(0), postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void closeSessionDeletesItWithTheVersion() {
        watsonx.stubFor(delete(urlPathEqualTo(SESSIONS + "/" + SESSION))
                .willReturn(aResponse().withStatus(200)));

        assistant.closeSession(SESSION);

        watsonx.verify(
                exactly(1),
                deleteRequestedFor(urlPathEqualTo(SESSIONS + "/" + SESSION))
                        .withQueryParam("version", equalTo(VERSION))
                        .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
    }

    @Test
    void closingASessionTheAssistantNoLongerKnowsIsNoError() {
        watsonx.stubFor(
                delete(urlPathEqualTo(SESSIONS + "/" + SESSION)).willReturn(json(404, "watsonx/invalid-session.json")));

        assistant.closeSession(SESSION);

        watsonx.verify(exactly(1), deleteRequestedFor(urlPathEqualTo(SESSIONS + "/" + SESSION)));
    }
}
