package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R6/R18: owner of the table {@code attachment}: media documented as pending with its message, claimed
 * by the download route, stored (R19: encrypted, in {@link AttachmentChunks}) or failed, and purged. Its reads (the
 * history API, the ops API's downloads, the access-request export) are {@link AttachmentQueries}'. The other tables'
 * owners are listed in {@link Contacts}.
 */
@Component
public class Attachments {

    /** R19: associated data of the encrypted file name (the customer names the file: it may name them). */
    static final String FILENAME = "attachment.filename";

    private final NamedParameterJdbcTemplate jdbc;
    private final AttachmentChunks chunks;
    private final ContactKeys keys;
    private final TransactionTemplate tx;

    Attachments(NamedParameterJdbcTemplate jdbc, AttachmentChunks chunks, ContactKeys keys, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.chunks = chunks;
        this.keys = keys;
        this.tx = tx;
    }

    /** An attachment due for download; {@code attempts} counts this one; {@code createdAt}: when its message came. */
    public record Due(long id, String mediaId, String sha256, int attempts, Instant createdAt) {}

    /**
     * R6: documents the media of fresh messages as pending, set-based. Arrays are made storable. R19: file names are
     * encrypted with the key of the message's contact ({@code contacts[i]}).
     */
    void insertPending(
            long[] messageIds,
            long[] contacts,
            String[] mediaIds,
            String[] mimes,
            String[] sha256s,
            String[] filenames) {
        Map<Long, ContactCipher> ciphers =
                keys.forContacts(java.util.Arrays.stream(contacts).boxed().toList());
        String[] sealed = new String[filenames.length];
        for (int i = 0; i < filenames.length; i++) {
            byte[] name = ciphers.get(contacts[i]).seal(filenames[i], FILENAME);
            sealed[i] = name == null ? null : java.util.Base64.getEncoder().encodeToString(name);
        }
        jdbc.update(
                """
                insert into attachment (message_id, media_id, mime_type, sha256, filename)
                select m, i, t, s, decode(f, 'base64')
                  from unnest(cast(:messages as bigint[]), cast(:mediaIds as text[]), cast(:mimes as text[]),
                              cast(:sha256s as text[]), cast(:filenames as text[])) as a(m, i, t, s, f)
                on conflict (message_id, media_id) do nothing""",
                StorableText.params()
                        .addValue("messages", messageIds)
                        .addValue("mediaIds", mediaIds)
                        .addValue("mimes", mimes)
                        .addValue("sha256s", sha256s)
                        .addValue("filenames", sealed));
    }

    /**
     * R6/R46: claims up to {@code limit} due attachments for {@code lease}: the lease (next_attempt_at moved
     * forward) keeps other instances off while this one downloads.
     */
    public List<Due> claimDue(Duration lease, int limit) {
        return jdbc.query(
                """
                update attachment a
                   set attempts = a.attempts + 1,
                       next_attempt_at = now() + make_interval(secs => :lease)
                  from (select id from attachment
                         where state = 'PENDING' and next_attempt_at <= now()
                         order by next_attempt_at
                         limit :limit
                         for update skip locked) due
                 where a.id = due.id
                returning a.id, a.media_id, a.sha256, a.attempts, a.created_at""",
                new MapSqlParameterSource().addValue("lease", lease.toSeconds()).addValue("limit", limit),
                (rs, i) -> new Due(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()));
    }

    /**
     * R6/R19: stores the attachment's bytes as they stream in, encrypted with its contact's key, in one transaction:
     * {@code verification} runs once {@code content} is read to its end, and when it throws (sha256 mismatch) nothing
     * written stays. The announced mime type wins over the download's. False when the attachment is no longer
     * pending (another instance stored it, or it was deleted meanwhile).
     */
    public boolean store(long id, String mimeType, InputStream content, Verification verification) throws IOException {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> {
                try {
                    return storeLocked(id, mimeType, content, verification);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean storeLocked(long id, String mimeType, InputStream content, Verification verification)
            throws IOException {
        List<Long> contact = jdbc.queryForList("""
                select c.contact_id from attachment a
                  join message m on m.id = a.message_id join conversation c on c.id = m.conversation_id
                 where a.id = :id and a.state = 'PENDING' for update of a""", Map.of("id", id), Long.class);
        if (contact.isEmpty()) {
            return false;
        }
        CountingInputStream counted = new CountingInputStream(content);
        chunks.write(id, keys.forContact(contact.getFirst()), counted);
        verification.verify();
        jdbc.update(
                """
                update attachment
                   set size_bytes = :size, state = 'STORED', stored_at = now(),
                       mime_type = coalesce(mime_type, :mime), last_error = null
                 where id = :id""",
                new MapSqlParameterSource()
                        .addValue("size", counted.count())
                        .addValue("mime", mimeType)
                        .addValue("id", id));
        return true;
    }

    /** Checks the bytes once they were read to their end; throwing discards them. */
    @FunctionalInterface
    public interface Verification {
        void verify() throws IOException;
    }

    /** R6: a failed attempt: retried at {@code next}, or FAILED for good when {@code giveUp}. */
    public void failed(long id, boolean giveUp, String reason, Instant next) {
        jdbc.update(
                """
                update attachment
                   set state = case when :final then 'FAILED' else 'PENDING' end,
                       last_error = :reason,
                       next_attempt_at = :next
                 where id = :id and state = 'PENDING'""",
                new MapSqlParameterSource()
                        .addValue("final", giveUp)
                        .addValue("reason", reason)
                        .addValue("next", Timestamp.from(next))
                        .addValue("id", id));
    }

    // i15-retention: three-month purge and archive expiry (R30, R31)

    /** R30: deletes up to {@code limit} attachments of messages stored before {@code cutoff}, archive excepted. */
    public int purgeStoredBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from attachment where id in (
                  select a.id from message m join attachment a on a.message_id = m.id
                   where m.documented_at < :cutoff
                     and not exists (select 1 from conversation c where c.id = m.conversation_id and c.archive_class is not null)
                   limit :limit)""", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("limit", limit));
    }

    /** R31: deletes the attachments of a conversation whose archive period ended. */
    public int deleteOfConversation(long conversationId) {
        return jdbc.update("""
                delete from attachment a using message m
                 where a.message_id = m.id and m.conversation_id = :conversation""", new MapSqlParameterSource("conversation", conversationId));
    }

    // i16-upload: secure uploads (R16)

    /**
     * R16: files a secure upload's attachment as pending, to be {@link #store stored} in the same transaction (the
     * download route never sees it pending). {@code mediaId} names the upload; the file name is the hub's own, never
     * the client's.
     */
    public long insertUpload(long messageId, String mediaId, String mimeType, String filename) {
        return jdbc.queryForObject(
                """
                insert into attachment (message_id, media_id, mime_type, filename, attempts)
                values (:message, :media, :mime, :filename, 1)
                returning id""",
                new MapSqlParameterSource("message", messageId)
                        .addValue("media", mediaId)
                        .addValue("mime", mimeType)
                        // R19: the file name is sealed with the contact's key like every other attachment's
                        .addValue(
                                "filename",
                                keys.forContact(contactOf(messageId)).seal(filename, FILENAME)),
                Long.class);
    }

    private long contactOf(long messageId) {
        return jdbc.queryForObject("""
                select c.contact_id from message m join conversation c on c.id = m.conversation_id
                 where m.id = :id""", Map.of("id", messageId), Long.class);
    }

    // i18-redrive: media downloads in the ops API (R6, R45); listed by AttachmentQueries.downloads

    /**
     * R45: FAILED downloads ({@code id}, or all when null) become PENDING again with a fresh attempt count, due now;
     * returns their ids.
     */
    public List<Long> redriveFailed(Long id) {
        return jdbc.queryForList("""
                update attachment
                   set state = 'PENDING', attempts = 0, next_attempt_at = now()
                 where state = 'FAILED' and (cast(:id as bigint) is null or id = :id)
                returning id""", new MapSqlParameterSource("id", id), Long.class);
    }
}
