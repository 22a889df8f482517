package io.carehub.whatsapp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R9: a customer message opens the 24-hour window; outside it only templates may be sent, and only
 * to customers who consented to being contacted after 24 hours (R14).
 */
@Component
public class WindowPolicy {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public WindowPolicy(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Throws {@link WindowClosedException} when {@code type} may not be sent in this conversation now. */
    public void check(long conversationId, String type) {
        Map<String, Object> state = jdbc.queryForMap("""
                select c.window_expires_at,
                       (select r.decision = 'ACCEPTED' and r.contact_after_24h from consent_record r
                         where r.contact_id = c.contact_id order by r.decided_at desc, r.id desc limit 1) as may_contact
                  from conversation c where c.id = :id""", Map.of("id", conversationId));
        Timestamp expires = (Timestamp) state.get("window_expires_at");
        if (expires != null && expires.toInstant().isAfter(clock.instant())) {
            return; // inside the customer-service window anything goes
        }
        if (!"template".equals(type)) {
            throw new WindowClosedException(WindowClosedException.Reason.WINDOW_CLOSED_NOT_TEMPLATE,
                    "the 24-hour customer-service window is closed: only template messages may be sent");
        }
        if (!Boolean.TRUE.equals(state.get("may_contact"))) {
            throw new WindowClosedException(WindowClosedException.Reason.NO_CONSENT_FOR_CONTACT_AFTER_24H,
                    "the customer has not consented to being contacted after 24 hours");
        }
    }
}
