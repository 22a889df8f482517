package io.carehub.buffer;

import io.carehub.WebhookPayload;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntFunction;

/** WhatsApp Cloud API webhook bodies with many updates in one POST. */
final class WebhookBodies {

    private WebhookBodies() {}

    /**
     * One POST with {@code count} text messages numbered {@code first} … {@code first + count - 1}: message n has the
     * id {@code idPrefix-n}, comes from {@code senderOf(n)} and is sent at a timestamp that rises with n.
     */
    static String textMessages(String idPrefix, int first, int count, IntFunction<String> senderOf) {
        WebhookPayload payload = WebhookPayload.update();
        Set<String> senders = new LinkedHashSet<>();
        for (int n = first; n < first + count; n++) {
            String waId = senderOf.apply(n);
            if (senders.add(waId)) {
                payload.contact(waId, "Kunde " + waId);
            }
            payload.text(waId, idPrefix + "-" + n, 1749416383L + n, "Nachricht Nummer " + n + " mit Umlauten äöü");
        }
        return payload.json();
    }
}
