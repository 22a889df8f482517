package io.carehub.privacy;

/**
 * Exchange headers/properties the privacy beans read in routes (R24, R25).
 * <ul>
 *   <li>{@value #SESSION_ID} (header, or exchange property of the same name): the dialog session whose
 *       pseudonyms are used — required by {@code pseudonymize} and {@code reidentify}.</li>
 *   <li>{@value #KNOWN_VALUES} (exchange property, or header): the legitimated customer's values, a
 *       {@link KnownValues} or a {@code Map<String, String|List<String>>} in its JSON form — optional.</li>
 * </ul>
 * The message body (String) is replaced by the processed text.
 */
public final class PrivacyHeaders {

    public static final String SESSION_ID = "CarehubSessionId";
    public static final String KNOWN_VALUES = "CarehubKnownValues";

    private PrivacyHeaders() {}
}
