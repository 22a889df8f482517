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
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R6/R19: a customer's file goes from the Graph API through the webhook's media download into encrypted chunks and
 * back out through the history API, byte for byte; nothing of it is stored in clear; a failed check keeps nothing;
 * an altered chunk is refused, not served.
 */
@HubTest
class EncryptedAttachmentsTest {

    private static final String FIXTURE_SHA256 = "V69Oop1g7UtiGbzrzlZHmgIBTr92jcqxdykvT0Ecyt0=";
    private static final String FIXTURE_MEDIA_ID = "1003383421387257";

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code size} bytes of noise with {@code marker} written in clear every 64 KiB. */
    private static byte[] file(int size, String marker) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] clear = marker.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + clear.length <= size; at += 64 * 1024) {
            System.arraycopy(clear, 0, bytes, at, clear.length);
        }
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    /**
     * A customer sends a PDF whose bytes the Graph API serves as {@code served}; the webhook announces the sha256 of
     * {@code announced}. Returns the attachment's id once its download settled.
     */
    private long sent(byte[] served, byte[] announced) throws Exception {
        String mediaId = "83" + System.nanoTime();
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/big-files/%s","mime_type":"application/pdf",
                 "sha256":"%s","file_size":%d,"id":"%s"}""".formatted(
                GRAPH_API.baseUrl(), mediaId, HexFormat.of().formatHex(sha256(served)), served.length, mediaId))));
        GRAPH_API.stubFor(get(urlEqualTo("/big-files/" + mediaId))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/pdf")
                        .withBody(served)));
        String body = fixture("document")
                .json()
                .replace(FIXTURE_MEDIA_ID, mediaId)
                .replace(FIXTURE_SHA256, Base64.getEncoder().encodeToString(sha256(announced)));
        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> db.count(
                                "select count(*) from attachment where media_id = ? and state in ('STORED', 'FAILED')",
                                mediaId)
                        == 1);
        return jdbc.queryForObject("select id from attachment where media_id = ?", Long.class, mediaId);
    }

    private HttpResponse<byte[]> download(long id) throws Exception {
        return http.send(
                hub.request("GET", "/api/attachments/" + id + "/content", IdentityProvider.supervisor(), null),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private long chunks(long id) {
        return db.count("select count(*) from attachment_chunk where attachment_id = ?", id);
    }

    private long chunksContaining(long id, String marker) {
        return db.count(
                "select count(*) from attachment_chunk where attachment_id = ? and position(? in bytes) > 0",
                id,
                marker.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMultiMegabyteFileRoundTripsByteForByteAndIsStoredOnlyEncrypted() throws Exception {
        String marker = "KLARTEXT-MARKE-" + System.nanoTime();
        byte[] file = file(6 * 1024 * 1024 + 12345, marker);

        long id = sent(file, file);

        assertThat(jdbc.queryForMap("select state, size_bytes from attachment where id = ?", id))
                .containsEntry("state", "STORED")
                .containsEntry("size_bytes", (long) file.length);
        assertThat(chunks(id)).isEqualTo(file.length / AttachmentChunks.CHUNK_BYTES + 1);
        assertThat(chunksContaining(id, marker)).isZero();
        HttpResponse<byte[]> response = download(id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(file.length));
        assertThat(response.body()).isEqualTo(file);
    }

    @Test
    void aShaMismatchFoundAfterSeveralChunksWereWrittenKeepsNone() throws Exception {
        byte[] file = file(2 * 1024 * 1024, "swapped");

        long id = sent(file, "the file the customer sent".getBytes(StandardCharsets.UTF_8));

        assertThat(jdbc.queryForMap("select state, last_error, size_bytes from attachment where id = ?", id))
                .containsEntry("state", "FAILED")
                .containsEntry("last_error", "sha256 mismatch")
                .containsEntry("size_bytes", null);
        assertThat(chunks(id)).isZero();
    }

    @Test
    void anAlteredChunkIsAnsweredWithAnErrorAndNoPlaintext() throws Exception {
        String marker = "KLARTEXT-MARKE-" + System.nanoTime();
        byte[] file = file(1024 * 1024, marker);
        long id = sent(file, file);
        assertThat(download(id).statusCode()).isEqualTo(200);

        // one bit of the second chunk flipped, as a tampered backup or a disk error would
        jdbc.update(
                "update attachment_chunk set bytes = set_byte(bytes, 1000, get_byte(bytes, 1000) # 1)"
                        + " where attachment_id = ? and seq = 1",
                id);

        HttpResponse<byte[]> response = download(id);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain(marker);
    }

    @Test
    void aLostLastChunkIsAnsweredWithAnErrorNotATruncatedFile() throws Exception {
        byte[] file = file(1024 * 1024, "truncated");
        long id = sent(file, file);

        jdbc.update(
                "delete from attachment_chunk where attachment_id = ? and seq = (select max(seq) from attachment_chunk"
                        + " where attachment_id = ?)",
                id,
                id);

        assertThat(download(id).statusCode()).isEqualTo(500);
    }

    @Test
    void deletingTheMessageDeletesTheAttachmentsChunks() throws Exception {
        byte[] file = file(600 * 1024, "deleted");
        long id = sent(file, file);
        assertThat(chunks(id)).isEqualTo(3);

        jdbc.update("delete from message where id = (select message_id from attachment where id = ?)", id);

        assertThat(chunks(id)).isZero();
    }
}
