package io.carehub.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Tink AEAD keysets from configuration: either a Tink JSON keyset file (several keys, one primary: rotation) or one
 * base64 AES-256-GCM key (a keyset of one key with a fixed id, so ciphertexts stay readable across restarts).
 */
public final class Keysets {

    private Keysets() {}

    /**
     * @param property the configuration key of {@code base64Key}, named in errors
     */
    public static KeysetHandle aesGcm(String base64Key, String keysetFile, String property) {
        try {
            AeadConfig.register();
            if (keysetFile != null && !keysetFile.isBlank()) {
                return TinkJsonProtoKeysetFormat.parseKeyset(
                        Files.readString(Path.of(keysetFile)), InsecureSecretKeyAccess.get());
            }
            return single(base64Key, property);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keyset file of " + property, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid key material for " + property, e);
        }
    }

    private static KeysetHandle single(String base64Key, String property) throws GeneralSecurityException {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(property + " or its keyset file must be set");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(property + " must be base64 of 32 bytes");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(property + " must be base64 of 32 bytes, got " + raw.length);
        }
        AesGcmParameters parameters = AesGcmParameters.builder()
                .setKeySizeBytes(32)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                .build();
        AesGcmKey key = AesGcmKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                .build();
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(key).withFixedId(1).makePrimary())
                .build();
    }
}
