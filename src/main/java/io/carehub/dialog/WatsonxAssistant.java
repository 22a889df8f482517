package io.carehub.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * R23: IBM watsonx Assistant through its v2 REST API (stateful sessions). Handles the protocol's own rules: the IAM
 * token is cached and renewed once on a 401, an expired session is re-created and the text resent once.
 */
final class WatsonxAssistant implements DialogPlatform {

    static final String NAME = "watsonx";
    private static final Logger LOG = LoggerFactory.getLogger(WatsonxAssistant.class);
    private static final String SESSIONS = "/v2/assistants/{assistantId}/sessions?version={version}";
    private static final String SESSION = "/v2/assistants/{assistantId}/sessions/{sessionId}?version={version}";
    private static final String MESSAGE = "/v2/assistants/{assistantId}/sessions/{sessionId}/message?version={version}";

    private final RestClient api;
    private final IamTokenSource tokens;
    private final String assistantId;
    private final String version;
    private final WatsonxReplyMapper mapper = new WatsonxReplyMapper();

    WatsonxAssistant(DialogProperties.Watsonx config, Duration timeout, Clock clock) {
        require(config.apiKey(), "carehub.dialog.watsonx.api-key (secret CAREHUB_DIALOG_WATSONX_API_KEY)");
        require(config.assistantId(), "carehub.dialog.watsonx.assistant-id");
        require(config.version(), "carehub.dialog.watsonx.version");
        this.api = RestClientFactory.create(config.url(), timeout);
        this.tokens =
                new IamTokenSource(RestClientFactory.create(null, timeout), config.iamUrl(), config.apiKey(), clock);
        this.assistantId = config.assistantId();
        this.version = config.version();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String openSession(String dialogId) {
        String sessionId = call("create session", this::createSession);
        LOG.info("watsonx session {} opened for dialog {}", sessionId, dialogId);
        return sessionId;
    }

    @Override
    public DialogReply send(DialogTurn turn) {
        try {
            JsonNode answer = call("message", token -> message(token, turn.platformSessionId(), turn.text()));
            return mapper.toReply(turn.dialogId(), answer, turn.platformSessionId());
        } catch (SessionNotFound expired) {
            // the assistant forgot the session (inactivity timeout): a new one, and the text resent once
            String sessionId = call("create session", this::createSession);
            LOG.info(
                    "watsonx session of dialog {} expired, re-created as {} and message resent",
                    turn.dialogId(),
                    sessionId);
            return mapper.toReply(turn.dialogId(), resendOnce(sessionId, turn.text()), sessionId);
        }
    }

    private JsonNode resendOnce(String newSessionId, String text) {
        try {
            return call("message after session renewal", token -> message(token, newSessionId, text));
        } catch (SessionNotFound again) {
            throw new DialogPlatformException(NAME, 404, "message answered 404 for a session just created", null);
        }
    }

    @Override
    public void closeSession(String platformSessionId) {
        try {
            call("delete session", token -> deleteSession(token, platformSessionId));
        } catch (SessionNotFound gone) {
            LOG.info("watsonx session {} was already gone", platformSessionId);
        }
    }

    private String createSession(String token) {
        ResponseEntity<JsonNode> created = api.post()
                .uri(SESSIONS, assistantId, version)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(Map.of())
                .retrieve()
                .toEntity(JsonNode.class);
        String sessionId = created.getBody() == null
                ? ""
                : created.getBody().path("session_id").asText("");
        if (sessionId.isBlank()) {
            throw new DialogPlatformException(
                    NAME, created.getStatusCode().value(), "create session answered without session_id", null);
        }
        return sessionId;
    }

    private JsonNode message(String token, String sessionId, String text) {
        ResponseEntity<JsonNode> answer = onSession(() -> api.post()
                .uri(MESSAGE, assistantId, sessionId, version)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(Map.of("input", Map.of("message_type", "text", "text", text)))
                .retrieve()
                .toEntity(JsonNode.class));
        if (answer.getBody() == null || !answer.getBody().has("output")) {
            throw new DialogPlatformException(
                    NAME, answer.getStatusCode().value(), "message answered without output", null);
        }
        return answer.getBody();
    }

    private Void deleteSession(String token, String sessionId) {
        return onSession(() -> {
            api.delete()
                    .uri(SESSION, assistantId, sessionId, version)
                    .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                    .headers(headers -> headers.setBearerAuth(token))
                    .retrieve()
                    .toBodilessEntity();
            return null;
        });
    }

    /** A 404 on a session path means the session is unknown ("Invalid Session"), whatever the body says. */
    private static <T> T onSession(Supplier<T> request) {
        try {
            return request.get();
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                throw new SessionNotFound();
            }
            throw e;
        }
    }

    /** One API call with the cached token; a 401 renews the token and repeats the call once. */
    private <T> T call(String operation, Function<String, T> request) {
        try {
            String token = tokens.token();
            try {
                return request.apply(token);
            } catch (HttpClientErrorException e) {
                if (e.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
                    throw e;
                }
                tokens.reject(token);
                LOG.info("watsonx {} answered 401, IAM token renewed and call repeated", operation);
                return request.apply(tokens.token());
            }
        } catch (RestClientException e) {
            throw PlatformFailure.of(NAME, operation, e);
        }
    }

    private static void require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "watsonx is configured (carehub.dialog.watsonx.url) but " + key + " is empty");
        }
    }

    /** The assistant does not know the session (any more); not a platform failure. */
    private static final class SessionNotFound extends RuntimeException {
        SessionNotFound() {
            super("session not found", null, false, false);
        }
    }
}
