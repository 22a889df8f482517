package io.carehub.consent;

import java.sql.Timestamp;
import java.time.Instant;
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
}
