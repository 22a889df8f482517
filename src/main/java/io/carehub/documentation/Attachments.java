package io.carehub.documentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
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
 * R6/R18: owner of the table {@code attachment}: media documented as pending with its message, claimed
 * by the download route, stored or failed, and read by the history API. The other tables' owners are
 * listed in {@link Contacts}.
 */
@Component
public class Attachments {

    private final NamedParameterJdbcTemplate jdbc;

    Attachments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An attachment due for download; {@code attempts} counts this one. */
    public record Due(long id, String mediaId, String sha256, int attempts) {}

    /** R18: an attachment as the history lists it. */
    public record Listed(
            long id, long messageId, String mediaId, String mimeType, String filename, Long sizeBytes, String state) {}

    /** R18: the stored bytes, or the state that keeps them from being served. */
    public record Content(String mimeType, byte[] bytes, String state) {}

    /** R6: documents the media of fresh messages as pending, set-based. Arrays are made storable. */
    void insertPending(long[] messageIds, String[] mediaIds, String[] mimes, String[] sha256s, String[] filenames) {
        jdbc.update(
                """
                insert into attachment (message_id, media_id, mime_type, sha256, filename)
                select * from unnest(cast(:messages as bigint[]), cast(:mediaIds as text[]), cast(:mimes as text[]),
                                     cast(:sha256s as text[]), cast(:filenames as text[]))
                on conflict (message_id, media_id) do nothing""",
                StorableText.params()
                        .addValue("messages", messageIds)
                        .addValue("mediaIds", mediaIds)
                        .addValue("mimes", mimes)
                        .addValue("sha256s", sha256s)
                        .addValue("filenames", filenames));
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
                returning a.id, a.media_id, a.sha256, a.attempts""",
                new MapSqlParameterSource().addValue("lease", lease.toSeconds()).addValue("limit", limit),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
    }

    /** R6: the verified bytes; the announced mime type wins over the download's. */
    public void stored(long id, byte[] content, String mimeType) {
        jdbc.update(
                """
                update attachment
                   set content = :content, size_bytes = :size, state = 'STORED', stored_at = now(),
                       mime_type = coalesce(mime_type, :mime), last_error = null
                 where id = :id and state = 'PENDING'""",
                new MapSqlParameterSource()
                        .addValue("content", content)
                        .addValue("size", content.length)
                        .addValue("mime", mimeType)
                        .addValue("id", id));
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

    /** R18: the attachments of the messages, oldest first. */
    void ofMessages(Collection<Long> messageIds, Consumer<Listed> each) {
        jdbc.query("""
                select id, message_id, media_id, mime_type, filename, size_bytes, state
                  from attachment where message_id in (:ids) order by id""", Map.of("ids", messageIds), rs -> {
            each.accept(new Listed(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    (Long) rs.getObject(6),
                    rs.getString(7)));
        });
    }

    Optional<Content> content(long id) {
        return jdbc
                .query(
                        "select mime_type, content, state from attachment where id = :id",
                        Map.of("id", id),
                        (rs, i) -> new Content(rs.getString(1), rs.getBytes(2), rs.getString(3)))
                .stream()
                .findFirst();
    }

    // ---- access-request export (R50) ----

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

    /** R50: reads one attachment's stored bytes; the stream is open only during the call. */
    public interface ContentReader {
        void read(InputStream bytes) throws IOException;
    }

    /** R50: the attachments of the contact's messages, oldest first. */
    public void exportOf(long contactId, Consumer<Exported> each) {
        StreamingReads.of(jdbc).query("""
                        select a.id, a.message_id, a.media_id, a.mime_type, a.filename, a.sha256, a.size_bytes,
                               a.state, a.attempts, a.last_error, a.created_at, a.stored_at
                          from attachment a
                          join message m on m.id = a.message_id
                          join conversation c on c.id = m.conversation_id
                         where c.contact_id = :contact order by a.id""", Map.of("contact", contactId), rs -> {
            Timestamp stored = rs.getTimestamp(12);
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    (Long) rs.getObject(7),
                    rs.getString(8),
                    rs.getInt(9),
                    rs.getString(10),
                    rs.getTimestamp(11).toInstant(),
                    stored == null ? null : stored.toInstant()));
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

    /** R50: hands one stored attachment's bytes to {@code reader}, one attachment at a time; false if none stored. */
    public boolean exportContent(long id, ContentReader reader) {
        boolean[] found = {false};
        jdbc.query(
                "select content from attachment where id = :id and state = 'STORED' and content is not null",
                Map.of("id", id),
                rs -> {
                    try (InputStream bytes = rs.getBinaryStream(1)) {
                        reader.read(bytes);
                        found[0] = true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return found[0];
    }
}
