package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * R7: one outbound WhatsApp message: the Graph API message type and its type object exactly as the
 * Cloud API documents it ({"body": ...} for text, the interactive object, the template object, ...).
 */
public record OutboundContent(String type, JsonNode body) {

    static final Set<String> TYPES = Set.of(
            "text",
            "image",
            "document",
            "audio",
            "video",
            "sticker",
            "interactive",
            "template",
            "location",
            "reaction",
            "contacts");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public OutboundContent {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unsupported outbound type '" + type + "'");
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the " + type + " object is missing");
        }
    }

    /** A reply button of an interactive message (WhatsApp: at most 3, title at most 20 characters). */
    public record Button(String id, String title) {}

    /** A row of an interactive list (WhatsApp: at most 10, title at most 24 characters). */
    public record Row(String id, String title, String description) {}

    public static OutboundContent text(String text) {
        return new OutboundContent(
                "text", JSON.objectNode().put("preview_url", false).put("body", text));
    }

    public static OutboundContent buttons(String bodyText, List<Button> buttons) {
        if (buttons.isEmpty() || buttons.size() > 3) {
            throw new IllegalArgumentException("an interactive message has 1 to 3 reply buttons");
        }
        ObjectNode interactive = JSON.objectNode().put("type", "button");
        interactive.putObject("body").put("text", bodyText);
        ArrayNode array = interactive.putObject("action").putArray("buttons");
        for (Button button : buttons) {
            if (button.title().length() > 20) {
                throw new IllegalArgumentException("button title longer than 20 characters: " + button.title());
            }
            array.addObject()
                    .put("type", "reply")
                    .putObject("reply")
                    .put("id", button.id())
                    .put("title", button.title());
        }
        return new OutboundContent("interactive", interactive);
    }

    public static OutboundContent list(String bodyText, String buttonLabel, List<Row> rows) {
        if (rows.isEmpty() || rows.size() > 10) {
            throw new IllegalArgumentException("an interactive list has 1 to 10 rows");
        }
        ObjectNode interactive = JSON.objectNode().put("type", "list");
        interactive.putObject("body").put("text", bodyText);
        ArrayNode array = interactive
                .putObject("action")
                .put("button", buttonLabel)
                .putArray("sections")
                .addObject()
                .put("title", buttonLabel)
                .putArray("rows");
        for (Row row : rows) {
            ObjectNode node = array.addObject().put("id", row.id()).put("title", row.title());
            if (row.description() != null) {
                node.put("description", row.description());
            }
        }
        return new OutboundContent("interactive", interactive);
    }

    public static OutboundContent template(String name, String languageCode, JsonNode components) {
        ObjectNode template = JSON.objectNode().put("name", name);
        template.putObject("language").put("code", languageCode);
        if (components != null && !components.isNull()) {
            template.set("components", components);
        }
        return new OutboundContent("template", template);
    }

    /** The text a person reads, for the contact documentation. */
    String readableText() {
        return switch (type) {
            case "text" -> body.path("body").asText(null);
            case "interactive" -> body.path("body").path("text").asText(null);
            case "image", "video", "document" -> body.path("caption").asText(null);
            case "template" -> "template " + body.path("name").asText();
            default -> null;
        };
    }

    // customer pages (R15/R16): one-time links

    /**
     * An interactive call-to-action message: {@code bodyText} and one button that opens {@code url}. A page link
     * goes this way so that the contact documentation (the readable text: the body only) never holds the link's
     * one-time token; only the encrypted outbound payload the sender needs does.
     */
    public static OutboundContent ctaUrl(String bodyText, String buttonText, String url) {
        if (buttonText.length() > 20) {
            throw new IllegalArgumentException("button text longer than 20 characters: " + buttonText);
        }
        ObjectNode interactive = JSON.objectNode().put("type", "cta_url");
        interactive.putObject("body").put("text", bodyText);
        interactive
                .putObject("action")
                .put("name", "cta_url")
                .putObject("parameters")
                .put("display_text", buttonText)
                .put("url", url);
        return new OutboundContent("interactive", interactive);
    }
}
