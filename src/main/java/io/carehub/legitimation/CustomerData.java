package io.carehub.legitimation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * R15: the customer's data after a successful sign-in: from the ID token's (and userinfo's) claims, named by
 * {@code carehub.legitimation.claims}, overridden by the configured customer-data endpoint's answer (shape in
 * docs/legitimation.md) when there is one.
 */
@Component
class CustomerData {

    /** What the hub stores (salutation, name, numbers, segment) and the phone number it checks. */
    record Customer(
            String salutation,
            String name,
            String customerNumber,
            List<String> contractNumbers,
            String segment,
            String phoneNumber) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LegitimationProperties properties;
    private final RestClient http;
    private final ObjectMapper mapper;

    CustomerData(LegitimationProperties properties, ObjectMapper mapper) {
        this.properties = properties;
        // HTTP/1.1 on java.net.http; a customer-data endpoint that hangs fails the sign-in after the timeout
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build());
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
        this.mapper = mapper;
    }

    Customer of(Map<String, Object> claims, OAuth2AccessToken accessToken) {
        JsonNode endpoint = endpoint(accessToken);
        LegitimationProperties.Claims names = properties.claims();
        JsonNode token = mapper.valueToTree(claims);
        String given = first(endpoint, "givenName", token, names.givenName());
        String family = first(endpoint, "familyName", token, names.familyName());
        String name = given != null && family != null
                ? given + " " + family
                : Optional.ofNullable(family).orElse(text(token, names.name()));
        List<String> contracts = endpoint != null && endpoint.has("contractNumbers")
                ? list(endpoint.get("contractNumbers"))
                : list(token.get(names.contractNumbers()));
        String segment = first(endpoint, "segment", token, names.segment());
        boolean business =
                segment != null && properties.claims().businessValues().stream().anyMatch(segment::equalsIgnoreCase);
        return new Customer(
                first(endpoint, "salutation", token, names.salutation()),
                name,
                first(endpoint, "customerNumber", token, names.customerNumber()),
                contracts,
                business ? "BUSINESS" : "PRIVATE",
                first(endpoint, "phoneNumber", token, names.phoneNumber()));
    }

    /** The customer-data endpoint's answer, or null when none is configured. */
    private JsonNode endpoint(OAuth2AccessToken accessToken) {
        String uri = properties.identityProvider().customerDataUri();
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String body = http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.getTokenValue())
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(String.class);
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the customer-data endpoint answered no JSON object", e);
        }
    }

    private static String first(JsonNode endpoint, String field, JsonNode token, String claim) {
        String value = endpoint == null ? null : text(endpoint, field);
        return value != null ? value : text(token, claim);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank()
                ? null
                : value.asText().strip();
    }

    private static List<String> list(JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isArray()) {
            value.forEach(v -> values.add(v.asText().strip()));
        } else {
            for (String part : value.asText().split(",")) {
                values.add(part.strip());
            }
        }
        values.removeIf(String::isEmpty);
        return values;
    }
}
