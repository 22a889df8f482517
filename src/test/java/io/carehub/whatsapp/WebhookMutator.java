package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutational generator of webhook bodies: takes a faithful WhatsApp Cloud API payload and
 * breaks it the ways a hostile or buggy sender could (R2/R3, PRODUCT.md §4 "bad input").
 * The same seed gives the same sequence of inputs.
 */
final class WebhookMutator {

    /** One generated input: which mutation made it, the body, and whether it is signed correctly. */
    record Input(String mutation, byte[] body, Signing signing) {}

    enum Signing {
        VALID,
        MISSING,
        WRONG
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] NASTY_TEXTS = {
        "\u0000",
        "a\u0000b",
        "\ud800",
        "x\udfffy",
        "\u202eTNEMYAP\u202c",
        "\u200f\u0645\u0631\u062d\u0628\u0627",
        "😀👍🏽👨‍👩‍👧",
        "'; drop table message; --",
        "\" or 1=1 --",
        "$$; select pg_sleep(10); $$",
        "\\u0000",
        "${jndi:ldap://x/a}",
        "<script>alert(1)</script>",
        "%s%n%x",
        "\r\n\r\nHTTP/1.1 200 OK",
        "\uFEFF",
        "\uFFFF",
        "Zwiebelmeyer Gundula DE89370400440532013000"
    };
    private static final String[] UNKNOWN_TYPES = {
        "hologram",
        "",
        "TEXT",
        "text ",
        "order",
        "system",
        "ephemeral",
        "request_welcome",
        "unsupported",
        "nfm_reply",
        "interactive"
    };

    private final Random random;

    WebhookMutator(long seed) {
        this.random = new Random(seed);
    }

