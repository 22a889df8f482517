package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R6: two-step media download (GET /{media-id} → url, GET url with the bearer token), sha256
 * verified, stored as the attachment's bytes. Runs apart from message documentation, so a failing
 * download never blocks the text; failures are retried with backoff and recorded.
 */
@Component("mediaDownloader")
public class MediaDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final WhatsappProperties whatsapp;
    private final MediaProperties media;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http;

    record Due(long id, String mediaId, String sha256, int attempts) {
    }

    public MediaDownloader(NamedParameterJdbcTemplate jdbc, WhatsappProperties whatsapp, MediaProperties media,
            ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.whatsapp = whatsapp;
        this.media = media;
        this.mapper = mapper;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(media.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Claims due attachments (safe with several hub instances) and downloads them; returns how many were tried. */
    @Handler
    public int downloadDue() {
        if (whatsapp.standIn() || whatsapp.accessToken() == null || whatsapp.accessToken().isBlank()) {
            return 0; // no Graph API to download from: logged once at start-up by the secrets check
        }
        List<Due> due = claim();
        for (Due attachment : due) {
            download(attachment);
        }
        return due.size();
    }

    private List<Due> claim() {
        // the lease (next_attempt_at moved forward) keeps other instances off while we download
        return jdbc.query("""
                update attachment a
                   set attempts = a.attempts + 1,
                       next_attempt_at = now() + make_interval(secs => :lease)
                  from (select id from attachment
                         where state = 'PENDING' and next_attempt_at <= now()
                         order by next_attempt_at
                         limit :limit
                         for update skip locked) due
                 where a.id = due.id
                returning a.id, a.media_id, a.sha256, a.attempts""",
                new MapSqlParameterSource()
                        .addValue("lease", media.timeout().multipliedBy(3).toSeconds())
                        .addValue("limit", media.batchSize()),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    void download(Due attachment) {
        try {
            JsonNode meta = mapper.readTree(get(graphUrl(attachment.mediaId()), 64 * 1024));
            String url = meta.path("url").asText(null);
            if (url == null) {
                throw new MediaException("media metadata without url");
            }
            byte[] content = get(URI.create(url), media.maxBytes().toBytes());
            String expected = meta.path("sha256").asText(attachment.sha256());
            if (!sha256Matches(content, expected)) {
                throw new MediaException("sha256 mismatch");
            }
            jdbc.update("""
                    update attachment
                       set content = :content, size_bytes = :size, state = 'STORED', stored_at = now(),
                           mime_type = coalesce(mime_type, :mime), last_error = null
                     where id = :id and state = 'PENDING'""",
                    new MapSqlParameterSource()
                            .addValue("content", content).addValue("size", content.length)
                            .addValue("mime", meta.path("mime_type").asText(null)).addValue("id", attachment.id()));
            // the media id is not logged: it comes from the webhook body (the fuzzer put personal data into one)
            LOG.info("media of attachment {} stored ({} bytes)", attachment.id(), content.length);
        } catch (IOException | MediaException e) {
            failed(attachment, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(attachment, "interrupted");
        }
    }

    private void failed(Due attachment, String reason) {
        boolean final_ = attachment.attempts() >= media.maxAttempts();
        Duration backoff = media.firstBackoff().multipliedBy(1L << Math.min(attachment.attempts() - 1, 20));
        if (backoff.compareTo(media.maxBackoff()) > 0) {
            backoff = media.maxBackoff();
        }
        jdbc.update("""
                update attachment
                   set state = case when :final then 'FAILED' else 'PENDING' end,
                       last_error = :reason,
                       next_attempt_at = :next
                 where id = :id and state = 'PENDING'""",
                new MapSqlParameterSource()
                        .addValue("final", final_).addValue("reason", reason)
                        .addValue("next", Timestamp.from(clock.instant().plus(backoff))).addValue("id", attachment.id()));
        LOG.warn("media of attachment {} download attempt {} failed ({}){}", attachment.id(), attachment.attempts(), reason,
                final_ ? ", giving up" : ", retry in " + backoff.toSeconds() + " s");
    }

    private URI graphUrl(String mediaId) {
        String base = whatsapp.graphBaseUrl().replaceAll("/+$", "");
        return URI.create(base + "/" + whatsapp.graphVersion() + "/" + java.net.URLEncoder.encode(mediaId,
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private byte[] get(URI uri, long limit) throws IOException, InterruptedException, MediaException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(media.timeout())
                .header("Authorization", "Bearer " + whatsapp.accessToken())
                .GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new MediaException("HTTP " + response.statusCode() + " from Graph API");
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new MediaException("media larger than " + limit + " bytes");
            }
            return bytes;
        }
    }

    /** WhatsApp reports sha256 as hex (media URL response) or base64 (webhook); accept either. */
    static boolean sha256Matches(byte[] content, String expected) {
        if (expected == null || expected.isBlank()) {
            return true;
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String trimmed = expected.trim();
        return HexFormat.of().formatHex(digest).equalsIgnoreCase(trimmed)
                || Base64.getEncoder().encodeToString(digest).equals(trimmed);
    }

    static final class MediaException extends Exception {
        MediaException(String message) {
            super(message);
        }
    }
}
