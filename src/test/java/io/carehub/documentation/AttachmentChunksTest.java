package io.carehub.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import io.carehub.crypto.ContactCipher;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R6/R19: the attachment pipeline streams both ways: encrypting a 48 MB file never holds more than a few chunks
 * between what it has read and what it has handed to storage, and decrypting never more than a few chunks between
 * what it has fetched and what it has written out. Altered, lost or misplaced chunks do not decrypt.
 */
class AttachmentChunksTest {

    private static final long SIZE = 48L * 1024 * 1024;
    /** Chunk buffer, one segment in the AEAD, one transfer buffer, one chunk in flight: well under a megabyte. */
    private static final long BOUND = 2L * AttachmentChunks.CHUNK_BYTES + 2L * ContactCipher.STREAM_SEGMENT_BYTES;

    private final StreamingAead aead = aead();

    private static StreamingAead aead() {
        try {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) 7);
            return new AesGcmHkdfStreaming(key, "HmacSha256", 32, ContactCipher.STREAM_SEGMENT_BYTES, 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A generated file of {@code size} bytes that counts how much of it was read; the marker recurs in clear. */
    private static final class CountingSource extends InputStream {
        private final long size;
        private final byte[] pattern = "PLAIN-MARKER-0123456789-".repeat(100).getBytes(StandardCharsets.US_ASCII);
        long read;

        CountingSource(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (read == size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            for (int i = 0; i < n; i++) {
                bytes[offset + i] = pattern[(int) ((read + i) % pattern.length)];
            }
            read += n;
            return n;
        }
    }

    /** Stores the chunks' hashes only (48 MB of chunks would prove nothing about the pipeline's own buffering). */
    @Test
    void encryptingHoldsAtMostAFewChunksBetweenSourceAndStorage() throws Exception {
        CountingSource source = new CountingSource(SIZE);
        long[] stored = {0};
        long[] maxAhead = {0};
        int[] chunks = {0};

        AttachmentChunks.encrypt(source, aead, AttachmentChunks.associated(1), (seq, bytes) -> {
            assertThat(seq).isEqualTo(chunks[0]++);
            // read from the source but not yet in storage, as this chunk arrives
            maxAhead[0] = Math.max(maxAhead[0], source.read - stored[0]);
            stored[0] += bytes.length;
        });

        assertThat(source.read).isEqualTo(SIZE);
        assertThat(stored[0]).isGreaterThan(SIZE);
        assertThat(maxAhead[0]).isPositive().isLessThan(BOUND);
    }

    @Test
    void decryptingHoldsAtMostAFewChunksBetweenStorageAndClient() throws Exception {
        long size = 8L * 1024 * 1024;
        List<byte[]> stored = encrypted(new CountingSource(size), 1);
        long[] fetched = {0};
        long[] written = {0};
        long[] maxAhead = {0};
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        new CountingSource(size).transferTo(new DigestSink(expected));
        MessageDigest actual = MessageDigest.getInstance("SHA-256");

        AttachmentChunks.decrypt(
                seq -> {
                    if (seq >= stored.size()) {
                        return null;
                    }
                    fetched[0] += stored.get(seq).length;
                    maxAhead[0] = Math.max(maxAhead[0], fetched[0] - written[0]);
                    return stored.get(seq);
                },
                aead,
                AttachmentChunks.associated(1),
                new DigestSink(actual) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        super.write(bytes, offset, length);
                        written[0] += length;
                    }
                });

        assertThat(written[0]).isEqualTo(size);
        assertThat(actual.digest()).isEqualTo(expected.digest());
        assertThat(maxAhead[0]).isLessThan(BOUND);
    }

    @Test
    void theChunksHoldNoPlaintext() throws Exception {
        List<byte[]> stored = encrypted(new CountingSource(1024 * 1024), 1);

        for (byte[] chunk : stored) {
            assertThat(new String(chunk, StandardCharsets.ISO_8859_1)).doesNotContain("PLAIN-MARKER");
        }
    }

    @Test
    void anAlteredChunkDoesNotDecrypt() throws Exception {
        List<byte[]> stored = encrypted(new CountingSource(1024 * 1024), 1);
        stored.get(2)[1000] ^= 1;

        assertThatThrownBy(() -> decrypted(stored, 1)).isInstanceOf(AttachmentChunks.UnreadableException.class);
    }

    @Test
    void aLostLastChunkDoesNotDecrypt() throws Exception {
        List<byte[]> stored = encrypted(new CountingSource(1024 * 1024), 1);
        stored.removeLast();

        assertThatThrownBy(() -> decrypted(stored, 1)).isInstanceOf(AttachmentChunks.UnreadableException.class);
    }

    @Test
    void anotherAttachmentsChunksDoNotDecryptUnderThisOnesName() throws Exception {
        List<byte[]> stored = encrypted(new CountingSource(100_000), 1);

        assertThat(decrypted(stored, 1)).hasSize(100_000);
        assertThatThrownBy(() -> decrypted(stored, 2)).isInstanceOf(AttachmentChunks.UnreadableException.class);
    }

    private List<byte[]> encrypted(InputStream source, long attachmentId) throws Exception {
        List<byte[]> chunks = new ArrayList<>();
        AttachmentChunks.encrypt(source, aead, AttachmentChunks.associated(attachmentId), (seq, bytes) -> {
            assertThat(bytes.length).isLessThanOrEqualTo(AttachmentChunks.CHUNK_BYTES);
            chunks.add(bytes);
        });
        return chunks;
    }

    private byte[] decrypted(List<byte[]> chunks, long attachmentId) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AttachmentChunks.decrypt(
                seq -> seq < chunks.size() ? chunks.get(seq) : null,
                aead,
                AttachmentChunks.associated(attachmentId),
                out);
        return out.toByteArray();
    }

    private static class DigestSink extends OutputStream {
        private final MessageDigest digest;

        DigestSink(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public void write(int b) {
            digest.update((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
        }
    }
}
