package io.carehub.documentation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * §4 Security: how an attachment's bytes reach an agent desktop. The bytes come from customers, so a browser must
 * never run them: every answer is sandboxed and not sniffed, and only plain raster images may show inline; every
 * other type (HTML, SVG, PDF, ...) is a download. The body follows these headers as a stream (R19: decrypted on the
 * way), with its Content-Length, so a body cut short is a visible failure at the client.
 */
final class AttachmentDownloads {

    /** Raster images a browser renders without running anything. */
    static final Set<String> INLINE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private AttachmentDownloads() {}

    /** Sets the headers of a download of {@code sizeBytes} (streamed after them) on the response. */
    static void prepare(HttpServletResponse response, long id, String mimeType, Long sizeBytes) {
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
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox");
        if (sizeBytes != null) {
            response.setContentLengthLong(sizeBytes);
        }
    }
}
