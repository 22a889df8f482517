package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.documentation.AttachmentChunks.UnreadableException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R18/R45/R50: the reads of the table {@code attachment} (the read side of {@link Attachments}, which holds every
 * write): the history's list and download, the ops API's download states and the access-request export. Bytes are
 * decrypted as they stream (R19).
 */
@Component
public class AttachmentQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final AttachmentChunks chunks;
    private final ContactKeys keys;

    AttachmentQueries(NamedParameterJdbcTemplate jdbc, AttachmentChunks chunks, ContactKeys keys) {
        this.jdbc = jdbc;
        this.chunks = chunks;
        this.keys = keys;
    }

    /** R18: an attachment as the history lists it. */
    public record Listed(
            long id, long messageId, String mediaId, String mimeType, String filename, Long sizeBytes, String state) {}

    /** R18/R50: a stored attachment's description, or the state that keeps its bytes from being served. */
    public record Content(long id, String mimeType, String state, Long sizeBytes, long contactId) {}

    /** R18: the attachments of the messages (all of one conversation), oldest first. */
    void ofMessages(Collection<Long> messageIds, Consumer<Listed> each) {
        jdbc.query("""
                select a.id, a.message_id, a.media_id, a.mime_type, a.filename, a.size_bytes, a.state, c.contact_id
                  from attachment a join message m on m.id = a.message_id
                  join conversation c on c.id = m.conversation_id
                 where a.message_id in (:ids) order by a.id""", Map.of("ids", messageIds), rs -> {
            ContactCipher cipher = keys.existing(rs.getLong(8)).orElse(null);
            each.accept(AttachmentRows.listed(rs, cipher));
        });
    }

    /** R18/R50: what a reader (the download API, an export) needs before it streams the bytes. */
    public Optional<Content> content(long id) {
        return jdbc
                .query(
                        """
                        select a.mime_type, a.state, a.size_bytes, c.contact_id from attachment a
                          join message m on m.id = a.message_id join conversation c on c.id = m.conversation_id
                         where a.id = :id""",
                        Map.of("id", id),
                        (rs, i) -> new Content(
                                id, rs.getString(1), rs.getString(2), (Long) rs.getObject(3), rs.getLong(4)))
                .stream()
                .findFirst();
    }

    /**
     * R18/R19: decrypts the stored bytes into {@code out} as they are read. {@link UnreadableException} when the
     * contact's key is gone (erased) or a chunk does not authenticate (tampered, missing, misplaced); an
     * {@link IOException} only from {@code out}.
     */
    public void read(Content content, OutputStream out) throws IOException {
        ContactCipher cipher = keys.existing(content.contactId())
                .orElseThrow(() -> new UnreadableException(
                        "attachment " + content.id() + " can no longer be read: its contact's key is gone"));
        try {
            chunks.read(content.id(), cipher, out);
        } catch (UnreadableException e) {
            throw new UnreadableException("attachment " + content.id() + " does not decrypt", e);
        }
    }

    /**
     * R45: a download as ops see it, without content: state, attempts, last error (the hub's own words), when the
     * message came, and for a PENDING one when the next attempt is due.
     */
    public record Download(
            long id,
            long messageId,
            long conversationId,
            String mimeType,
            String state,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt) {}

    /** R45: downloads in {@code state} (PENDING or FAILED), oldest first, at most {@code limit}. */
    public List<Download> downloads(String state, int limit) {
        return jdbc.query(
                """
                select a.id, a.message_id, m.conversation_id, a.mime_type, a.state, a.attempts, a.last_error,
                       a.created_at, case when a.state = 'PENDING' then a.next_attempt_at end
                  from attachment a join message m on m.id = a.message_id
                 where a.state = :state
                 order by a.created_at, a.id
                 limit :limit""", new MapSqlParameterSource("state", state).addValue("limit", limit), AttachmentRows::download);
    }

    // access-request export (R50)

    /** R50: an attachment's metadata as stored (its bytes go into the archive as a file of their own). */
    public record Exported(
            long id,
            long messageId,
            String mediaId,
            String mimeType,
            String filename,
            String sha256,
            Long sizeBytes,
            String state,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant storedAt) {}

    /** R50: the attachments of the contact's messages, oldest first. */
    public void exportOf(long contactId, Consumer<Exported> each) {
        StreamingReads.of(jdbc).query("""
                        select a.id, a.message_id, a.media_id, a.mime_type, a.filename, a.sha256, a.size_bytes,
                               a.state, a.attempts, a.last_error, a.created_at, a.stored_at
                          from attachment a
                          join message m on m.id = a.message_id
                          join conversation c on c.id = m.conversation_id
                         where c.contact_id = :contact order by a.id""", Map.of("contact", contactId), rs -> {
            ContactCipher cipher = keys.existing(contactId).orElse(null); // R19: null values after an erasure
            each.accept(AttachmentRows.exported(rs, cipher));
        });
    }

    /** R50: the stored bytes of the contact's attachments (the export's progress total). */
    public long storedBytesOfContact(long contactId) {
        Long total = jdbc.queryForObject("""
                select coalesce(sum(a.size_bytes), 0) from attachment a
                  join message m on m.id = a.message_id
                  join conversation c on c.id = m.conversation_id
                 where c.contact_id = :contact and a.state = 'STORED'""", Map.of("contact", contactId), Long.class);
        return total == null ? 0 : total;
    }

    /**
     * R50: writes one stored attachment's bytes, decrypted as they stream (R19), to {@code out}; false if it holds
     * none. {@code out} stays open.
     */
    public boolean exportContent(long id, OutputStream out) throws IOException {
        Optional<Content> content = content(id).filter(c -> "STORED".equals(c.state()));
        if (content.isEmpty()) {
            return false;
        }
        read(content.get(), out);
        return true;
    }
}
