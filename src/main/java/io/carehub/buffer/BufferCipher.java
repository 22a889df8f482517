package io.carehub.buffer;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.RegistryConfiguration;
import io.carehub.crypto.Keysets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;

/** R11: authenticated encryption (Tink AEAD, AES-256-GCM) of every payload in the buffer queue. */
@Component("bufferCipher")
public class BufferCipher {

    private static final byte[] ASSOCIATED_DATA = "carehub-buffer-v1".getBytes(StandardCharsets.US_ASCII);

    private final Aead aead;

    public BufferCipher(BufferProperties properties) throws GeneralSecurityException {
        this.aead = Keysets.aesGcm(properties.encryptionKey(), properties.keysetFile(), "carehub.buffer.encryption-key")
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
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
}
