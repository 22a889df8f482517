package io.carehub.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Personal values the hub already knows about the customer of a conversation after legitimation
 * (R15): name, address, customer/contract numbers, e-mail, phone, … The detector finds them in any
 * casing, spacing or with a small misspelling, and the stripper removes them (R25).
 *
 * <p>As JSON (analyze API, exchange property) a map from a key to a string or a list of strings;
 * keys are the {@link EntityType} names or the aliases {@code name}, {@code address},
 * {@code customerNumber}, {@code contractNumber}, {@code billingAccount}, {@code email},
 * {@code phone}, {@code iban}, {@code dateOfBirth}, {@code idDocument}, {@code bsuid} (R52: WhatsApp's
 * business-scoped user ID, an {@link EntityType#OTHER_ID}), {@code username} (R52: a {@link EntityType#PERSON}).
 */
public record KnownValues(Map<EntityType, List<String>> values) {

    private static final KnownValues NONE = new KnownValues(Map.of());

    public KnownValues {
        EnumMap<EntityType, List<String>> copy = new EnumMap<>(EntityType.class);
        values.forEach((type, list) -> {
            List<String> kept = list.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::strip)
                    .toList();
            if (!kept.isEmpty()) copy.put(type, kept);
        });
        values = Map.copyOf(copy);
    }

    public static KnownValues none() {
        return NONE;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public KnownValues with(EntityType type, String... more) {
        EnumMap<EntityType, List<String>> copy = new EnumMap<>(EntityType.class);
        copy.putAll(values);
        List<String> list = new ArrayList<>(copy.getOrDefault(type, List.of()));
        list.addAll(List.of(more));
        copy.put(type, list);
        return new KnownValues(copy);
    }

    /**
     * Reads the JSON form. Throws {@link IllegalArgumentException} naming the offending key for an
     * unknown key or a value that is neither a string nor a list of strings.
     */
    public static KnownValues fromMap(Map<String, ?> raw) {
        if (raw == null || raw.isEmpty()) return NONE;
        EnumMap<EntityType, List<String>> values = new EnumMap<>(EntityType.class);
        raw.forEach((key, value) -> {
            EntityType type = typeOf(key);
            List<String> list = values.computeIfAbsent(type, t -> new ArrayList<>());
            if (value == null) return;
            if (value instanceof String text) {
                list.add(text);
            } else if (value instanceof Number number) {
                list.add(number.toString());
            } else if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    if (!(item instanceof String) && !(item instanceof Number)) {
                        throw new IllegalArgumentException("knownValues." + key + " must hold strings");
                    }
                    list.add(item.toString());
                }
            } else {
                throw new IllegalArgumentException("knownValues." + key + " must be a string or a list of strings");
            }
        });
        return new KnownValues(values);
    }

    /**
     * The JSON form from a caller (analyze API): at most {@code maxValues} values of at most {@code maxChars}
     * chars each, so matching stays cheap; more or longer → {@link IllegalArgumentException}.
     */
    public static KnownValues fromMap(Map<String, ?> raw, int maxValues, int maxChars) {
        KnownValues known = fromMap(raw);
        int count = 0;
        for (List<String> list : known.values().values()) {
            count += list.size();
            for (String value : list) {
                if (value.length() > maxChars) {
                    throw new IllegalArgumentException(
                            "a known value has " + value.length() + " chars, at most " + maxChars + " are allowed");
                }
            }
        }
        if (count > maxValues) {
            throw new IllegalArgumentException(
                    "knownValues holds " + count + " values, at most " + maxValues + " are allowed");
        }
        return known;
    }

    private static EntityType typeOf(String key) {
        String k = key == null ? "" : key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        return switch (k) {
            case "name", "person", "firstname", "lastname", "surname", "fullname", "username" -> EntityType.PERSON;
            case "address", "street", "postcode", "city" -> EntityType.ADDRESS;
            case "customernumber", "contractnumber", "billingaccount", "customerid", "accountnumber" ->
                EntityType.CUSTOMER_ID;
            case "email", "mail" -> EntityType.EMAIL;
            case "phone", "phonenumber", "mobile" -> EntityType.PHONE;
            case "iban" -> EntityType.IBAN;
            case "card", "cardnumber" -> EntityType.CARD;
            case "dateofbirth", "birthdate", "dob" -> EntityType.DATE_OF_BIRTH;
            case "iddocument", "idcard", "passport" -> EntityType.ID_DOCUMENT;
            case "ip" -> EntityType.IP;
            case "otherid", "taxid", "bsuid", "userid" -> EntityType.OTHER_ID;
            default -> throw new IllegalArgumentException("unknown knownValues key '" + key + "'");
        };
    }
}
