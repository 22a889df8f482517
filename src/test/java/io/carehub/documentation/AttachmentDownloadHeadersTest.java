package io.carehub.documentation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.Fixture.fixture;
import static io.carehub.GraphApiStub.GRAPH_API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * §4 Security for R18: a customer's file reaches the agent desktop sandboxed and never sniffed; only plain raster
 * images show inline, everything else (HTML, SVG, ...) is a download.
 */
@HubTest
class AttachmentDownloadHeadersTest {

    private static final String FIXTURE_SHA256 = "V69Oop1g7UtiGbzrzlZHmgIBTr92jcqxdykvT0Ecyt0=";

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    /** A customer sends a file of {@code mimeType} (as the webhook announces it); the agent opens it. */
    private HttpResponse<String> sentAndOpened(String mimeType, String content) throws Exception {
        String mediaId = "81" + System.nanoTime();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha256 = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId))
                .willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/files/%s","mime_type":"%s","id":"%s"}""".formatted(GRAPH_API.baseUrl(), mediaId, mimeType, mediaId))));
        GRAPH_API.stubFor(
                get(urlEqualTo("/files/" + mediaId)).willReturn(aResponse().withBody(bytes)));
        String body = fixture("image")
                .json()
                .replace("1003383421387256", mediaId)
                .replace(FIXTURE_SHA256, sha256)
                .replace("\"image/jpeg\"", "\"" + mimeType + "\"");
        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from attachment where media_id = ? and state = 'STORED'", mediaId)
                                == 1);
        Long id = jdbc.queryForObject("select id from attachment where media_id = ?", Long.class, mediaId);
        HttpResponse<String> response = hub.get("/api/attachments/" + id + "/content", IdentityProvider.supervisor());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        return response;
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("(missing)");
    }

    @Test
    void htmlIsADownloadThatTheBrowserNeitherSniffsNorRuns() throws Exception {
        HttpResponse<String> response = sentAndOpened("text/html", "<script>alert(document.cookie)</script>");

        assertThat(header(response, "Content-Disposition")).startsWith("attachment;");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Content-Security-Policy")).isEqualTo("sandbox");
    }

    @Test
    void svgIsADownloadNotAnInlineImage() throws Exception {
        HttpResponse<String> response =
                sentAndOpened("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");

        assertThat(header(response, "Content-Disposition")).startsWith("attachment;");
        assertThat(header(response, "Content-Security-Policy")).isEqualTo("sandbox");
    }

    @Test
    void aJpegShowsInlineButStaysSandboxedAndUnsniffed() throws Exception {
        HttpResponse<String> response = sentAndOpened("image/jpeg", "jpeg stand-in bytes");

        assertThat(header(response, "Content-Disposition")).startsWith("inline;");
        assertThat(header(response, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Content-Security-Policy")).isEqualTo("sandbox");
    }
}
