package io.carehub.consent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R14/R33: owner of the table {@code erasure_request}: a contact handed to erasure, once per reason while
 * pending. The other tables' owners are listed in {@code documentation.Contacts}.
 */
@Component
public class ErasureRequests {

    /** R14: the customer declined the privacy notice. */
    static final String NOTICE_DECLINED = "NOTICE_DECLINED";

    private final NamedParameterJdbcTemplate jdbc;

    ErasureRequests(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void request(long contactId, String reason, Instant at) {
        jdbc.update(
                """
                insert into erasure_request (contact_id, reason, requested_at)
                values (:contact, :reason, :now)
                on conflict (contact_id, reason, status) do nothing""",
                new MapSqlParameterSource()
                        .addValue("contact", contactId)
                        .addValue("reason", reason)
                        .addValue("now", Timestamp.from(at)));
    }

    // ---- access-request export (R50) ----

    /** R50: one erasure request as stored. */
    public record Exported(long id, String reason, Instant requestedAt, Instant dueBy, String status) {}

    /** R50: the contact's erasure requests, oldest first. */
    public void exportOf(long contactId, Consumer<Exported> each) {
        jdbc.query("""
                select id, reason, requested_at, due_by, status
                  from erasure_request where contact_id = :contact order by requested_at, id""", new MapSqlParameterSource("contact", contactId), rs -> {
            Timestamp due = rs.getTimestamp(4);
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    due == null ? null : due.toInstant(),
                    rs.getString(5)));
        });
    }
}
