package io.carehub.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * R23: the IBM IAM bearer token for watsonx, exchanged for the API key and reused until shortly before it expires,
 * so a conversation costs one IAM call per token lifetime, not one per message.
 */
final class IamTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(IamTokenSource.class);
    private static final String GRANT_TYPE = "urn:ibm:params:oauth:grant-type:apikey";
    /** Renewed 10 % of its lifetime before expiry, but at least this many seconds before (at most half-way). */
    private static final long MIN_MARGIN_SECONDS = 60;

    private final RestClient iam;
    private final URI tokenUrl;
    private final String apiKey;
    private final Clock clock;

    private String token;
    private Instant refreshAt = Instant.MIN;

    IamTokenSource(RestClient iam, String tokenUrl, String apiKey, Clock clock) {
        this.iam = iam;
        this.tokenUrl = URI.create(tokenUrl);
        this.apiKey = apiKey;
        this.clock = clock;
    }

    /** The cached token, or a new one when there is none or it is about to expire. */
    synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** The API answered 401 to this token: forget it, unless another call has already replaced it. */
    synchronized void reject(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        Instant requestedAt = clock.instant();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", GRANT_TYPE);
        form.add("apikey", apiKey);
        JsonNode answer;
        try {
            answer = iam.post()
                    .uri(tokenUrl)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (RestClientException e) {
            throw PlatformFailure.of(WatsonxAssistant.NAME, "IAM token request", e);
        }
        String accessToken = answer == null ? "" : answer.path("access_token").asText("");
        long expiresIn = answer == null ? 0 : answer.path("expires_in").asLong(0);
        if (accessToken.isBlank() || expiresIn <= 0) {
            throw new DialogPlatformException(
                    WatsonxAssistant.NAME, 200, "IAM token answer without access_token or expires_in", null);
        }
        // counted from the request, not the answer: a slow IAM call must not stretch the token's life
        long margin = Math.min(Math.max(MIN_MARGIN_SECONDS, expiresIn / 10), expiresIn / 2);
        token = accessToken;
        refreshAt = requestedAt.plusSeconds(expiresIn - margin);
        LOG.info("watsonx IAM token fetched, valid for {} s, refreshed after {} s", expiresIn, expiresIn - margin);
    }
}
