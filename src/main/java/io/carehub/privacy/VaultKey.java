package io.carehub.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's key material (R26), derived with HKDF from {@code carehub.privacy.vault-key}
 * (base64 of 32 random bytes): an AES256-GCM key (Tink AEAD) for values and an HMAC key for the
 * same-value lookup. Every instance configured with the same key reads the same vault.
 */
final class VaultKey {

    private final Aead aead;
    private final byte[] macKey;

    private VaultKey(byte[] master) throws GeneralSecurityException {
        byte[] salt = "carehub-pseudonym-vault".getBytes(StandardCharsets.UTF_8);
        this.aead = new AesGcmJce(
                Hkdf.computeHkdf("HMACSHA256", master, salt, "aead".getBytes(StandardCharsets.UTF_8), 32));
        this.macKey = Hkdf.computeHkdf("HMACSHA256", master, salt, "mac".getBytes(StandardCharsets.UTF_8), 32);
    }

    static VaultKey fromBase64(String base64) {
        byte[] master;
        try {
            master = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("carehub.privacy.vault-key is not base64");
        }
        if (master.length != 32) {
            throw new IllegalArgumentException("carehub.privacy.vault-key must be 32 bytes, got " + master.length);
        }
        try {
            return new VaultKey(master);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive vault keys", e);
        }
    }

    static String randomBase64() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    byte[] encrypt(String plaintext, String associated) {
        try {
            return aead.encrypt(
                    plaintext.getBytes(StandardCharsets.UTF_8), associated.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("vault encryption failed", e);
        }
    }

    String decrypt(byte[] ciphertext, String associated) throws GeneralSecurityException {
        return new String(
                aead.decrypt(ciphertext, associated.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    byte[] mac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
