package io.carehub.whatsapp;

import io.carehub.ops.HmacSha256;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R2: checks {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body bytes with the app secret)
 * before anything parses the body. Leaves the raw bytes as the message body.
 */
@Component("whatsappSignature")
public class SignatureVerifier {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final Logger SECURITY = LoggerFactory.getLogger("carehub.security");

    private final HmacSha256 hmac;

    public SignatureVerifier(WhatsappProperties properties) {
        this.hmac = new HmacSha256(properties.appSecret());
    }

    @Handler
    public void verify(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null) {
            body = new byte[0];
        }
        String header = exchange.getMessage().getHeader(HEADER, String.class);
        if (header == null || header.isBlank()) {
            SECURITY.warn(
                    "webhook refused: missing {} header, {} bytes, remote={}", HEADER, body.length, remote(exchange));
            throw new WebhookRejectedException(401, "missing " + HEADER + " header");
        }
        if (!matches(header.trim(), body)) {
            SECURITY.warn("webhook refused: invalid signature, {} bytes, remote={}", body.length, remote(exchange));
            throw new WebhookRejectedException(403, "invalid " + HEADER + " signature");
        }
        exchange.getMessage().setBody(body);
    }

    boolean matches(String header, byte[] body) {
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sign(body), given); // constant-time compare
    }

    /** HMAC-SHA256 of {@code body}; also used by tests and the README's example. */
    public byte[] sign(byte[] body) {
        return hmac.of(body);
    }

    private static String remote(Exchange exchange) {
        if (exchange.getMessage() instanceof org.apache.camel.http.common.HttpMessage http) {
            return http.getRequest().getRemoteAddr();
        }
        return "unknown";
    }
}
