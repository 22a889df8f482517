package io.carehub.bench;

import io.carehub.WebhookPayload;
import io.carehub.WebhookSignature;
import java.time.Instant;

/**
 * Realistic WhatsApp Cloud API webhook POSTs, one update each, signed like Meta signs them: 70 % text
 * (German, with personal data), 15 % image with a media id, 15 % delivery statuses with billing objects.
 */
final class WhatsAppUpdates {

    record Update(byte[] body, String signature, boolean message) {}

    private static final String[] TEXTS = {
        "Hallo, ich bin Erika Mustermann, meine Kundennummer ist K-55012398. Meine Rechnung ist zu hoch.",
        "Guten Tag, bitte rufen Sie mich unter 0171 2345678 zurück, ich wohne in der Hauptstraße 5, 10115 Berlin.",
        "Meine IBAN ist DE89 3704 0044 0532 0130 00, bitte buchen Sie den Betrag zurück. Danke, Hans Müller",
        "Ich möchte meinen Vertrag V-2024-118833 kündigen. Geburtsdatum 12.03.1984, Grüße Jürgen Schäfer",
        "Hallo, mein Router zeigt seit gestern eine rote Lampe. Können Sie mir helfen? Anna Vogel",
        "Schreiben Sie mir bitte an anna.vogel@example.de, ich bin tagsüber nicht erreichbar.",
        "Ich bin umgezogen: neue Adresse Lindenallee 23a, 80331 München. Bitte ändern Sie das. Petra Weiß",
        "Wann kommt der Techniker? Ich habe den Termin am Dienstag zwischen 8 und 12 Uhr bestätigt.",
    };

    private final String run;
    private final int customers;
    private final String appSecret;

    WhatsAppUpdates(String run, int customers, String appSecret) {
        this.run = run;
        this.customers = customers;
        this.appSecret = appSecret;
    }

    /** The inbound message ids this run uses start with this; statuses with {@link #statusPrefix()}. */
    String messagePrefix() {
        return "wamid.bench" + run + "-";
    }

    String statusPrefix() {
        return "wamid.benchout" + run + "-";
    }

    Update update(String phase, int i) {
        String waId = "49151" + String.format("%07d", (i * 7919L) % customers);
        long now = Instant.now().getEpochSecond();
        int kind = i % 20;
        boolean message = kind < 17;
        WebhookPayload payload;
        if (kind < 14) {
            payload = messages(
                    waId, phase, i, now, "\"type\":\"text\",\"text\":{\"body\":\"" + TEXTS[i % TEXTS.length] + "\"}");
        } else if (message) {
            payload = messages(
                    waId,
                    phase,
                    i,
                    now,
                    "\"type\":\"image\",\"image\":{\"caption\":\"Foto vom Zählerstand\","
                            + "\"mime_type\":\"image/jpeg\",\"sha256\":\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\","
                            + "\"id\":\"" + (1_000_000_000_000L + i) + "\"}");
        } else {
            payload = WebhookPayload.update()
                    .status(
                            "{\"id\":\"" + statusPrefix() + phase + "-" + i + "\",\"status\":\"delivered\","
                                    + "\"timestamp\":\"" + now + "\",\"recipient_id\":\"" + waId + "\","
                                    + "\"conversation\":{\"id\":\"c" + run + (i % 997)
                                    + "\",\"origin\":{\"type\":\"service\"}},"
                                    + "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"service\",\"type\":\"regular\"}}");
        }
        return signed(payload, message);
    }

    /**
     * Step 0, 1 or 2 of a new customer's way to an agent (R14, R20–R22): a billing question (held, the privacy
     * notice goes out), the notice accepted (the question is released; the segment is unknown, so the menu
     * goes out), and "Privatkunden / Rechnung" chosen from the menu (the conversation is handed to the pool
     * private-billing). Customer numbers must not repeat within a run.
     */
    Update journey(String phase, long customer, int step) {
        String waId = "4917" + String.format("%08d", customer);
        String content = switch (step) {
            case 0 ->
                "\"type\":\"text\",\"text\":{\"body\":\"Hallo, meine Rechnung ist zu hoch. Erika Mustermann, Kundennummer K-55012398\"}";
            case 1 ->
                "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\","
                        + "\"button_reply\":{\"id\":\"consent-accept\",\"title\":\"Akzeptieren\"}}";
            default ->
                "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\","
                        + "\"list_reply\":{\"id\":\"menu:PRIVATE:billing\",\"title\":\"Rechnung\"}}";
        };
        return signed(messages(waId, phase + "c" + customer, step, Instant.now().getEpochSecond(), content), true);
    }

    private Update signed(WebhookPayload payload, boolean message) {
        byte[] bytes = payload.bytes();
        return new Update(bytes, "sha256=" + WebhookSignature.hex(appSecret, bytes), message);
    }

    private WebhookPayload messages(String waId, String phase, int i, long now, String content) {
        return WebhookPayload.update()
                .contact(waId, "Kundin " + (i % 50))
                .message("{\"from\":\"" + waId + "\",\"id\":\"" + messagePrefix() + phase + "-" + i
                        + "\",\"timestamp\":\"" + now + "\"," + content + "}");
    }
}
