package io.carehub.privacy;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The Camel processors named {@code pseudonymize}, {@code reidentify} and {@code stripPersonalData} in routes. */
final class PrivacyProcessors {

    private PrivacyProcessors() {}

    static Processor pseudonymize(Pseudonymizer pseudonymizer) {
        return exchange -> exchange.getMessage()
                .setBody(pseudonymizer.pseudonymize(sessionId(exchange), body(exchange), knownValues(exchange)));
    }

    static Processor reidentify(ReIdentifier reIdentifier) {
        return exchange -> exchange.getMessage().setBody(reIdentifier.reidentify(sessionId(exchange), body(exchange)));
    }

    static Processor strip(Stripper stripper) {
        return exchange -> exchange.getMessage().setBody(stripper.strip(body(exchange), knownValues(exchange)));
    }

    private static String body(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    static String sessionId(Exchange exchange) {
        String id = exchange.getMessage().getHeader(PrivacyHeaders.SESSION_ID, String.class);
        if (id == null) id = exchange.getProperty(PrivacyHeaders.SESSION_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(
                    "header " + PrivacyHeaders.SESSION_ID + " is required for pseudonymization");
        }
        return id;
    }

    static KnownValues knownValues(Exchange exchange) {
        Object raw = exchange.getProperty(PrivacyHeaders.KNOWN_VALUES);
        if (raw == null) raw = exchange.getMessage().getHeader(PrivacyHeaders.KNOWN_VALUES);
        if (raw == null) return KnownValues.none();
        if (raw instanceof KnownValues known) return known;
        if (raw instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) map;
            return KnownValues.fromMap(typed);
        }
        throw new IllegalArgumentException(PrivacyHeaders.KNOWN_VALUES + " must be KnownValues or a Map");
    }
}
