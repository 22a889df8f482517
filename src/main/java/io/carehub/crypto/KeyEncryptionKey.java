package io.carehub.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.security.GeneralSecurityException;

/**
 * R19: the key-encryption key from the secret store ({@code carehub.crypto.kek} or its keyset file): wraps and
 * unwraps data keys (a contact's, a month's), and names the keyset's primary key, the one new wraps use (rotation).
 */
final class KeyEncryptionKey {

    private final Aead kek;
    private final long primaryId;

    KeyEncryptionKey(CryptoProperties properties) {
        KeysetHandle keyset = Keysets.aesGcm(properties.kek(), properties.kekKeysetFile(), "carehub.crypto.kek");
        try {
            this.kek = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("carehub.crypto.kek is not an AEAD key", e);
        }
        this.primaryId = Integer.toUnsignedLong(keyset.getPrimary().getId());
    }

    /** The Tink key id of the keyset's primary key, stored beside each wrapped key. */
    long primaryId() {
        return primaryId;
    }

    byte[] wrap(byte[] dataKey, byte[] associated) {
        try {
            return kek.encrypt(dataKey, associated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a data key", e);
        }
    }

    /** @param whose names the data key in the error, e.g. "contact 42" (never personal data) */
    byte[] unwrap(byte[] wrapped, byte[] associated, String whose) {
        try {
            return kek.decrypt(wrapped, associated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the data key of " + whose + " does not unwrap: is carehub.crypto.kek the right key?");
        }
    }
}
