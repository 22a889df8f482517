package io.carehub.crypto;

import io.carehub.ops.HmacSha256;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * R19: the keyed hash an identifier (WhatsApp id, BSUID) is looked up and remembered by, never the plaintext:
 * HMAC-SHA256 under {@code carehub.crypto.lookup-key}, its own secret. The same identifier always gives the same
 * hash on every instance configured with the same key.
 */
@Component
public class LookupHash {

    private final HmacSha256 hmac;

    public LookupHash(CryptoProperties properties) {
        if (properties.lookupKey() == null || properties.lookupKey().isBlank()) {
            throw new IllegalStateException("carehub.crypto.lookup-key must be set");
        }
        this.hmac = new HmacSha256(properties.lookupKey());
    }

    /** The keyed hash of an identifier; null for null. */
    public byte[] of(String identifier) {
        return identifier == null ? null : hmac.of(identifier.getBytes(StandardCharsets.UTF_8));
    }
}
