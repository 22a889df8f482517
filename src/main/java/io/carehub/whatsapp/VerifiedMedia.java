package io.carehub.whatsapp;

import io.carehub.whatsapp.MediaDownloader.MediaException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * R6: a media body as it streams from the Graph API to storage: hashed (SHA-256) and counted on the way, never held
 * whole. Reading past {@code maxBytes} fails at once; {@link #verify} (once read to the end) fails when the hash
 * differs from one that WhatsApp announced. Either failure discards what was stored (the store's transaction).
 */
final class VerifiedMedia extends FilterInputStream {

    private final long maxBytes;
    private final List<String> expectedSha256s;
    private final MessageDigest digest;
    private long count;

    /** {@code expectedSha256s}: hex (media URL response) or base64 (webhook); null or blank ones are not checked. */
    VerifiedMedia(InputStream body, long maxBytes, List<String> expectedSha256s) {
        super(body);
        this.maxBytes = maxBytes;
        this.expectedSha256s = expectedSha256s;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = super.read(bytes, offset, length);
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new MediaException("media larger than " + maxBytes + " bytes");
            }
            digest.update(bytes, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0; // every byte must pass through the digest
    }

    /** R6: the bytes read match every announced sha256. */
    void verify() throws MediaException {
        byte[] actual = digest.digest();
        String hex = HexFormat.of().formatHex(actual);
        String base64 = Base64.getEncoder().encodeToString(actual);
        for (String expected : expectedSha256s) {
            if (expected != null && !expected.isBlank()) {
                String trimmed = expected.trim();
                if (!hex.equalsIgnoreCase(trimmed) && !base64.equals(trimmed)) {
                    throw new MediaException("sha256 mismatch");
                }
            }
        }
    }
}
