package io.carehub.documentation;

import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * §4 Security: how an attachment's bytes reach an agent desktop. The bytes come from customers, so a browser must
 * never run them: every answer is sandboxed and not sniffed, and only plain raster images may show inline; every
 * other type (HTML, SVG, PDF, ...) is a download.
 */
final class AttachmentDownloads {

    /** Raster images a browser renders without running anything. */
    static final Set<String> INLINE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private AttachmentDownloads() {}

    static ResponseEntity<byte[]> of(long id, String mimeType, byte[] bytes) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(mimeType);
        } catch (RuntimeException unknown) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        boolean inline = INLINE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename("attachment-" + id)
                .build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(bytes);
    }
}
