package io.carehub.legitimation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * R43: the test customers of the LOCAL TEST IDENTITY PROVIDER, by user name, with the claims their ID token
 * carries. Three are built in (private, business, and one without a phone number); tests add their own with the
 * phone number of the WhatsApp chat they sign in from. Every test customer's password is {@link #PASSWORD}.
 */
public final class LocalCustomers {

    /** The one password of every test customer: this is a labelled stand-in, not an identity store. */
    public static final String PASSWORD = "test";

    private final Map<String, Map<String, Object>> customers = new ConcurrentHashMap<>();

    LocalCustomers() {
        add(
                "test-customer-private",
                claims("Frau", "Erika", "Mustermann", "K-100200300", List.of("V-2001-0001", "V-2001-0002"), "private")
                        .with("phone_number", "+49 151 12345678"));
        add(
                "test-customer-business",
                claims("Herr", "Max", "Beispiel", "K-900800700", List.of("B-7001-0001"), "business")
                        .with("phone_number", "+49 170 9876543"));
        add(
                "test-customer-no-phone",
                claims("Frau", "Lena", "Probe", "K-300400500", List.of("V-3001-0001"), "private"));
    }

    /** Adds (or replaces) a test customer. */
    public void add(String username, Claims claims) {
        customers.put(username, Map.copyOf(claims.values()));
    }

    Optional<Map<String, Object>> claims(String username) {
        return Optional.ofNullable(customers.get(username));
    }

    /** The built-in test customers' user names, for the stand-in's login page. */
    List<String> builtIn() {
        return List.of("test-customer-private", "test-customer-business", "test-customer-no-phone");
    }

    /** A test customer's claims, as the company's identity provider would put them into the ID token. */
    public static Claims claims(
            String salutation,
            String givenName,
            String familyName,
            String customerNumber,
            List<String> contractNumbers,
            String segment) {
        return new Claims(Map.of(
                "salutation", salutation,
                "given_name", givenName,
                "family_name", familyName,
                "name", givenName + " " + familyName,
                "customer_number", customerNumber,
                "contract_numbers", List.copyOf(contractNumbers),
                "segment", segment));
    }

    /** Claims of a test customer (the names the default claim mapping reads). */
    public record Claims(Map<String, Object> values) {

        /** These claims plus one more (or one replaced). */
        public Claims with(String claim, Object value) {
            Map<String, Object> more = new java.util.HashMap<>(values);
            more.put(claim, value);
            return new Claims(Map.copyOf(more));
        }
    }
}
