package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R6: the media body is hashed and counted as it streams; too many bytes fail while reading, a wrong hash after. */
class VerifiedMediaTest {

    private static final byte[] CONTENT = "carehub-verified-media".getBytes(StandardCharsets.UTF_8);

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    @Test
    void bytesMatchingTheWebhooksBase64AndTheGraphApisHexPass() throws Exception {
        VerifiedMedia media = new VerifiedMedia(
                new ByteArrayInputStream(CONTENT),
                CONTENT.length,
                Arrays.asList(
                        Base64.getEncoder().encodeToString(sha256(CONTENT)),
                        HexFormat.of().formatHex(sha256(CONTENT)),
                        null));

        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        media.transferTo(read);
        assertThat(read.toByteArray()).isEqualTo(CONTENT);
        media.verify();
    }

    @Test
    void bytesNotMatchingOneAnnouncedHashFail() throws Exception {
        byte[] other = "something else".getBytes(StandardCharsets.UTF_8);
        VerifiedMedia media = new VerifiedMedia(
                new ByteArrayInputStream(CONTENT),
                CONTENT.length,
                List.of(
                        HexFormat.of().formatHex(sha256(CONTENT)),
                        HexFormat.of().formatHex(sha256(other))));

        media.transferTo(OutputStream.nullOutputStream());
        assertThatThrownBy(media::verify).hasMessage("sha256 mismatch");
    }

    @Test
    void aBodyLargerThanTheLimitFailsAsSoonAsTheLimitIsPassed() {
        long limit = 1024 * 1024;
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                int n = Math.min(length, 8192);
                Arrays.fill(bytes, offset, offset + n, (byte) 'x');
                served[0] += n;
                return n;
            }
        };
        VerifiedMedia media = new VerifiedMedia(endless, limit, List.of());

        assertThatThrownBy(() -> media.transferTo(OutputStream.nullOutputStream()))
                .hasMessage("media larger than 1048576 bytes");
        assertThat(served[0]).isLessThanOrEqualTo(limit + 8192);
    }
}
