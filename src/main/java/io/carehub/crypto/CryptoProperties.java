package io.carehub.crypto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R19 encryption at rest ({@code carehub.crypto.*}; defaults in application.yml).
 *
 * @param kek           the key-encryption key: base64 of 32 random bytes (AES-256-GCM); secret. Or use kekKeysetFile.
 * @param kekKeysetFile alternative to kek: a Tink JSON keyset of AES-GCM keys; its primary key wraps new data keys,
 *                      every key in it unwraps (rotation without downtime: add the new key, then make it primary)
 * @param lookupKey     the key of the keyed hashes (HMAC-SHA256) that identifiers are looked up by; secret
 * @param keyCacheTtl   how long an unwrapped data key stays in memory after it was loaded
 * @param keyCacheSize  how many unwrapped data keys stay in memory at most
 */
@Validated
@ConfigurationProperties("carehub.crypto")
public record CryptoProperties(
        String kek,
        String kekKeysetFile,
        String lookupKey,
        @NotNull Duration keyCacheTtl,
        @Min(1) int keyCacheSize) {}
