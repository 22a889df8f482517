package io.carehub.ops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one secret, computed per webhook request on the request threads (signature check,
 * message-group id): each thread keeps one keyed {@link Mac}, which {@code doFinal} resets for the next input.
 */
public final class HmacSha256 {

    private final ThreadLocal<Mac> macs;

    public HmacSha256(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    public byte[] of(byte[] input) {
        return macs.get().doFinal(input);
    }
}
