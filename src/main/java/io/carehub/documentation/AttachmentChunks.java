package io.carehub.documentation;

import com.google.crypto.tink.StreamingAead;
import io.carehub.crypto.ContactCipher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R6/R19: owner of the table {@code attachment_chunk}: an attachment's bytes encrypted with its contact's key
 * (streaming AEAD, associated data {@code "attachment:<id>"}), kept as numbered ciphertext chunks of
 * {@link #CHUNK_BYTES}. Both ways stream: a download is encrypted and written chunk by chunk as it arrives, a read
 * fetches one chunk per query while the client takes the plaintext, so neither holds more than a few chunks.
 *
 * <p>Why chunk rows: pgjdbc reads a bytea value whole (one 100 MB column could not stream on read), and PostgreSQL
 * large objects outlive their row (retention and erasure would have to {@code lo_unlink} each one); chunk rows go
 * with their attachment through the foreign key's cascade, found by the primary key's index.
 */
@Component
public class AttachmentChunks {

    /** Ciphertext bytes per row: four streaming-AEAD segments. */
    static final int CHUNK_BYTES = 4 * ContactCipher.STREAM_SEGMENT_BYTES;

    private final NamedParameterJdbcTemplate jdbc;

    AttachmentChunks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Receives the ciphertext chunks in order. */
    @FunctionalInterface
    interface ChunkSink {
        void put(int seq, byte[] bytes);
    }

    /** Gives the ciphertext chunk {@code seq}, or null after the last one. */
    @FunctionalInterface
    interface ChunkSource {
        byte[] get(int seq);
    }

    /** Encrypts {@code plaintext} to its end and writes it as the attachment's chunks (in the caller's transaction). */
    void write(long attachmentId, ContactCipher cipher, InputStream plaintext) throws IOException {
        jdbc.update("delete from attachment_chunk where attachment_id = :id", Map.of("id", attachmentId));
        encrypt(
                plaintext,
                cipher.streaming(),
                associated(attachmentId),
                (seq, bytes) -> jdbc.update(
                        "insert into attachment_chunk (attachment_id, seq, bytes) values (:id, :seq, :bytes)",
                        new MapSqlParameterSource("id", attachmentId)
                                .addValue("seq", seq)
                                .addValue("bytes", bytes)));
    }

    /**
     * Decrypts the attachment's chunks into {@code plaintext}. A tampered, missing or misplaced chunk ends it with an
     * {@link IOException} (the streaming AEAD authenticates every segment and the end of the stream).
     */
    void read(long attachmentId, ContactCipher cipher, OutputStream plaintext) throws IOException {
        decrypt(seq -> chunk(attachmentId, seq), cipher.streaming(), associated(attachmentId), plaintext);
    }

    private byte[] chunk(long attachmentId, int seq) {
        List<byte[]> rows = jdbc.query(
                "select bytes from attachment_chunk where attachment_id = :id and seq = :seq",
                new MapSqlParameterSource("id", attachmentId).addValue("seq", seq),
                (rs, i) -> rs.getBytes(1));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    static byte[] associated(long attachmentId) {
        return ("attachment:" + attachmentId).getBytes(StandardCharsets.UTF_8);
    }

    /** The pipeline of {@link #write}: plaintext → encrypting stream → chunks of {@link #CHUNK_BYTES}. */
    static void encrypt(InputStream plaintext, StreamingAead aead, byte[] associated, ChunkSink sink)
            throws IOException {
        try (OutputStream encrypting = aead.newEncryptingStream(new ChunkingStream(sink), associated)) {
            plaintext.transferTo(encrypting);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the streaming encryption", e);
        }
    }

    /**
     * The pipeline of {@link #read}: chunks → decrypting stream → plaintext. A chunk that does not authenticate ends
     * it with {@link UnreadableException}; an {@link IOException} comes only from {@code plaintext} (a client gone).
     */
    static void decrypt(ChunkSource chunks, StreamingAead aead, byte[] associated, OutputStream plaintext)
            throws IOException {
        InputStream decrypting;
        try {
            decrypting = aead.newDecryptingStream(new ChunksStream(chunks), associated);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the streaming decryption", e);
        }
        byte[] buffer = new byte[ContactCipher.STREAM_SEGMENT_BYTES];
        while (true) {
            int n;
            try {
                n = decrypting.read(buffer);
            } catch (IOException e) {
                throw new UnreadableException("the attachment's ciphertext does not authenticate", e);
            }
            if (n < 0) {
                return;
            }
            plaintext.write(buffer, 0, n);
        }
    }

    /** An attachment whose bytes cannot be decrypted: its contact's key is gone, or a chunk was altered or lost. */
    public static final class UnreadableException extends IllegalStateException {
        UnreadableException(String message) {
            super(message);
        }

        UnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Collects ciphertext into chunks of {@link #CHUNK_BYTES} and hands each full one (and the last) to the sink. */
    private static final class ChunkingStream extends OutputStream {

        private final ChunkSink sink;
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private int seq;
        private boolean closed;

        ChunkingStream(ChunkSink sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                if (filled == buffer.length) {
                    flushChunk();
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (filled > 0) {
                    flushChunk();
                }
            }
        }

        private void flushChunk() {
            sink.put(seq++, Arrays.copyOf(buffer, filled));
            filled = 0;
        }
    }

    /** Reads the chunks in order, asking for the next one only when the current one is used up. */
    private static final class ChunksStream extends InputStream {

        private final ChunkSource chunks;
        private byte[] current = new byte[0];
        private int position;
        private int seq;
        private boolean ended;

        ChunksStream(ChunkSource chunks) {
            this.chunks = chunks;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (ended) {
                    return -1;
                }
                byte[] next = chunks.get(seq++);
                if (next == null) {
                    ended = true;
                    return -1;
                }
                current = next;
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, bytes, offset, n);
            position += n;
            return n;
        }
    }
}
