package io.carehub;

import java.nio.charset.StandardCharsets;

/**
 * Builds the WhatsApp Cloud API webhook envelope ({@code object}, {@code entry[].changes[]} with field
 * {@code messages}, {@code value} with metadata, contacts, messages and statuses) around updates, for
 * tests, the fault suite and the benchmark's load generator. One builder renders one POST body; it
 * writes strings directly, so generating bodies under load stays cheap.
 */
public final class WebhookPayload {

    /** The WhatsApp Business Account and business number of the fixtures. */
    public static final String WABA_ID = "102290129340398";

    public static final String DISPLAY_PHONE_NUMBER = "15550783881";
    public static final String PHONE_NUMBER_ID = "106540352242922";

    private StringBuilder contacts;
    private StringBuilder messages;
    private StringBuilder statuses;

    private WebhookPayload() {}

    /** An empty POST of the fixtures' business number; add contacts, messages and statuses. */
    public static WebhookPayload update() {
        return new WebhookPayload();
    }

    /** A customer's profile ({@code contacts[]}). */
    public WebhookPayload contact(String waId, String profileName) {
        contacts =
                append(contacts, "{\"profile\":{\"name\":" + quoted(profileName) + "},\"wa_id\":" + quoted(waId) + "}");
        return this;
    }

    /**
     * R52: a customer's profile as Meta sends it since business-scoped user IDs: {@code user_id} always, {@code wa_id}
     * only when Meta shares the phone number (null: omitted), {@code username} once the customer adopted one.
     */
    public WebhookPayload contact(String waId, String userId, String profileName, String username) {
        StringBuilder c = new StringBuilder("{\"profile\":{\"name\":").append(quoted(profileName));
        if (username != null) {
            c.append(",\"username\":").append(quoted(username));
        }
        c.append("}");
        if (waId != null) {
            c.append(",\"wa_id\":").append(quoted(waId));
        }
        contacts = append(
                contacts,
                c.append(",\"user_id\":").append(quoted(userId)).append("}").toString());
        return this;
    }

    /** A message object as Meta sends it ({@code messages[]}), already rendered as JSON. */
    public WebhookPayload message(String messageJson) {
        messages = append(messages, messageJson);
        return this;
    }

    /** A text message. */
    public WebhookPayload text(String from, String id, long timestamp, String body) {
        return message("{\"from\":" + quoted(from) + ",\"id\":" + quoted(id) + ",\"timestamp\":\"" + timestamp
                + "\",\"type\":\"text\",\"text\":{\"body\":" + quoted(body) + "}}");
    }

    /** A status object as Meta sends it ({@code statuses[]}), already rendered as JSON. */
    public WebhookPayload status(String statusJson) {
        statuses = append(statuses, statusJson);
        return this;
    }

    public String json() {
        int size = 260 + length(contacts) + length(messages) + length(statuses);
        StringBuilder b = new StringBuilder(size)
                .append("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"")
                .append(WABA_ID)
                .append("\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",")
                .append("\"metadata\":{\"display_phone_number\":\"")
                .append(DISPLAY_PHONE_NUMBER)
                .append("\",\"phone_number_id\":\"")
                .append(PHONE_NUMBER_ID)
                .append("\"}");
        array(b, "contacts", contacts);
        array(b, "messages", messages);
        array(b, "statuses", statuses);
        return b.append("}}]}]}").toString();
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
                    else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }

    private static StringBuilder append(StringBuilder items, String item) {
        if (items == null) return new StringBuilder(item.length() + 16).append(item);
        return items.append(',').append(item);
    }

    private static int length(StringBuilder items) {
        return items == null ? 0 : items.length() + 16;
    }

    private static void array(StringBuilder b, String name, StringBuilder items) {
        if (items != null)
            b.append(",\"").append(name).append("\":[").append(items).append(']');
    }
}
