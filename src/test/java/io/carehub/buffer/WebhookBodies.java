package io.carehub.buffer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntFunction;

/** WhatsApp Cloud API webhook bodies with many updates in one POST. */
final class WebhookBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookBodies() {
    }

    /**
     * One POST with {@code count} text messages numbered {@code first} … {@code first + count - 1}: message n has the
     * id {@code idPrefix-n}, comes from {@code senderOf(n)} and is sent at a timestamp that rises with n.
     */
    static String textMessages(String idPrefix, int first, int count, IntFunction<String> senderOf) {
        ObjectNode root = MAPPER.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry").addObject().put("id", "102290129340398")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550783881").put("phone_number_id", "106540352242922");
        ArrayNode contacts = value.putArray("contacts");
        ArrayNode messages = value.putArray("messages");
        Set<String> senders = new LinkedHashSet<>();
        for (int n = first; n < first + count; n++) {
            String waId = senderOf.apply(n);
            if (senders.add(waId)) {
                contacts.addObject().put("wa_id", waId).putObject("profile").put("name", "Kunde " + waId);
            }
            ObjectNode message = messages.addObject().put("from", waId).put("id", idPrefix + "-" + n)
                    .put("timestamp", Long.toString(1749416383L + n)).put("type", "text");
            message.putObject("text").put("body", "Nachricht Nummer " + n + " mit Umlauten äöü");
        }
        return root.toString();
    }
}
