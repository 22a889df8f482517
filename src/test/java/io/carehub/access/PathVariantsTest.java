package io.carehub.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PRODUCT.md §4, R47: every protected path and every spelling of it that a servlet container or Spring MVC might
 * map to the same handler — {@code ;params}, percent-encoded letters, {@code //}, {@code /./}, {@code ..}, a
 * trailing slash, mixed case — is refused without a valid token (401, or 400 from the firewall), never answered.
 */
@HubTest
class PathVariantsTest {

    /** Every protected endpoint (method, path with real-looking ids and parameters). */
    static final List<String[]> PROTECTED = List.of(
            new String[] {"GET", "/api/conversations?waId=4915112345678"},
            new String[] {"GET", "/api/conversations/1/messages"},
            new String[] {"GET", "/api/conversations/1/customer"},
            new String[] {"GET", "/api/attachments/1/content"},
            new String[] {"GET", "/api/pools/private-billing/conversations"},
            new String[] {"POST", "/api/conversations/1/claim"},
            new String[] {"POST", "/api/conversations/1/reply"},
            new String[] {"POST", "/api/conversations/1/template"},
            new String[] {"POST", "/api/conversations/1/transfer"},
            new String[] {"POST", "/api/conversations/1/close"},
            new String[] {"GET", "/api/privacy/transcripts/export?from=2020-01-01&to=2030-01-01"},
            new String[] {"POST", "/api/privacy/analyze"},
            new String[] {"GET", "/api/access-log"},
            new String[] {"GET", "/actuator/prometheus"},
            new String[] {"GET", "/actuator/metrics"},
            new String[] {"GET", "/actuator/sbom/application"},
            new String[] {"GET", "/actuator/info"},
            new String[] {"GET", "/actuator"},
            new String[] {"POST", "/api/privacy/access-requests"},
            new String[] {"GET", "/api/privacy/access-requests/5f0c3a52-1d0e-4a8e-9f57-2b7c8e1d4a10"},
            // i16-upload: the upload link offer and the reveal of masked sensitive data (R16, R51)
            new String[] {"POST", "/api/conversations/1/upload-link"},
            new String[] {"POST", "/api/conversations/1/messages/1/reveal"});

    @Autowired
    HubApi hub;

    @Test
    void everyProtectedPathInEverySpellingIsRefusedWithoutAToken() {
        List<String> answered = new ArrayList<>();
        int probes = 0;
        for (String[] endpoint : PROTECTED) {
            for (String variant : variants(endpoint[1])) {
                String body = endpoint[0].equals("POST") ? "{\"text\":\"Anna Vogel\"}" : null;
                HttpResponse<String> response = hub.send(hub.request(endpoint[0], variant, null, body));
                probes++;
                if (response.statusCode() != 401 && response.statusCode() != 400) {
                    answered.add(endpoint[0] + " " + variant + " -> " + response.statusCode());
                }
            }
        }
        assertThat(probes).isGreaterThan(PROTECTED.size() * 10);
        assertThat(answered).as("answered without a token").isEmpty();
    }

    @Test
    void aValidTokenOfTheWrongRoleIsRefusedOnEverySpellingToo() {
        List<String> answered = new ArrayList<>();
        String integrator = IdentityProvider.integrator();
        for (String[] endpoint : PROTECTED.subList(0, 9)) { // the agent and history APIs: not for machine clients
            for (String variant : variants(endpoint[1])) {
                String body = endpoint[0].equals("POST") ? "{\"toPool\":\"business\"}" : null;
                HttpResponse<String> response = hub.send(hub.request(endpoint[0], variant, integrator, body));
                if (response.statusCode() != 403 && response.statusCode() != 400) {
                    answered.add(endpoint[0] + " " + variant + " -> " + response.statusCode());
                }
            }
        }
        assertThat(answered).as("answered to a token without the role").isEmpty();
    }

    @Test
    void theWebhookPassesNoAuthenticationFilterButTheFirewall() throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/whatsapp/text.json"));
        // a bearer token the resource server would refuse: the webhook's chain has no filter that reads it
        HttpResponse<String> signed =
                hub.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.url("/webhooks/whatsapp")))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer not-a-jwt")
                        .header("X-Hub-Signature-256", "sha256=" + io.carehub.Webhook.sign(body))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
        assertThat(signed.statusCode()).isEqualTo(200);
        // ';' parameters in the webhook servlet's own path: a clear 400 like every other firewall refusal
        for (String variant : List.of("/webhooks;x/whatsapp", "/webhooks;/whatsapp", "/webhooks/whatsapp;x")) {
            HttpResponse<String> refused = hub.send(hub.request("POST", variant, null, "{}"));
            assertThat(refused.statusCode()).as(variant).isEqualTo(400);
        }
        assertThat(hub.send(hub.request("POST", "/webhooks/x/../whatsapp", null, "{}"))
                        .statusCode())
                .isEqualTo(400);
    }

    /** The path as given and in every spelling of the probes. */
    static Set<String> variants(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q);
        String[] segments = path.substring(1).split("/");
        String first = segments[0];
        String rest = path.substring(first.length() + 1);
        Set<String> variants = new LinkedHashSet<>();
        variants.add(path);
        variants.add("/" + first + ";x" + rest); // ;params on the first segment
        variants.add("/" + first + ";" + rest);
        variants.add(path + ";jsessionid=1");
        if (segments.length > 1) {
            variants.add("/" + first + "/" + segments[1] + ";a=b"
                    + path.substring(first.length() + segments[1].length() + 2));
        }
        variants.add("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest); // %61pi
        variants.add(path.replace("a", "%61").replace("o", "%6f"));
        variants.add("/" + path); // //api/...
        variants.add("/" + first + "/" + rest); // /api//...
        variants.add("/./" + path.substring(1));
        variants.add("/" + first + "/." + rest);
        variants.add("/x/.." + path);
        variants.add("/" + first + "/x/.." + rest);
        variants.add("/" + first + "/%2e%2e/" + first + rest);
        variants.add(path + "/");
        variants.add(path.toUpperCase(Locale.ROOT));
        variants.add("/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest);
        List<String> withQuery = new ArrayList<>();
        for (String variant : variants) {
            withQuery.add(variant + query);
        }
        return new LinkedHashSet<>(withQuery);
    }
}
