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
}
