package io.carehub.documentation;

import io.carehub.buffer.BufferedEvent;
import io.carehub.crypto.UnattributedKeys;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Owner of the table {@code rejected_update}: signed but unusable webhook updates, acknowledged to Meta
 * and parked with their reason, never silently dropped. The other tables' owners are listed in {@link Contacts}.
 */
@Component
public class RejectedUpdates {

    /** R19: associated data of the encrypted payload. */
    static final String PAYLOAD = "rejected_update.payload";

    private final NamedParameterJdbcTemplate jdbc;
    private final UnattributedKeys keys;

    RejectedUpdates(NamedParameterJdbcTemplate jdbc, UnattributedKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /**
     * Parks the update once per payload and reason. R19: it belongs to no contact: encrypted with the key of the
     * month it arrived in.
     */
    void record(BufferedEvent event) {
        LocalDate month = UnattributedKeys.monthOf(event.receivedAt());
        jdbc.update(
                """
                insert into rejected_update (received_at, reason, payload, key_month, payload_sha256)
                values (:at, :reason, :payload, :month, :sha)
                on conflict (payload_sha256, reason) do nothing""",
                StorableText.params()
                        .addValue("at", Timestamp.from(event.receivedAt()))
                        .addValue("reason", event.reason())
                        .addValue("payload", keys.seal(month, event.raw(), PAYLOAD))
                        .addValue("month", Date.valueOf(month))
                        .addValue("sha", sha256(event.raw())));
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // i15-retention: three-month purge (R30)

    /** R30: deletes up to {@code limit} rejected payloads stored before {@code cutoff}. */
    public int purgeStoredBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from rejected_update where id in (
                  select id from rejected_update where documented_at < :cutoff limit :limit)""", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("limit", limit));
    }

    // i18-redrive: rejected updates in the ops API (R45), metadata only

    /** R45: a rejected update without its payload (encrypted): when, why, how large as stored. */
    public record Rejected(long id, Instant receivedAt, String reason, long storedBytes, Instant documentedAt) {}

    /** R45: rejected updates received in [from, to) (each null: open), newest first. */
    public List<Rejected> list(Instant from, Instant to, int limit) {
        return jdbc.query(
                """
                select id, received_at, reason, octet_length(payload), documented_at from rejected_update
                 where (cast(:from as timestamptz) is null or received_at >= :from)
                   and (cast(:to as timestamptz) is null or received_at < :to)
                 order by received_at desc, id desc
                 limit :limit""",
                new MapSqlParameterSource()
                        .addValue("from", from == null ? null : Timestamp.from(from))
                        .addValue("to", to == null ? null : Timestamp.from(to))
                        .addValue("limit", limit),
                (rs, i) -> new Rejected(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getTimestamp(5).toInstant()));
    }
}
