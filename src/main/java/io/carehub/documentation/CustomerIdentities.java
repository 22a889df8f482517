package io.carehub.documentation;

import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R15/R17/R20: owner of the table {@code customer_identity}: the customer's data after legitimation, which
 * decides the segment and goes with the hand-off to agents. The other tables' owners are listed in
 * {@link Contacts}.
 */
@Component
public class CustomerIdentities {

    private final NamedParameterJdbcTemplate jdbc;

    CustomerIdentities(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A legitimated customer's data. */
    public record Identity(
            String segment, String salutation, String name, String customerNumber, String contractNumber) {}

    public Optional<Identity> of(long contactId) {
        return jdbc
                .query(
                        """
                select segment, salutation, name, customer_number, contract_number
                  from customer_identity where contact_id = :contact""",
                        Map.of("contact", contactId),
                        (rs, i) -> new Identity(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .stream()
                .findFirst();
    }

    // ---- access-request export (R50) ----

    /** R50: the legitimation data as stored. */
    public record Exported(
            String segment,
            String salutation,
            String name,
            String customerNumber,
            String contractNumber,
            java.time.Instant legitimatedAt) {}

    public Optional<Exported> exported(long contactId) {
        return jdbc
                .query(
                        """
                        select segment, salutation, name, customer_number, contract_number, legitimated_at
                          from customer_identity where contact_id = :contact""",
                        Map.of("contact", contactId),
                        (rs, i) -> new Exported(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant()))
                .stream()
                .findFirst();
    }
}
