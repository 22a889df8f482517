package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.documentation.EmbeddedPostgresServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.annotation.DirtiesContext;

/**
 * R42: readiness is the broker and the routes, never the database (the webhook acknowledges without it, R10), so a
 * database outage keeps the hub in its load balancer while the health component db shows it; liveness is the process.
 * The database, the bots and overdue erasures are components of /actuator/health.
 */
@DirtiesContext // stops the embedded PostgreSQL
@OpsTest
class HealthProbesTest {

    @Autowired
    HubApi hub;

    @Autowired
    Webhook webhook;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    CamelContext camel;

    @Autowired
    HealthEndpoint health;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aDatabaseOutageShowsInItsComponentButLeavesTheHubReady() {
        JsonNode readiness = health("/actuator/health/readiness");
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("jms", "routes", "readinessState");
        assertThat(health("/actuator/health/liveness").path("components").properties())
                .extracting(java.util.Map.Entry::getKey)
                .containsExactly("livenessState");
        assertThat(health("/actuator/health").path("components").properties())
                .extracting(java.util.Map.Entry::getKey)
                .contains("db", "jms", "routes", "dialogPlatforms", "erasure");

        postgres.stop();
        try {
            // the component's details: asked in-process (an ops token's read is written to the access log, R47)
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> health.healthForPath("db").getStatus().equals(Status.DOWN));
            HttpResponse<String> ready = hub.get("/actuator/health/readiness", null);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"");
            assertThat(hub.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(hub.get("/actuator/health", null).statusCode())
                    .as("the whole health, database included")
                    .isEqualTo(503);
            // R10: and the webhook still acknowledges
            String customer = "4915900002" + (System.nanoTime() % 1000);
            assertThat(webhook.postSigned(WebhookPayload.update()
                                    .contact(customer, "Health Test")
                                    .text(
                                            customer,
                                            "wamid.health" + System.nanoTime(),
                                            Instant.now().getEpochSecond(),
                                            "Hallo")
                                    .json())
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> health.healthForPath("db").getStatus().equals(Status.UP));
    }

    @Test
    void aStoppedRouteTakesTheHubOutOfReadinessUntilItRunsAgain() throws Exception {
        camel.getRouteController().stopRoute("buffer-to-documentation");
        try {
            HttpResponse<String> ready = hub.get("/actuator/health/readiness", null);
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode routes =
                    health("/actuator/health/readiness").path("components").path("routes");
            assertThat(routes.path("status").asText()).isEqualTo("DOWN");
            assertThat(routes.at("/details/notStarted").toString()).contains("buffer-to-documentation");
            assertThat(hub.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            camel.getRouteController().startRoute("buffer-to-documentation");
        }
        assertThat(hub.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private JsonNode health(String path) {
        try {
            return mapper.readTree(hub.get(path, IdentityProvider.ops()).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
