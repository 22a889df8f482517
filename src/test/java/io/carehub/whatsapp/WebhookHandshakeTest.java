package io.carehub.whatsapp;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@HubTest
class WebhookHandshakeTest {

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Test
    void echoesChallengeForTheConfiguredVerifyToken() {
        HttpResponse<String> response = hub.get(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444",
                null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
        // the answer carries none of the request's parameters or headers back (the token least of all)
        assertThat(response.headers().map().keySet())
                .noneMatch(name -> name.startsWith("hub."))
                .doesNotContain("user-agent");
    }

    @Test
    void answersToUpdatesCarryNoRequestHeaders() {
        HttpResponse<String> accepted = webhook.postSigned(fixture("text").json());
        HttpResponse<String> refused =
                webhook.post("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "sha256=00");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        for (HttpResponse<String> response : java.util.List.of(accepted, refused)) {
            assertThat(response.headers().map().keySet()).doesNotContain("x-hub-signature-256", "user-agent");
            assertThat(response.headers().firstValue("content-type")).isPresent();
        }
    }

    @Test
    void refusesWrongVerifyTokenWith403() {
        HttpResponse<String> response =
                hub.get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("wrong hub.verify_token").doesNotContain("1158201444");
    }

    @Test
    void refusesHandshakeWithoutSubscribeModeWith400() {
        HttpResponse<String> response = hub.get("/webhooks/whatsapp?hub.verify_token=test-verify-token", null);

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
