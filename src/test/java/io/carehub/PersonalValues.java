package io.carehub;

import java.util.List;
import java.util.Locale;

/**
 * Personal values the tests plant in what they send to the hub (webhook bodies, agent replies, Graph API error
 * answers, buffered messages), so that every log of a run can be searched for them afterwards
 * (io.carehub.ops.NoPersonalDataInAnyLogCheck, PRODUCT.md §4 "no personal data in logs"). Each value is distinctive
 * enough that finding it in a log can only mean it leaked there.
 */
public final class PersonalValues {

    /** WhatsApp ids (the customer's phone number, E.164 without "+"), one per scenario so each is its own contact. */
    public static final String PHONE = "4915799912345";

    public static final String PHONE_GRAPH_API_ERROR = "4915799912346";
    public static final String PHONE_AGENT_REFUSAL = "4915799912347";
    public static final String PHONE_MEDIA_FAILURE = "4915799912348";
    public static final String PHONE_DEAD_LETTER = "4915799912349";

    public static final String FIRST_NAME = "Gundula";
    public static final String LAST_NAME = "Zwiebelmeyer";
    /** The WhatsApp profile name. */
    public static final String NAME = FIRST_NAME + " " + LAST_NAME;

    public static final String IBAN = "DE89370400440532013000";
    public static final String STREET = "Lindenallee";
    public static final String EMAIL = "gundula.zwiebelmeyer@example.org";

    /** A customer's message carrying most of the values above. */
    public static final String TEXT = "Hier ist " + NAME + ", meine IBAN " + IBAN + ", ich wohne in der " + STREET
            + " 7, erreichbar unter " + EMAIL;

    private PersonalValues() {}

    /** How a value and a log line are compared: both normalized the same way. */
    public enum Form {
        /** phone numbers: digits only, so "+49 157 999 12345" matches 4915799912345 */
        DIGITS {
            @Override
            public String normalize(String s) {
                return s.replaceAll("\\D", "");
            }
        },
        /** IBANs and other codes: letters and digits only, upper case */
        CODE {
            @Override
            public String normalize(String s) {
                return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            }
        },
        /** names, streets, e-mail addresses: case-folded, runs of white space as one space */
        WORDS {
            @Override
            public String normalize(String s) {
                return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            }
        };

        public abstract String normalize(String s);
    }

    /** One planted value and the form it is looked for in. */
    public record Planted(String value, Form form) {

        public String normalized() {
            return form.normalize(value);
        }
    }

    /** Every value above, each in the form it is searched for in logs. */
    public static List<Planted> all() {
        return List.of(
                new Planted(PHONE, Form.DIGITS),
                new Planted(PHONE_GRAPH_API_ERROR, Form.DIGITS),
                new Planted(PHONE_AGENT_REFUSAL, Form.DIGITS),
                new Planted(PHONE_MEDIA_FAILURE, Form.DIGITS),
                new Planted(PHONE_DEAD_LETTER, Form.DIGITS),
                new Planted(NAME, Form.WORDS),
                new Planted(FIRST_NAME, Form.WORDS),
                new Planted(LAST_NAME, Form.WORDS),
                new Planted(IBAN, Form.CODE),
                new Planted(STREET, Form.WORDS),
                new Planted(EMAIL, Form.WORDS));
    }
}