    Input next(List<String> validPayloads) {
        String valid = validPayloads.get(random.nextInt(validPayloads.size()));
        int choice = random.nextInt(100);
        try {
            if (choice < 10) {
                return signed("truncate", truncate(valid));
            } else if (choice < 25) {
                return signed("type-confusion", json(confuseTypes(MAPPER.readTree(valid))));
            } else if (choice < 33) {
                return signed("huge-number", hugeNumber(valid));
            } else if (choice < 38) {
                return signed("deep-nesting", deepNesting(valid));
            } else if (choice < 48) {
                return signed("unknown-type", json(unknownType(MAPPER.readTree(valid))));
            } else if (choice < 63) {
                return signed("nasty-text", nastyText(valid));
            } else if (choice < 70) {
                return signed("byte-flip", flipBytes(valid.getBytes(StandardCharsets.UTF_8)));
            } else if (choice < 76) {
                return signed("drop-field", json(dropField(MAPPER.readTree(valid))));
            } else if (choice < 82) {
                return signed(
                        "many-updates", manyUpdates(valid, 1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 50)));
            } else if (choice < 84) {
                return signed("huge-body", hugeBody(valid));
            } else if (choice < 88) {
                return signed("raw-garbage", garbage());
            } else if (choice < 94) {
                return new Input("unsigned", valid.getBytes(StandardCharsets.UTF_8), Signing.MISSING);
            } else {
                return new Input("wrong-signature", valid.getBytes(StandardCharsets.UTF_8), Signing.WRONG);
            }
        } catch (Exception e) {
            throw new IllegalStateException("mutator bug on a valid payload", e);
        }
    }

    private static Input signed(String mutation, byte[] body) {
        return new Input(mutation, body, Signing.VALID);
    }

    private byte[] truncate(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    private JsonNode confuseTypes(JsonNode root) {
        List<ContainerSlot> slots = new ArrayList<>();
        collect(root, slots);
        for (int i = 0, n = 1 + random.nextInt(3); i < n && !slots.isEmpty(); i++) {
            slots.get(random.nextInt(slots.size())).replace(randomValue());
        }
        return root;
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 4 -> NODES.arrayNode().add(NODES.textNode("x")).add(NODES.numberNode(1));
            case 5 -> NODES.objectNode().put("id", 7);
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode(NASTY_TEXTS[random.nextInt(NASTY_TEXTS.length)]);
            default -> NODES.arrayNode();
        };
    }

    private byte[] hugeNumber(String valid) {
        String[] numbers = {
            "1e999999",
            "-1e999999",
            "99999999999999999999999999999999999999999",
            "-0",
            "0.0000000001",
            "9223372036854775808",
            "-9223372036854775809",
            "1" + "0".repeat(5000),
            "1.5e-400"
        };
        String number = numbers[random.nextInt(numbers.length)];
        String field =
                new String[] {"timestamp", "timestamp", "id", "from", "wa_id", "phone_number_id"}[random.nextInt(6)];
        return valid.replaceFirst(
                        "\"" + field + "\": \"[^\"]*\"",
                        java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + number))
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] deepNesting(String valid) {
        int depth = 100 + random.nextInt(random.nextBoolean() ? 2_000 : 100_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        return valid.replaceFirst("\"body\": \"[^\"]*\"|\"timestamp\": \"[0-9]+\"", "\"body\": " + nested)
                .getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode unknownType(JsonNode root) {
        for (JsonNode message : root.findValues("messages")) {
            for (JsonNode m : message) {
                if (m instanceof ObjectNode object) {
                    String type = UNKNOWN_TYPES[random.nextInt(UNKNOWN_TYPES.length)];
                    object.put("type", type);
                    if (random.nextBoolean()) {
                        object.set(
                                type.isEmpty() ? "x" : type,
                                random.nextBoolean()
                                        ? randomValue()
                                        : NODES.objectNode()
                                                .put("weird", NASTY_TEXTS[random.nextInt(NASTY_TEXTS.length)]));
                    }
                }
            }
        }
        return root;
    }

    private byte[] nastyText(String valid) {
        String nasty = NASTY_TEXTS[random.nextInt(NASTY_TEXTS.length)];
        String escaped = random.nextBoolean()
                ? jsonEscape(nasty)
                : nasty.replace("\\", "\\\\").replace("\"", "\\\"");
        String field =
                new String[] {"body", "name", "caption", "title", "emoji", "filename", "from", "id"}[random.nextInt(8)];
        return valid.replaceAll(
                        "\"" + field + "\": \"([^\"]*)\"",
                        "\"" + field + "\": \"$1" + java.util.regex.Matcher.quoteReplacement(escaped) + "\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(
                    c < 0x20 || c > 0x7e
                            ? String.format("\\u%04x", (int) c)
                            : c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
        }
        return escaped.toString();
    }

    private byte[] flipBytes(byte[] bytes) {
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private JsonNode dropField(JsonNode root) {
        List<ContainerSlot> slots = new ArrayList<>();
        collect(root, slots);
        if (!slots.isEmpty()) {
            slots.get(random.nextInt(slots.size())).remove();
        }
        return root;
    }

    private byte[] manyUpdates(String valid, int count) throws Exception {
        JsonNode root = MAPPER.readTree(valid);
        JsonNode value = root.path("entry").path(0).path("changes").path(0).path("value");
        String list = value.has("statuses") ? "statuses" : "messages";
        if (!(value.get(list) instanceof ArrayNode updates) || updates.isEmpty()) {
            return json(root);
        }
        JsonNode template = updates.get(0);
        updates.removeAll();
        for (int i = 0; i < count; i++) {
            ObjectNode copy = template.deepCopy();
            copy.put("id", template.path("id").asText() + "-" + i);
            updates.add(copy);
        }
        return json(root);
    }

    private byte[] hugeBody(String valid) {
        int size = random.nextBoolean() ? 4 * 1024 * 1024 : 3 * 1024 * 1024 - 200 - random.nextInt(1000);
        String filler = "x".repeat(Math.max(0, size - valid.length()));
        return valid.replaceFirst("\"body\": \"", "\"body\": \"" + filler).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] garbage() {
        byte[] bytes = new byte[random.nextInt(2048)];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] json(JsonNode node) throws Exception {
        return MAPPER.writeValueAsBytes(node);
    }

    /** A place in the tree (object field or array element) that can be replaced or removed. */
    private record ContainerSlot(JsonNode parent, String field, int index) {
        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<ContainerSlot> slots) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                slots.add(new ContainerSlot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new ContainerSlot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
