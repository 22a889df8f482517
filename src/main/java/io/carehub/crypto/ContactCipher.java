package io.carehub.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * R19: one contact's data key in use: AES-256-GCM for values (a column, a payload) and AES-GCM-HKDF streaming AEAD
 * for large content (attachments), both derived with HKDF from the contact's random 32-byte data key. The
 * associated data names where a ciphertext belongs (e.g. {@code "message.text_body"}), so a ciphertext copied into
 * another column or another contact's row does not decrypt.
 */
public final class ContactCipher {

    /** Ciphertext segment size of the streaming AEAD (attachments are read and written in segments this large). */
    public static final int STREAM_SEGMENT_BYTES = 64 * 1024;

    private final long contactId;
    private final Aead aead;
    private final StreamingAead streaming;

    ContactCipher(long contactId, byte[] dataKey) {
        this.contactId = contactId;
        try {
            byte[] salt = ("carehub-contact-" + contactId).getBytes(StandardCharsets.UTF_8);
            this.aead = new AesGcmJce(
                    Hkdf.computeHkdf("HMACSHA256", dataKey, salt, "values".getBytes(StandardCharsets.UTF_8), 32));
            this.streaming = new AesGcmHkdfStreaming(
                    Hkdf.computeHkdf("HMACSHA256", dataKey, salt, "streams".getBytes(StandardCharsets.UTF_8), 32),
                    "HmacSha256",
                    32,
                    STREAM_SEGMENT_BYTES,
                    0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the contact's keys", e);
        }
    }

    public long contactId() {
        return contactId;
    }

    /** Encrypts a value; null stays null. */
    public byte[] seal(String plaintext, String associated) {
        return plaintext == null ? null : seal(plaintext.getBytes(StandardCharsets.UTF_8), associated);
    }

    /** Encrypts bytes; null stays null. */
    public byte[] seal(byte[] plaintext, String associated) {
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext, associated.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts a value sealed with {@link #seal(String, String)}; null stays null. */
    public String openText(byte[] ciphertext, String associated) {
        byte[] plain = open(ciphertext, associated);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** Decrypts bytes sealed with {@link #seal(byte[], String)}; null stays null. */
    public byte[] open(byte[] ciphertext, String associated) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return aead.decrypt(ciphertext, associated.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new UnreadableException("a value of contact " + contactId + " does not decrypt (" + associated + ")");
        }
    }

    /**
     * The streaming AEAD for large content; use {@code newEncryptingStream} / {@code newDecryptingStream} with
     * associated data naming the item (e.g. {@code "attachment:" + id}).
     */
    public StreamingAead streaming() {
        return streaming;
    }

    /** A ciphertext that does not decrypt under the contact's key: tampered, misplaced, or its key was replaced. */
    public static final class UnreadableException extends IllegalStateException {
        UnreadableException(String message) {
            super(message);
        }
    }
}
