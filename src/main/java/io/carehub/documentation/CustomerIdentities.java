package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R15/R17/R20: owner of the table {@code customer_identity}: the customer's data after legitimation, which
 * decides the segment and goes with the hand-off to agents. R19: everything but the segment is encrypted with the
 * contact's key. The other tables' owners are listed in {@link Contacts}.
 */
@Component
public class CustomerIdentities {

    /** R19: associated data of the encrypted columns. */
    static final String SALUTATION = "customer_identity.salutation";

    static final String NAME = "customer_identity.name";
    static final String CUSTOMER_NUMBER = "customer_identity.customer_number";
    static final String CONTRACT_NUMBER = "customer_identity.contract_number";

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactKeys keys;

    CustomerIdentities(NamedParameterJdbcTemplate jdbc, ContactKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** A legitimated customer's data. */
    public record Identity(
            String segment, String salutation, String name, String customerNumber, String contractNumber) {}

    public Optional<Identity> of(long contactId) {
        Optional<ContactCipher> cipher = keys.existing(contactId);
        if (cipher.isEmpty()) {
            return Optional.empty(); // R19: an erased contact has no readable identity
        }
        ContactCipher c = cipher.get();
        return jdbc
                .query(
                        """
                select segment, salutation, name, customer_number, contract_number
                  from customer_identity where contact_id = :contact""",
                        Map.of("contact", contactId),
                        (rs, i) -> new Identity(
                                rs.getString(1),
                                c.openText(rs.getBytes(2), SALUTATION),
                                c.openText(rs.getBytes(3), NAME),
                                c.openText(rs.getBytes(4), CUSTOMER_NUMBER),
                                c.openText(rs.getBytes(5), CONTRACT_NUMBER)))
                .stream()
                .findFirst();
    }

    /** R15: the customer legitimated: their data replaces what was stored, encrypted with the contact's key. */
    public void record(long contactId, Identity identity) {
        ContactCipher cipher = keys.forContact(contactId);
        jdbc.update(
                """
                insert into customer_identity (contact_id, segment, salutation, name, customer_number, contract_number)
                values (:contact, :segment, :salutation, :name, :customerNumber, :contractNumber)
                on conflict (contact_id) do update
                   set segment = excluded.segment, salutation = excluded.salutation, name = excluded.name,
                       customer_number = excluded.customer_number, contract_number = excluded.contract_number,
                       legitimated_at = now()""",
                new MapSqlParameterSource("contact", contactId)
                        .addValue("segment", identity.segment())
                        .addValue("salutation", cipher.seal(identity.salutation(), SALUTATION))
                        .addValue("name", cipher.seal(identity.name(), NAME))
                        .addValue("customerNumber", cipher.seal(identity.customerNumber(), CUSTOMER_NUMBER))
                        .addValue("contractNumber", cipher.seal(identity.contractNumber(), CONTRACT_NUMBER)));
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
                .query("""
                        select segment, salutation, name, customer_number, contract_number, legitimated_at
                          from customer_identity where contact_id = :contact""", Map.of("contact", contactId), (rs, i) -> {
                    // R19: decrypted with the contact's key (none after an erasure: null values)
                    io.carehub.crypto.ContactCipher cipher =
                            keys.existing(contactId).orElse(null);
                    return new Exported(
                            rs.getString(1),
                            ConversationQueries.open(cipher, rs.getBytes(2), SALUTATION),
                            ConversationQueries.open(cipher, rs.getBytes(3), NAME),
                            ConversationQueries.open(cipher, rs.getBytes(4), CUSTOMER_NUMBER),
                            ConversationQueries.open(cipher, rs.getBytes(5), CONTRACT_NUMBER),
                            rs.getTimestamp(6).toInstant());
                })
                .stream()
                .findFirst();
    }
}
