package io.carehub.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.carehub.Fixture.fixture;
import static io.carehub.GraphApiStub.GRAPH_API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** R6: two-step download with the bearer token, sha256 verified, retried, recorded; text never blocked. */
@HubTest
class MediaDownloadTest {

    private static final byte[] CONTENT = "carehub-test-media".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    /** The image fixture's sha256, as Meta's example has it; replaced by the hash of the bytes served here. */
    private static final String FIXTURE_SHA256 = "V69Oop1g7UtiGbzrzlZHmgIBTr92jcqxdykvT0Ecyt0=";

    private static String base64(byte[] bytes) {
        try {
            return java.util.Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** GET /{version}/{media-id} as documented: url, mime_type, sha256, file_size, id, messaging_product. */
    private static void stubMediaUrl(String mediaId, String sha256Hex) {
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId))
                .willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/whatsapp_business/attachments/?mid=%s&ext=1&hash=ATt",
                 "mime_type":"image/jpeg","sha256":"%s","file_size":%d,"id":"%s"}""".formatted(GRAPH_API.baseUrl(), mediaId, sha256Hex, CONTENT.length, mediaId))));
    }

    private Map<String, Object> attachment(String mediaId) {
        return jdbc.queryForMap("""
                select state, size_bytes, attempts, last_error,
                       (select count(*) from attachment_chunk c where c.attachment_id = a.id) as chunks
                  from attachment a where media_id = ?""", mediaId);
    }

    @Test
    void imageIsDownloadedInTwoStepsWithTheBearerTokenAndStoredVerified() throws Exception {
        String mediaId = "77" + System.nanoTime();
        stubMediaUrl(mediaId, hex(CONTENT));
        GRAPH_API.stubFor(get(urlEqualTo("/whatsapp_business/attachments/?mid=" + mediaId + "&ext=1&hash=ATt"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(CONTENT)));
        Fixture image = fixture("image");

        assertThat(webhook.postSigned(image.json()
                                .replace("1003383421387256", mediaId)
                                .replace(FIXTURE_SHA256, base64(CONTENT)))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from attachment where media_id = ? and state = 'STORED'", mediaId)
                                == 1);
        assertThat(attachment(mediaId))
                .containsEntry("size_bytes", (long) CONTENT.length)
                .containsEntry("chunks", 1L);
        // R19: stored encrypted
        assertThat(db.count("""
                        select count(*) from attachment_chunk c join attachment a on a.id = c.attachment_id
                         where a.media_id = ? and position(? in c.bytes) > 0""", mediaId, CONTENT)).isZero();
        GRAPH_API.verify(getRequestedFor(urlEqualTo("/v23.0/" + mediaId))
                .withHeader("Authorization", equalTo("Bearer test-access-token")));
        GRAPH_API.verify(
                getRequestedFor(urlEqualTo("/whatsapp_business/attachments/?mid=" + mediaId + "&ext=1&hash=ATt"))
                        .withHeader("Authorization", equalTo("Bearer test-access-token")));
        // and through the history API
        Long attachmentId = jdbc.queryForObject("select id from attachment where media_id = ?", Long.class, mediaId);
        assertThat(hub.get("/api/attachments/" + attachmentId + "/content", IdentityProvider.supervisor())
                        .body())
                .isEqualTo("carehub-test-media");
    }

    @Test
    void graphApiErrorsAreRetriedUntilTheDownloadSucceeds() throws Exception {
        String mediaId = "78" + System.nanoTime();
        String scenario = "flaky-" + mediaId;
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId))
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withBody("{\"error\":{\"message\":\"An unknown error occurred\","
                                + "\"type\":\"OAuthException\",\"code\":1,\"fbtrace_id\":\"A\"}}"))
                .willSetStateTo("second"));
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId))
                .inScenario(scenario)
                .whenScenarioStateIs("second")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withBody("{\"error\":{\"message\":\"(#4) Application request "
                                + "limit reached\",\"type\":\"OAuthException\",\"code\":4,\"fbtrace_id\":\"B\"}}"))
                .willSetStateTo("healthy"));
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId))
                .inScenario(scenario)
                .whenScenarioStateIs("healthy")
                .willReturn(
                        okJson("""
                        {"messaging_product":"whatsapp","url":"%s/media-bytes/%s","mime_type":"image/jpeg",
                         "sha256":"%s","file_size":%d,"id":"%s"}""".formatted(GRAPH_API.baseUrl(), mediaId, hex(CONTENT), CONTENT.length, mediaId))));
        GRAPH_API.stubFor(get(urlEqualTo("/media-bytes/" + mediaId))
                .willReturn(aResponse().withBody(CONTENT)));
        Fixture image = fixture("image");

        assertThat(webhook.postSigned(image.json()
                                .replace("1003383421387256", mediaId)
                                .replace(FIXTURE_SHA256, base64(CONTENT)))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from attachment where media_id = ? and state = 'STORED'", mediaId)
                                == 1);
        assertThat(attachment(mediaId)).containsEntry("attempts", 3).containsEntry("last_error", null);
        // the caption was documented regardless of the download
        assertThat(db.count("select count(*) from message where wamid like ?", "%" + image.tag() + "%"))
                .isEqualTo(1);
    }

    @Test
    void contentNotMatchingItsSha256IsNeverStoredAndEndsFailedAfterMaxAttempts() throws Exception {
        String mediaId = "79" + System.nanoTime();
        stubMediaUrl(mediaId, hex("something else".getBytes(StandardCharsets.UTF_8)));
        GRAPH_API.stubFor(get(urlEqualTo("/whatsapp_business/attachments/?mid=" + mediaId + "&ext=1&hash=ATt"))
                .willReturn(aResponse().withBody(CONTENT)));
        Fixture image = fixture("image");

        assertThat(webhook.postSigned(image.json()
                                .replace("1003383421387256", mediaId)
                                .replace(FIXTURE_SHA256, base64(CONTENT)))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from attachment where media_id = ? and state = 'FAILED'", mediaId)
                                == 1);
        assertThat(attachment(mediaId))
                .containsEntry("attempts", 3)
                .containsEntry("last_error", "sha256 mismatch")
                .containsEntry("chunks", 0L);
    }

    /** Found by the webhook fuzzer: the media id comes from the webhook body, so it is never logged. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailedDownloadLogsTheAttachmentNotTheMediaId(CapturedOutput output) {
        String mediaId = "80" + System.nanoTime() + "Ottilie Wurzelbach";
        Fixture image = fixture("image");

        assertThat(webhook.postSigned(image.json()
                                .replace("1003383421387256", mediaId)
                                .replace(FIXTURE_SHA256, base64(CONTENT)))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from attachment where media_id = ? and attempts > 0", mediaId) == 1);
        Long attachmentId = jdbc.queryForObject("select id from attachment where media_id = ?", Long.class, mediaId);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> output.getAll().contains("media of attachment " + attachmentId + " download attempt"));
        assertThat(output.getAll()).doesNotContain("Wurzelbach");
    }
}
