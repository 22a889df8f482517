package io.carehub.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chatbot of the fault suite's conversation cases (R23): IBM watsonx Assistant v2 and its IAM token endpoint,
 * played by WireMock and answering in the shapes the API documents (the IAM answer is the dialog tests' fixture). The
 * hubs send the business segment to it; the suite lists its bot customers as business numbers in the routing rules.
 */
final class BotPlatform {

    private static final String IAM = "/identity/token";
    private static final String ASSISTANT_ID = "fault-assistant";

    private BotPlatform() {}

    static void stub(WireMockServer platform) {
        platform.stubFor(post(urlPathEqualTo(IAM))
                .willReturn(okJson(read(Path.of("src/test/resources/dialog/watsonx/iam-token.json")))));
        // every session its own id, as watsonx answers a create-session call (201 Created)
        platform.stubFor(post(urlPathEqualTo(BotCalls.SESSIONS))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"session_id\":\"{{randomValue type='UUID'}}\"}")
                        .withTransformers("response-template")));
        platform.stubFor(
                post(urlPathMatching(BotCalls.SESSIONS + "/[^/]+/message")).willReturn(okJson("""
                        {"output":{"generic":[{"response_type":"text","text":"Danke! Ihre Anfrage ist notiert."}],
                         "intents":[{"intent":"anfrage","confidence":0.93}],"entities":[]},
                         "context":{"global":{"system":{"turn_count":1}}}}""")));
        platform.stubFor(delete(urlPathMatching(BotCalls.SESSIONS + "/[^/]+")).willReturn(okJson("{}")));
    }

    /** The hub's settings for it: the business segment talks to watsonx; the rules file names the bot customers. */
    static Map<String, String> hubProperties(String baseUrl, Path routingRules) {
        String instance = BotCalls.SESSIONS.substring(0, BotCalls.SESSIONS.indexOf("/v2/"));
        return Map.of(
                "carehub.dialog.routing.business",
                "watsonx",
                "carehub.dialog.watsonx.url",
                baseUrl + instance,
                "carehub.dialog.watsonx.iam-url",
                baseUrl + IAM,
                "carehub.dialog.watsonx.api-key",
                "fault-iam-api-key",
                "carehub.dialog.watsonx.assistant-id",
                ASSISTANT_ID,
                "carehub.routing.rules-file",
                routingRules.toAbsolutePath().toString(),
                // the prod-profile hub talks to a local WireMock watsonx, which no region check can accept
                "carehub.residency.enforce",
                "false");
    }

    /** The built-in routing rules with the bot customers as business numbers (R20: segment source 2 of 3). */
    static void writeRoutingRules(Path file, List<String> businessNumbers) {
        String rules = read(Path.of("src/main/resources/routing-rules.yaml"));
        String numbers = businessNumbers.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        String replaced = rules.replace("businessNumbers: []", "businessNumbers: [" + numbers + "]");
        if (replaced.equals(rules)) {
            throw new IllegalStateException("routing-rules.yaml has no empty businessNumbers list any more");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, replaced, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
