package io.carehub.buffer;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** R11: authenticated encryption (Tink AEAD, AES-256-GCM) of every payload in the buffer queue. */
@Component("bufferCipher")
public class BufferCipher {

    private static final byte[] ASSOCIATED_DATA = "carehub-buffer-v1".getBytes(StandardCharsets.US_ASCII);

    private final Aead aead;

    public BufferCipher(BufferProperties properties) throws GeneralSecurityException, IOException {
        AeadConfig.register();
        this.aead = keyset(properties).getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    public byte[] encrypt(byte[] plaintext) {
        try {
            return aead.encrypt(plaintext, ASSOCIATED_DATA);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("buffer encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
        return aead.decrypt(ciphertext, ASSOCIATED_DATA);
    }

    private static KeysetHandle keyset(BufferProperties properties) throws GeneralSecurityException, IOException {
        if (properties.keysetFile() != null && !properties.keysetFile().isBlank()) {
            String json = Files.readString(Path.of(properties.keysetFile()));
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        }
        if (properties.encryptionKey() == null || properties.encryptionKey().isBlank()) {
            throw new IllegalStateException("carehub.buffer.encryption-key or carehub.buffer.keyset-file must be set");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(properties.encryptionKey().trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("carehub.buffer.encryption-key must be base64 of 32 bytes");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "carehub.buffer.encryption-key must be base64 of 32 bytes, got " + raw.length);
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
                .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                .build();
    }
}
