package io.carehub.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.carehub.Fixture.fixture;
import static io.carehub.GraphApiStub.GRAPH_API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * §4 Security for R6: the bearer token goes only over HTTPS to an allowed host (here localhost over plain HTTP, as
 * the tests allow, and 127.0.0.1 over HTTPS only), never along a redirect to another host; a URL the hub will not
 * fetch marks the attachment FAILED at once; the bytes must match the webhook's sha256.
 */
@HubTest
class MediaDownloadRefusalsTest {

    private static final byte[] CONTENT = "carehub-refusal-media".getBytes(StandardCharsets.UTF_8);
    private static final String FIXTURE_SHA256 = "V69Oop1g7UtiGbzrzlZHmgIBTr92jcqxdykvT0Ecyt0=";

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    HubApi hub;

    @Autowired
    JdbcTemplate jdbc;

    private static String sha256Base64(byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Step 1 (GET /{media-id}) answers with this url; the webhook carries the sha256 of CONTENT. */
    private String postImageWithMediaUrl(String mediaId, String url) throws Exception {
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s","mime_type":"image/jpeg","id":"%s"}""".formatted(url, mediaId))));
        String body = fixture("image")
                .json()
                .replace("1003383421387256", mediaId)
                .replace(FIXTURE_SHA256, sha256Base64(CONTENT));
        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);
        return mediaId;
    }

    private Map<String, Object> settled(String mediaId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count(
                                "select count(*) from attachment where media_id = ? and state in ('STORED', 'FAILED')",
                                mediaId)
                        == 1);
        return jdbc.queryForMap("""
                select state, attempts, last_error,
                       (select count(*) from attachment_chunk c where c.attachment_id = a.id) as chunks
                  from attachment a where media_id = ?""", mediaId);
    }

    private static String mediaId(String prefix) {
        return prefix + System.nanoTime();
    }

    private static String bytesPath(String mediaId) {
        return "/whatsapp_business/attachments/?mid=" + mediaId;
    }

    @Test
    void aMalformedMediaUrlFailsAtOnceInsteadOfBeingClaimedForever() throws Exception {
        String mediaId = postImageWithMediaUrl(mediaId("91"), "ht tp://not a url");

        assertThat(settled(mediaId))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 1)
                .containsEntry("last_error", "media url is malformed");
    }

    @Test
    void aNonHttpMediaUrlFailsAtOnce() throws Exception {
        String mediaId = postImageWithMediaUrl(mediaId("92"), "file:///etc/passwd");

        assertThat(settled(mediaId))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 1)
                .containsEntry("last_error", "media url is not https");
    }

    @Test
    void plainHttpToAHostAllowedOnlyOverHttpsIsNeverFetched() throws Exception {
        String mediaId = mediaId("93");
        GRAPH_API.stubFor(
                get(urlEqualTo(bytesPath(mediaId))).willReturn(aResponse().withBody(CONTENT)));

        postImageWithMediaUrl(mediaId, "http://127.0.0.1:" + GRAPH_API.port() + bytesPath(mediaId));

        assertThat(settled(mediaId))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 1)
                .containsEntry("last_error", "media url is not https");
        GRAPH_API.verify(0, getRequestedFor(urlEqualTo(bytesPath(mediaId))));
    }

    @Test
    void aHostOutsideTheAllowListIsNeverFetched() throws Exception {
        String mediaId = mediaId("94");
        GRAPH_API.stubFor(
                get(urlEqualTo(bytesPath(mediaId))).willReturn(aResponse().withBody(CONTENT)));

        postImageWithMediaUrl(mediaId, "http://127.0.0.2:" + GRAPH_API.port() + bytesPath(mediaId));

        assertThat(settled(mediaId))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 1)
                .containsEntry("last_error", "media host is not allowed");
        GRAPH_API.verify(0, getRequestedFor(urlEqualTo(bytesPath(mediaId))));
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedSoTheTokenStaysHome() throws Exception {
        String mediaId = mediaId("95");
        GRAPH_API.stubFor(get(urlEqualTo(bytesPath(mediaId)))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.2:" + GRAPH_API.port() + "/collector/" + mediaId)));
        GRAPH_API.stubFor(
                get(urlPathMatching("/collector/.*")).willReturn(aResponse().withBody(CONTENT)));

        postImageWithMediaUrl(mediaId, GRAPH_API.baseUrl() + bytesPath(mediaId));

        assertThat(settled(mediaId))
                .containsEntry("state", "FAILED")
                .containsEntry("attempts", 1)
                .containsEntry("last_error", "redirect to another host refused");
        GRAPH_API.verify(0, getRequestedFor(urlEqualTo("/collector/" + mediaId)));
    }

    @Test
    void aRedirectOnTheSameHostIsFollowed() throws Exception {
        String mediaId = mediaId("96");
        GRAPH_API.stubFor(get(urlEqualTo(bytesPath(mediaId)))
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/moved/" + mediaId)));
        GRAPH_API.stubFor(
                get(urlEqualTo("/moved/" + mediaId)).willReturn(aResponse().withBody(CONTENT)));

        postImageWithMediaUrl(mediaId, GRAPH_API.baseUrl() + bytesPath(mediaId));

        assertThat(settled(mediaId)).containsEntry("state", "STORED").containsEntry("chunks", 1L);
        Long id = jdbc.queryForObject("select id from attachment where media_id = ?", Long.class, mediaId);
        assertThat(hub.get("/api/attachments/" + id + "/content", IdentityProvider.supervisor())
                        .body())
                .isEqualTo(new String(CONTENT, StandardCharsets.UTF_8));
    }

    @Test
    void bytesNotMatchingTheWebhooksSha256AreNeverStoredEvenWhenTheGraphApiAgrees() throws Exception {
        String mediaId = mediaId("97");
        byte[] other = "swapped on the way".getBytes(StandardCharsets.UTF_8);
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s","mime_type":"image/jpeg","sha256":"%s","id":"%s"}""".formatted(
                        GRAPH_API.baseUrl() + bytesPath(mediaId), sha256Base64(other), mediaId))));
        GRAPH_API.stubFor(
                get(urlEqualTo(bytesPath(mediaId))).willReturn(aResponse().withBody(other)));
        String body = fixture("image")
                .json()
                .replace("1003383421387256", mediaId)
                .replace(FIXTURE_SHA256, sha256Base64(CONTENT));

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        assertThat(settled(mediaId))
                .containsEntry("state", "FAILED")
                .containsEntry("last_error", "sha256 mismatch")
                .containsEntry("chunks", 0L);
    }
}
