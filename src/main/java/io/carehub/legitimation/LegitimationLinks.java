package io.carehub.legitimation;

import io.carehub.pages.OneTimeToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R15: owner of the table {@code legitimation_link}: one-time links, stored by their token's hash only, bound to the
 * conversation they were sent in and its contact, used at most once. The rows go with their conversation (R30
 * purge, R33 erasure). The other tables' owners are listed in {@code documentation.Contacts}.
 */
@Component
class LegitimationLinks {

    enum State {
        OPEN,
        EXPIRED,
        USED
    }

    /** A link as stored; {@code secondsLeft} by the database's clock, the one that decides {@code state}. */
    record Link(long id, long contactId, long conversationId, Instant expiresAt, long secondsLeft, State state) {}

    private static final String SELECT = """
            select id, contact_id, conversation_id, expires_at, greatest(0, ceil(extract(epoch from expires_at - now()))),
                   case when used_at is not null then 'USED' when expires_at <= now() then 'EXPIRED' else 'OPEN' end
              from legitimation_link""";

    private final NamedParameterJdbcTemplate jdbc;

    LegitimationLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link for the conversation's contact, valid for {@code ttl}; the token is returned, only its hash stored. */
    Issued issue(long conversationId, String requestedBy, Duration ttl) {
        OneTimeToken token = OneTimeToken.generate();
        Instant expiresAt = jdbc.queryForObject(
                """
                insert into legitimation_link (token_hash, contact_id, conversation_id, requested_by, expires_at)
                select :hash, c.contact_id, c.id, :by, now() + make_interval(secs => :seconds)
                  from conversation c where c.id = :conversation
                returning expires_at""",
                new MapSqlParameterSource("hash", token.hash())
                        .addValue("conversation", conversationId)
                        .addValue("by", requestedBy)
                        .addValue("seconds", ttl.toMillis() / 1000.0),
                (rs, i) -> rs.getTimestamp(1).toInstant());
        return new Issued(token.token(), expiresAt);
    }

    record Issued(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]"; // never the token
        }
    }

    /** The link a token opens, if the token is one of ours. */
    Optional<Link> byToken(String token) {
        if (!OneTimeToken.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc
                .query(SELECT + " where token_hash = :hash", Map.of("hash", OneTimeToken.hash(token)), this::link)
                .stream()
                .findFirst();
    }

    Optional<Link> byId(long id) {
        return jdbc.query(SELECT + " where id = :id", Map.of("id", id), this::link).stream()
                .findFirst();
    }

    /** R15: single use: true for exactly one caller, and only while the link is unused and unexpired. */
    boolean use(long id) {
        return jdbc.update("""
                        update legitimation_link set used_at = now()
                         where id = :id and used_at is null and expires_at > now()""", Map.of("id", id)) == 1;
    }

    private Link link(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp(4);
        return new Link(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                expires.toInstant(),
                rs.getLong(5),
                State.valueOf(rs.getString(6)));
    }
}
