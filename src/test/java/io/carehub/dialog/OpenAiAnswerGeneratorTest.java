package io.carehub.dialog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R25: OpenAI chat completions as the answer generator — request shape, answer, errors. */
class OpenAiAnswerGeneratorTest {

    private static final String API_KEY = "sk-test-carehub";
    private static final String SYSTEM_PROMPT = "Antworte kurz und auf Deutsch.";
    private static final String QUESTION = "Wie wechsle ich meinen Tarif, PERSON_1?";

    private final WireMockServer openai = new WireMockServer(options().dynamicPort());
    private OpenAiAnswerGenerator generator;

    @BeforeEach
    void start() {
        openai.start();
        generator = generator(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        openai.stop();
    }

    private OpenAiAnswerGenerator generator(Duration timeout) {
        return new OpenAiAnswerGenerator(
                new DialogProperties.OpenAi(true, openai.baseUrl() + "/v1", API_KEY, "gpt-4o-mini", SYSTEM_PROMPT),
                timeout);
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(DialogFixtures.read(fixture));
    }

    @Test
    void answerIsTheFirstChoiceAndTheRequestCarriesModelPromptContextQuestionAndBearer() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(json(200, "openai/chat-completion.json")));

        String answer = generator.answer(QUESTION, List.of("Hallo", "Ich möchte meinen Tarif ändern"));

        assertThat(answer)
                .isEqualTo("Einen Tarifwechsel können Sie jederzeit zum Monatsende im Kundenportal beantragen.");
        openai.verify(
                exactly(1),
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-mini",
                         "messages": [
                           {"role": "system", "content": "%s"},
                           {"role": "user", "content": "Hallo"},
                           {"role": "user", "content": "Ich möchte meinen Tarif ändern"},
                           {"role": "user", "content": "%s"}]}""".formatted(SYSTEM_PROMPT, QUESTION))));
    }

    @Test
    void withoutContextOnlyPromptAndQuestionAreSent() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(json(200, "openai/chat-completion.json")));

        generator.answer(QUESTION, List.of());

        openai.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini",
                 "messages": [{"role": "system", "content": "%s"}, {"role": "user", "content": "%s"}]}""".formatted(SYSTEM_PROMPT, QUESTION))));
    }

    @Test
    void rateLimitFailsWithStatus429AndWithoutTheQuestion() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(json(429, "openai/rate-limited.json")));

        assertThatThrownBy(() -> generator.answer(QUESTION, List.of()))
                .isInstanceOfSatisfying(DialogPlatformException.class, e -> {
                    assertThat(e.platform()).isEqualTo("openai");
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.getMessage()).doesNotContain(QUESTION);
                });
    }

    @Test
    void overloadFailsWithStatus503() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(json(503, "openai/overloaded.json")));

        assertThatThrownBy(() -> generator.answer(QUESTION, List.of()))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void completionWithoutContentFails() {
        openai.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(json(200, "openai/chat-completion-content-filter.json")));

        assertThatThrownBy(() -> generator.answer(QUESTION, List.of()))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.getMessage()).contains("content_filter"));
    }

    @Test
    void timeoutFailsWithoutStatus() {
        generator = generator(Duration.ofMillis(300));
        openai.stubFor(post(urlEqualTo("/v1/chat/completions"))
                .willReturn(json(200, "openai/chat-completion.json").withFixedDelay(2000)));

        assertThatThrownBy(() -> generator.answer(QUESTION, List.of()))
                .isInstanceOfSatisfying(
                        DialogPlatformException.class,
                        e -> assertThat(e.status()).isZero());
    }
}
