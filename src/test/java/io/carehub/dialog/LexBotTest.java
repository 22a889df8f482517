package io.carehub.dialog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R23: AWS Lex V2 runtime — signed RecognizeText, message mapping, hand-off, fallback, errors, DeleteSession. */
class LexBotTest {

    private static final String BOT = "BOTID12345";
    private static final String ALIAS = "TSTALIASID";
    private static final String LOCALE = "de_DE";
    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TEXT = "Ich habe eine Frage zu meinem Vertrag PERSON_1";
    private static final String SIGV4 = "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
            + "/\\d{8}/eu-central-1/lex/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}";

    private final WireMockServer lexRuntime = new WireMockServer(options().dynamicPort());
    private final String dialogId = UUID.randomUUID().toString();
    private LexBot lex;

    @BeforeEach
    void start() {
        lexRuntime.start();
        lex = new LexBot(
                new DialogProperties.Lex(
                        lexRuntime.baseUrl(),
                        "eu-central-1",
                        BOT,
                        ALIAS,
                        LOCALE,
                        ACCESS_KEY,
                        SECRET_KEY,
                        "TalkToAgent"),
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        lex.close();
        lexRuntime.stop();
    }

    private String sessionPath() {
        return "/bots/" + BOT + "/botAliases/" + ALIAS + "/botLocales/" + LOCALE + "/sessions/" + dialogId;
    }

    private String textPath() {
        return sessionPath() + "/text";
    }

    private ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "5f0e4c4a-8a3b-4b53-9b0c-2d1e0f9a8b7c")
                .withBody(DialogFixtures.read(fixture).replace("SESSION_ID", dialogId));
    }

    private ResponseDefinitionBuilder error(int status, String errorType, String fixture) {
        return json(status, fixture).withHeader("x-amzn-ErrorType", errorType);
    }

    private DialogReply send(String text) {
        return lex.send(new DialogTurn(dialogId, lex.openSession(dialogId), text));
    }

    @Test
    void dialogIdIsTheSessionId() {
        assertThat(lex.openSession(dialogId)).isEqualTo(dialogId);
        assertThat(lexRuntime.getAllServeEvents()).isEmpty();
    }

    @Test
    void recognizeTextIsSignedAndMapsPlainTextAndImageResponseCard() {
        lexRuntime.stubFor(post(urlEqualTo(textPath())).willReturn(json(200, "lex/recognize-text-card.json")));

        DialogReply reply = send(TEXT);

        assertThat(reply.outputs())
                .containsExactly(
                        new DialogOutput.Text("Gerne helfe ich Ihnen bei Ihrem Vertrag."),
                        new DialogOutput.Options(
                                "Worum geht es?\nBitte wählen Sie ein Thema.",
                                List.of(
                                        new DialogOutput.Option("Rechnung", "rechnung"),
                                        new DialogOutput.Option("Tarifwechsel", "tarifwechsel"))));
        assertThat(reply.understood()).isTrue();
        assertThat(reply.handOffRequested()).isFalse();
        assertThat(reply.handOffSummary()).isNull();
        assertThat(reply.platformSessionId()).isEqualTo(dialogId);
        lexRuntime.verify(
                exactly(1),
                postRequestedFor(urlEqualTo(textPath()))
                        .withHeader("Authorization", matching(SIGV4))
                        .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
                        .withRequestBody(equalToJson("""
                        {"text": "%s"}""".formatted(TEXT))));
    }

    @Test
    void ssmlIsSentAsItsWords() {
        lexRuntime.stubFor(post(urlEqualTo(textPath())).willReturn(json(200, "lex/recognize-text-ssml.json")));

        assertThat(send("rechnung").outputs())
                .containsExactly(new DialogOutput.Text("Ihre Rechnung finden Sie im Kundenportal."));
    }

    @Test
    void handOffIntentRequestsAHumanWithoutSummary() {
        lexRuntime.stubFor(post(urlEqualTo(textPath())).willReturn(json(200, "lex/recognize-text-talk-to-agent.json")));

        DialogReply reply = send("Mitarbeiter bitte");

        assertThat(reply.handOffRequested()).isTrue();
        assertThat(reply.handOffSummary()).isNull();
        assertThat(reply.understood()).isTrue();
        assertThat(reply.outputs()).containsExactly(new DialogOutput.Text("Ich verbinde Sie mit einem Mitarbeiter."));
    }

    @Test
    void fallbackIntentIsNotUnderstood() {
        lexRuntime.stubFor(post(urlEqualTo(textPath())).willReturn(json(200, "lex/recognize-text-fallback.json")));

        DialogReply reply = send("xyz");

        assertThat(reply.understood()).isFalse();
        assertThat(reply.handOffRequested()).isFalse();
        assertThat(reply.outputs()).hasSize(1);
    }

    @Test
    void serverErrorIsRetriedOnceThenFailsWithStatus500() {
        lexRuntime.stubFor(post(urlEqualTo(textPath()))
                .willReturn(error(500, "InternalServerException", "lex/internal-server-error.json")));

        assertThatThrownBy(() -> send(TEXT)).isInstanceOfSatisfying(DialogPlatformException.class, e -> {
            assertThat(e.platform()).isEqualTo("lex");
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.getMessage()).contains("InternalServerException").doesNotContain(TEXT);
        });
        lexRuntime.verify(exactly(2), postRequestedFor(urlEqualTo(textPath())));
    }

    @Test
    void throttlingIsRetriedOnceThenFailsWithStatus429() {
        lexRuntime.stubFor(
                post(urlEqualTo(textPath())).willReturn(error(429, "ThrottlingException", "lex/throttling.json")));

        assertThatThrownBy(() -> send(TEXT)).isInstanceOfSatisfying(DialogPlatformException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("ThrottlingException");
        });
        lexRuntime.verify(exactly(2), postRequestedFor(urlEqualTo(textPath())));
    }

    @Test
    void unreachableRuntimeFailsWithoutStatus() {
        lexRuntime.stop();

        assertThatThrownBy(() -> send(TEXT))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.status()).isZero());
    }

    @Test
    void closeSessionDeletesTheSignedSession() {
        lexRuntime.stubFor(delete(urlEqualTo(sessionPath())).willReturn(json(200, "lex/delete-session.json")));

        lex.closeSession(dialogId);

        lexRuntime.verify(
                exactly(1),
                deleteRequestedFor(urlEqualTo(sessionPath()))
                        .withHeader("Authorization", matching(SIGV4))
                        .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z")));
    }

    @Test
    void closingASessionLexNoLongerKnowsIsNoError() {
        lexRuntime.stubFor(delete(urlEqualTo(sessionPath()))
                .willReturn(error(404, "ResourceNotFoundException", "lex/resource-not-found.json")));

        lex.closeSession(dialogId);

        lexRuntime.verify(exactly(1), deleteRequestedFor(urlEqualTo(sessionPath())));
    }
}
