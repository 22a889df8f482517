package io.carehub.upload;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R16: owner of the table {@code upload_link}: one-time upload links, each known by the SHA-256 of its token only,
 * bound to a conversation and its contact. The other tables' owners are listed in {@code documentation.Contacts}.
 */
@Component
public class UploadLinks {

    /** What a link allows now. */
    public enum State {
        /** Open for one upload. */
        VALID,
        /** No link has this token. */
        UNKNOWN,
        /** Past its validity, or its conversation is closed. */
        EXPIRED,
        /** Its one upload happened. */
        USED
    }

    /** A link as its page and the upload see it. */
    record Link(long id, long conversationId, long contactId, Instant expiresAt, Instant usedAt, boolean open) {

        State state(Instant now) {
            if (usedAt != null) {
                return State.USED;
            }
            return open && expiresAt.isAfter(now) ? State.VALID : State.EXPIRED;
        }
    }

    private static final String SELECT = """
            select l.id, l.conversation_id, l.contact_id, l.expires_at, l.used_at,
                   c.status = 'OPEN' and c.contact_id = l.contact_id
              from upload_link l join conversation c on c.id = l.conversation_id
             where l.token_hash = :hash""";

    private static final RowMapper<Link> LINK = (rs, i) -> new Link(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
            rs.getBoolean(6));

    private final NamedParameterJdbcTemplate jdbc;

    UploadLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Files a link for the conversation (bound to its contact too); returns its id. */
    long create(byte[] tokenHash, long conversationId, String offeredBy, Instant now, Instant expiresAt) {
        Long id = jdbc.queryForObject(
                """
                insert into upload_link (token_hash, conversation_id, contact_id, offered_by, created_at, expires_at)
                select :hash, c.id, c.contact_id, :by, :now, :expires from conversation c where c.id = :conversation
                returning id""",
                new MapSqlParameterSource("hash", tokenHash)
                        .addValue("conversation", conversationId)
                        .addValue("by", offeredBy)
                        .addValue("now", Timestamp.from(now))
                        .addValue("expires", Timestamp.from(expiresAt)),
                Long.class);
        return id == null ? 0 : id;
    }

    /** The link with this token hash, read without a lock (the page before the upload). */
    Optional<Link> find(byte[] tokenHash) {
        return jdbc.query(SELECT, new MapSqlParameterSource("hash", tokenHash), LINK).stream()
                .findFirst();
    }

    /**
     * The link with this token hash, its row locked until the caller's transaction ends: of two uploads with one link
     * the second waits here and then sees the first one's {@code used_at}.
     */
    Optional<Link> lock(byte[] tokenHash) {
        return jdbc.query(SELECT + " for update of l", new MapSqlParameterSource("hash", tokenHash), LINK).stream()
                .findFirst();
    }

    /** Spends the link on the upload {@code messageId}; false when it was spent before. */
    boolean use(long id, long messageId, Instant now) {
        return jdbc.update(
                        "update upload_link set used_at = :now, message_id = :message where id = :id and used_at is null",
                        new MapSqlParameterSource("id", id)
                                .addValue("message", messageId)
                                .addValue("now", Timestamp.from(now)))
                == 1;
    }
}
