package io.carehub.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * R25: answers a question the dialog platform did not understand with OpenAI chat completions. Only stripped texts
 * reach it. The request is: the configured system prompt, then every earlier turn of the dialog as a user message
 * (oldest first; the context does not say who wrote a turn, so none is presented as the assistant's), then the
 * question as the last user message. The answer is {@code choices[0].message.content}.
 */
final class OpenAiAnswerGenerator implements AnswerGenerator {

    static final String NAME = "openai";
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiAnswerGenerator.class);

    private final RestClient api;
    private final DialogProperties.OpenAi config;

    OpenAiAnswerGenerator(DialogProperties.OpenAi config, Duration timeout) {
        if (config.apiKey().isBlank()) {
            throw new IllegalStateException("carehub.dialog.openai.enabled is true but carehub.dialog.openai.api-key "
                    + "(secret CAREHUB_DIALOG_OPENAI_API_KEY) is empty");
        }
        this.api = RestClientFactory.create(config.baseUrl(), timeout);
        this.config = config;
    }

    @Override
    public String answer(String strippedQuestion, List<String> strippedContext) {
        ResponseEntity<JsonNode> completion;
        try {
            completion = api.post()
                    .uri("/chat/completions")
                    .headers(headers -> headers.setBearerAuth(config.apiKey()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(Map.of("model", config.model(), "messages", messages(strippedQuestion, strippedContext)))
                    .retrieve()
                    .toEntity(JsonNode.class);
        } catch (RestClientException e) {
            throw PlatformFailure.of(NAME, "chat completion", e); // 429 (rate or quota), 5xx, timeouts
        }
        JsonNode choice = completion.getBody() == null
                ? null
                : completion.getBody().path("choices").path(0);
        String answer =
                choice == null ? "" : choice.path("message").path("content").asText("");
        if (answer.isBlank()) {
            // e.g. finish_reason content_filter or a refusal: there is nothing to send the customer
            throw new DialogPlatformException(
                    NAME,
                    completion.getStatusCode().value(),
                    "chat completion without message content (finish_reason "
                            + (choice == null
                                    ? "none"
                                    : choice.path("finish_reason").asText("none")) + ")",
                    null);
        }
        LOG.info(
                "openai answered with {} context turns, completion {}",
                strippedContext.size(),
                completion.getBody().path("id").asText("?"));
        return answer;
    }

    private List<Map<String, String>> messages(String question, List<String> context) {
        List<Map<String, String>> messages = new ArrayList<>();
        messages.add(Map.of("role", "system", "content", config.systemPrompt()));
        for (String turn : context) {
            messages.add(Map.of("role", "user", "content", turn));
        }
        messages.add(Map.of("role", "user", "content", question));
        return messages;
    }
}
