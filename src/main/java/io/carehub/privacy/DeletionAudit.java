package io.carehub.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R35: owner of the table {@code deletion_audit}: every deletion is audited with what kind, how many, when
 * and why — never the content. The other tables' owners are listed in {@code documentation.Contacts}.
 */
@Component
public class DeletionAudit {

    private final NamedParameterJdbcTemplate jdbc;

    DeletionAudit(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code reference} names what was deleted from (e.g. "dialog &lt;id&gt;"), never personal data. */
    public void record(String kind, int count, String reason, String reference, Instant at) {
        jdbc.update(
                """
                insert into deletion_audit (kind, item_count, reason, reference, deleted_at)
                values (:kind, :count, :reason, :reference, :now)""",
                new MapSqlParameterSource()
                        .addValue("kind", kind)
                        .addValue("count", count)
                        .addValue("reason", reason)
                        .addValue("reference", reference)
                        .addValue("now", Timestamp.from(at)));
    }
}
