package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.IngestTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class WebhookHandshakeTest extends IngestTestSupport {

    @Test
    void echoesChallengeForTheConfiguredVerifyToken() {
        HttpResponse<String> response = httpGet(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void refusesWrongVerifyTokenWith403() {
        HttpResponse<String> response = httpGet(
                "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444", null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("wrong hub.verify_token").doesNotContain("1158201444");
    }

    @Test
    void refusesHandshakeWithoutSubscribeModeWith400() {
        HttpResponse<String> response = httpGet("/webhooks/whatsapp?hub.verify_token=test-verify-token", null);

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
