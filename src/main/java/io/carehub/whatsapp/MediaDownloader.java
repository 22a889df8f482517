package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.documentation.Attachments;
import io.carehub.documentation.Attachments.Due;
import io.carehub.whatsapp.MediaUrlPolicy.MediaRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R6: two-step media download (GET /{media-id} → url, GET url with the bearer token), sha256
 * verified, stored as the attachment's bytes (R19: encrypted with the contact's key). The body streams from the
 * HTTP connection through the hash check and the encryption into storage; it is never held whole. Runs apart from message documentation, so a failing
 * download never blocks the text; failures are retried with backoff and recorded.
 */
@Component("mediaDownloader")
public class MediaDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);
    private static final int MAX_REDIRECTS = 3;

    private final Attachments attachments;
    private final WhatsappProperties whatsapp;
    private final MediaProperties media;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final HttpClient http;
    private final MediaUrlPolicy policy;

    public MediaDownloader(
            Attachments attachments,
            WhatsappProperties whatsapp,
            MediaProperties media,
            ObjectMapper mapper,
            Clock clock) {
        this.attachments = attachments;
        this.whatsapp = whatsapp;
        this.media = media;
        this.mapper = mapper;
        this.clock = clock;
        this.policy = new MediaUrlPolicy(media.allowedHosts(), media.plainHttpHosts());
        // redirects are followed by hand (sameOrigin): the client's own policy would send the token to any host
        this.http = HttpClient.newBuilder()
                .connectTimeout(media.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Claims due attachments (safe with several hub instances) and downloads them; returns how many were tried. */
    @Handler
    public int downloadDue() {
        if (whatsapp.standIn()
                || whatsapp.accessToken() == null
                || whatsapp.accessToken().isBlank()) {
            return 0; // no Graph API to download from: logged once at start-up by the secrets check
        }
        List<Due> due = claim();
        for (Due attachment : due) {
            download(attachment);
        }
        return due.size();
    }

    private List<Due> claim() {
        return attachments.claimDue(media.timeout().multipliedBy(3), media.batchSize());
    }

    void download(Due attachment) {
        try {
            JsonNode meta;
            try (InputStream body = get(graphUrl(attachment.mediaId()))) {
                meta = mapper.readTree(capped(body, 64 * 1024));
            }
            String url = meta.path("url").asText(null);
            if (url == null) {
                throw new MediaException("media metadata without url");
            }
            try (InputStream body = get(policy.check(url))) {
                // R6: the bytes must match the sha256 of the webhook and the one the Graph API reports
                VerifiedMedia content = new VerifiedMedia(
                        body,
                        media.maxBytes().toBytes(),
                        Arrays.asList(attachment.sha256(), meta.path("sha256").asText(null)));
                if (attachments.store(attachment.id(), meta.path("mime_type").asText(null), content, content::verify)) {
                    // the media id is not logged: it comes from the webhook body (the fuzzer put personal data into
                    // one)
                    LOG.info("media of attachment {} stored encrypted", attachment.id());
                }
            }
        } catch (MediaRefusedException e) {
            failed(attachment, e.getMessage(), true);
        } catch (IllegalArgumentException e) {
            failed(attachment, "media url refused by the HTTP client", true);
        } catch (IOException e) {
            failed(attachment, e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(attachment, "interrupted", false);
        }
    }

    /**
     * {@code refused}: a URL the hub will never fetch, FAILED at once (a retry would get the same URL). R6: other
     * failures are retried over the media id's validity ({@link MediaRetrySchedule}).
     */
    private void failed(Due attachment, String reason, boolean refused) {
        Instant now = clock.instant();
        Optional<Instant> next = refused
                ? Optional.empty()
                : MediaRetrySchedule.of(media).next(attachment.attempts(), attachment.createdAt(), now);
        boolean final_ = next.isEmpty();
        attachments.failed(attachment.id(), final_, reason, next.orElse(now));
        LOG.warn(
                "media of attachment {} download attempt {} failed ({}){}",
                attachment.id(),
                attachment.attempts(),
                reason,
                final_
                        ? ", giving up"
                        : ", retry in " + Duration.between(now, next.get()).toSeconds() + " s");
    }

    private URI graphUrl(String mediaId) {
        String base = whatsapp.graphBaseUrl().replaceAll("/+$", "");
        return URI.create(base + "/" + whatsapp.graphVersion() + "/"
                + java.net.URLEncoder.encode(mediaId, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * GET with the bearer token; redirects are followed only on the same scheme, host and port. The body of a 200,
     * unread: the caller streams it.
     */
    private InputStream get(URI uri) throws IOException, InterruptedException, MediaRefusedException {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            HttpRequest request = HttpRequest.newBuilder(current)
                    .timeout(media.timeout())
                    .header("Authorization", "Bearer " + whatsapp.accessToken())
                    .GET()
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            try (InputStream ignored = response.body()) {
                if (status >= 300 && status < 400 && redirects < MAX_REDIRECTS) {
                    current = sameOrigin(
                            uri,
                            current,
                            response.headers().firstValue("Location").orElse(null));
                    continue;
                }
                throw new MediaException("HTTP " + status + " from Graph API");
            }
        }
    }

    /** The media metadata (small JSON), read whole up to {@code limit} bytes. */
    private static byte[] capped(InputStream body, int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new MediaException("media metadata larger than " + limit + " bytes");
        }
        return bytes;
    }

    /** §4 Security: the bearer token goes to no other host, and never from HTTPS down to HTTP. */
    static URI sameOrigin(URI origin, URI current, String location) throws MediaRefusedException {
        URI target;
        try {
            target = current.resolve(new URI(location));
        } catch (URISyntaxException | NullPointerException | IllegalArgumentException e) {
            throw new MediaRefusedException("redirect without a valid location");
        }
        if (!origin.getScheme().equalsIgnoreCase(String.valueOf(target.getScheme()))
                || !origin.getHost().equalsIgnoreCase(String.valueOf(target.getHost()))
                || origin.getPort() != target.getPort()) {
            throw new MediaRefusedException("redirect to another host refused");
        }
        return target;
    }

    /** A download attempt that failed and may succeed when retried (HTTP error, too large, sha256 mismatch). */
    static final class MediaException extends IOException {
        MediaException(String message) {
            super(message);
        }
    }
}
