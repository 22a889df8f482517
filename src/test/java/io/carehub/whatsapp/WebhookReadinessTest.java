package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.IngestTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** R10: while the webhook routes are not started (start-up, shutdown) Meta gets 503 + Retry-After and nothing is stored. */
class WebhookReadinessTest extends IngestTestSupport {

    private static final String RECEIVE_ROUTE = "whatsapp-webhook-receive";
    private static final String TEXT_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";

    @Test
    void answers503WithRetryAfterWhileTheWebhookRouteIsStoppedAndStoresNothing() throws Exception {
        Fixture refusedUpdate = fixture("text");
        long rejectedBefore = count("select count(*) from rejected_update");

        HttpResponse<String> refused;
        HttpResponse<String> refusedHandshake;
        camel.getRouteController().stopRoute(RECEIVE_ROUTE);
        try {
            refused = postSigned(refusedUpdate.json());
            refusedHandshake = httpGet(
                    "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444", null);
        } finally {
            camel.getRouteController().startRoute(RECEIVE_ROUTE);
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":503", "starting");
        assertThat(refusedHandshake.statusCode()).isEqualTo(503);
        assertThat(refusedHandshake.body()).doesNotContain("1158201444");

        // once the route runs again the same customer's next update is acknowledged and documented; had the refused
        // one been buffered, its message group would have documented it first
        String acceptedWamid = refusedUpdate.wamid(TEXT_WAMID).replace("MTY1", "afterMTY1");
        HttpResponse<String> accepted = postSigned(refusedUpdate.json().replace(refusedUpdate.wamid(TEXT_WAMID), acceptedWamid));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("EVENT_RECEIVED");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from message where wamid = ?", acceptedWamid) == 1);

        assertThat(count("select count(*) from message where wamid = ?", refusedUpdate.wamid(TEXT_WAMID))).isZero();
        assertThat(count("select count(*) from message m join conversation c on c.id = m.conversation_id "
                + "join contact k on k.id = c.contact_id where k.wa_id = ? and m.direction = 'INBOUND'", refusedUpdate.waId()))
                .isEqualTo(1);
        assertThat(count("select count(*) from rejected_update")).isEqualTo(rejectedBefore);
    }
}
