package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.CarehubApplication;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** R43: without an access token the hub answers through its local Graph API stand-in, status webhooks included. */
class GraphApiStandInTest {

    @Test
    void firstMessageRoundTripsThroughTheLocalStandInUntilRead() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "stand-in-");
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CarehubApplication.class)
                .run(
                        "--server.port=0",
                        "--carehub.data-dir=" + dataDir,
                        "--carehub.postgres.port=0",
                        "--carehub.whatsapp.app-secret=" + HubTest.APP_SECRET,
                        "--carehub.buffer.encryption-key=" + HubTest.BUFFER_KEY)) {
            int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
            assertThat(hub.getEnvironment().getProperty("carehub.whatsapp.stand-in"))
                    .isEqualTo("true");
            String body = Files.readString(Path.of("src/test/resources/whatsapp/text.json"))
                    .replace("1749416383", Long.toString(Instant.now().getEpochSecond()));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> ack = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                            .header("X-Hub-Signature-256", "sha256=" + Webhook.sign(bytes))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ack.statusCode()).isEqualTo(200);

            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from message where direction = 'OUTBOUND' and delivery_state = 'read'",
                                    Long.class)
                            == 1);
            assertThat(jdbc.queryForObject("select wamid from message where direction = 'OUTBOUND'", String.class))
                    .startsWith("wamid.STANDIN");
            String sent = http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stand-in/graph/sent"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(sent).contains("consent-accept", "\"to\":\"16505551234\"");
            assertThat(jdbc.queryForObject("select count(*) from message_status", Long.class))
                    .isEqualTo(3);
        }
    }
}
