package io.carehub.whatsapp;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R10: while the webhook routes are not started (start-up, shutdown) Meta gets 503 + Retry-After and nothing is stored. */
@HubTest
class WebhookReadinessTest {

    private static final String RECEIVE_ROUTE = "whatsapp-webhook-receive";
    private static final String TEXT_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    CamelContext camel;

    @Test
    void answers503WithRetryAfterWhileTheWebhookRouteIsStoppedAndStoresNothing() throws Exception {
        Fixture refusedUpdate = fixture("text");

        HttpResponse<String> refused;
        HttpResponse<String> refusedHandshake;
        camel.getRouteController().stopRoute(RECEIVE_ROUTE);
        try {
            refused = webhook.postSigned(refusedUpdate.json());
            refusedHandshake = hub.get(
                    "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444",
                    null);
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
        HttpResponse<String> accepted =
                webhook.postSigned(refusedUpdate.json().replace(refusedUpdate.wamid(TEXT_WAMID), acceptedWamid));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("EVENT_RECEIVED");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message where wamid = ?", acceptedWamid) == 1);

        assertThat(db.count("select count(*) from message where wamid = ?", refusedUpdate.wamid(TEXT_WAMID)))
                .isZero();
        assertThat(db.count(
                        "select count(*) from message m join conversation c on c.id = m.conversation_id "
                                + "join contact k on k.id = c.contact_id where k.wa_id_hash = ? and m.direction = 'INBOUND'",
                        db.hash(refusedUpdate.waId())))
                .isEqualTo(1);
        assertThat(db.rejected(null, Db.containing(refusedUpdate.waId().getBytes(StandardCharsets.UTF_8))))
                .as("parked rows with the refused customer")
                .isZero();
    }
}
