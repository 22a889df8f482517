package io.carehub.privacy;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Token → value map per dialog session in PostgreSQL, shared by all hub instances (R24, R26).
 * Values are encrypted at rest (Tink AEAD, AES256-GCM). A session lives at most
 * {@code carehub.privacy.session-ttl} (24 h) from its first token: every read checks expiry, a
 * scheduled purge deletes expired sessions, and {@link #deleteSession} ends one at dialog end.
 * Deleting a session makes its tokens unresolvable. Owner of the tables {@code pseudonym_session} and
 * {@code pseudonym}: all their SQL lives here (the other tables' owners are listed in
 * {@code documentation.Contacts}).
 */
public class PseudonymVault {

    private static final Logger log = LoggerFactory.getLogger(PseudonymVault.class);
    private static final int MAX_ATTEMPTS = 8;

    /** One stored pseudonym, decrypted. */
    record Pseudonym(String token, EntityType type, String value, String canonical) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final VaultKey key;
    private final Clock clock;
    private final Duration ttl;
    private final DeletionAudit audit;

    PseudonymVault(NamedParameterJdbcTemplate jdbc, VaultKey key, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("carehub.privacy.session-ttl must be > 0 and <= 24h (R26), got " + ttl);
        }
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.ttl = ttl;
        this.audit = new DeletionAudit(jdbc);
    }

    /** The value behind {@code token} in this session; empty when unknown, deleted or expired. */
    public Optional<String> resolve(String sessionId, String token) {
        List<byte[]> rows = jdbc.query("""
                        select p.value_enc, p.entity_type from pseudonym p
                        join pseudonym_session s on s.session_id = p.session_id
                        where p.session_id = :session and p.token = :token and s.expires_at > :now""", params(sessionId).addValue("token", token), (rs, i) -> rs.getBytes(1));
        if (rows.isEmpty()) return Optional.empty();
        try {
            return Optional.of(key.decrypt(rows.get(0), sessionId));
        } catch (GeneralSecurityException e) {
            log.warn("pseudonym of session {} cannot be decrypted (vault key changed?)", sessionId);
            return Optional.empty();
        }
    }

    /** All pseudonyms of a live session, decrypted (empty when expired or unknown). */
    List<Pseudonym> entries(String sessionId) {
        List<Pseudonym> result = new ArrayList<>();
        jdbc.query("""
                        select p.token, p.entity_type, p.value_enc, p.canonical_enc from pseudonym p
                        join pseudonym_session s on s.session_id = p.session_id
                        where p.session_id = :session and s.expires_at > :now order by p.created_at, p.seq""", params(sessionId), rs -> {
            try {
                result.add(new Pseudonym(
                        rs.getString(1),
                        EntityType.valueOf(rs.getString(2)),
                        key.decrypt(rs.getBytes(3), sessionId),
                        key.decrypt(rs.getBytes(4), sessionId)));
            } catch (GeneralSecurityException e) {
                log.warn("pseudonym of session {} cannot be decrypted (vault key changed?)", sessionId);
            }
        });
        return result;
    }

    /** The token for a value: the existing one for the same canonical value, else a new {@code <TYPE_n>}. */
    Pseudonym assign(String sessionId, EntityType type, String value, String canonical) {
        openSession(sessionId);
        byte[] mac = key.mac(canonical);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<String> existing = jdbc.queryForList(
                    "select token from pseudonym where session_id = :session and canonical_mac = :mac",
                    params(sessionId).addValue("mac", mac),
                    String.class);
            if (!existing.isEmpty()) return new Pseudonym(existing.get(0), type, value, canonical);
            // R46: instances race for the next number; the unique keys decide, the loser retries
            List<String> inserted = jdbc.queryForList(
                    """
                            insert into pseudonym (session_id, token, entity_type, seq, canonical_mac, value_enc, canonical_enc, created_at)
                            select :session, '<' || :type || '_' || (coalesce(max(seq), 0) + 1) || '>', :type,
                                   coalesce(max(seq), 0) + 1, :mac, :value, :canonical, :now
                            from pseudonym where session_id = :session and entity_type = :type
                            on conflict do nothing
                            returning token""",
                    params(sessionId)
                            .addValue("type", type.name())
                            .addValue("mac", mac)
                            .addValue("value", key.encrypt(value, sessionId))
                            .addValue("canonical", key.encrypt(canonical, sessionId)),
                    String.class);
            if (!inserted.isEmpty()) return new Pseudonym(inserted.get(0), type, value, canonical);
        }
        throw new IllegalStateException("could not assign a pseudonym in session " + sessionId);
    }

    /** R26: dialog end. Returns whether the session existed. */
    public boolean deleteSession(String sessionId) {
        return jdbc.update("delete from pseudonym_session where session_id = :session", params(sessionId)) > 0;
    }

    /** R26: dialog end; returns how many token→value keys the session held (0 when it did not exist). */
    public int deleteSessionKeys(String sessionId) {
        Integer keys = jdbc.queryForObject(
                "select count(*) from pseudonym where session_id = :session", params(sessionId), Integer.class);
        deleteSession(sessionId);
        return keys == null ? 0 : keys;
    }

    /** R26/R32/R35: deletes every session older than the TTL and audits how many keys went; returns how many sessions. */
    public int purgeExpired() {
        Instant now = clock.instant();
        // one statement: the count of keys reads the snapshot the delete starts from
        Map<String, Object> purged = jdbc.queryForMap("""
                with expired as (delete from pseudonym_session where expires_at <= :now returning session_id)
                select (select count(*) from expired) as sessions,
                       (select count(*) from pseudonym p join expired e on e.session_id = p.session_id) as keys""", new MapSqlParameterSource("now", Timestamp.from(now)));
        int sessions = ((Number) purged.get("sessions")).intValue();
        if (sessions > 0) {
            audit.record(
                    "pseudonym-keys",
                    ((Number) purged.get("keys")).intValue(),
                    "SESSION_TTL",
                    "vault purge of " + sessions + " expired sessions",
                    now);
            log.info("purged {} expired pseudonym sessions", sessions);
        }
        return sessions;
    }

    private void openSession(String sessionId) {
        Instant now = clock.instant();
        // an expired session is gone for good: its old tokens must never resolve again
        jdbc.update(
                "delete from pseudonym_session where session_id = :session and expires_at <= :now", params(sessionId));
        jdbc.update("""
                        insert into pseudonym_session (session_id, created_at, expires_at) values (:session, :now, :expires)
                        on conflict (session_id) do nothing""", params(sessionId).addValue("expires", Timestamp.from(now.plus(ttl))));
    }

    private MapSqlParameterSource params(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) throw new IllegalArgumentException("session id is required");
        return new MapSqlParameterSource("session", sessionId).addValue("now", Timestamp.from(clock.instant()));
    }
}
