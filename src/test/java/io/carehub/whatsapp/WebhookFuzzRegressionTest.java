package io.carehub.whatsapp;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inputs the fuzzer ({@link WebhookFuzzTest}) once answered with 5xx or that blocked a customer, kept as
 * signed-body fixtures in src/test/resources/whatsapp/fuzz/. Each gets its exact answer and effect: 400 with
 * nothing stored, or 200 with its own rejected_update row or its own documented message. Afterwards the buffer is
 * empty, nothing went to its dead-letter queue, and the kept inputs' customer is still served.
 */
@HubTest
class WebhookFuzzRegressionTest {

    private static final Path KEPT = Path.of("src/test/resources/whatsapp/fuzz");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The customer of the kept inputs that are messages. */
    private static final String KEPT_CUSTOMER = "16505559999";

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    EmbeddedActiveMQ broker;

    /** What each kept input must cause; a new kept file needs its line here. */
    private enum Effect {
        /** R2: not UTF-8, refused before anything reads it; nothing stored. */
        REFUSED_400,
        /** R3: acknowledged and parked as malformed JSON, the whole body as payload. */
        PARKED_MALFORMED,
        /** R3: acknowledged; the change with the NUL in its field parked under its field's length. */
        PARKED_UNKNOWN_FIELD,
        /** R3: acknowledged and documented as a message (NUL removed, the rest kept). */
        DOCUMENTED
    }

    private static final Map<String, Effect> EFFECTS = Map.of(
            "byte-flip-invalid-utf8.json", Effect.REFUSED_400,
            "raw-garbage.json", Effect.REFUSED_400,
            "deep-nesting-beyond-parser-limit.json", Effect.PARKED_MALFORMED,
            "number-longer-than-parser-limit.json", Effect.PARKED_MALFORMED,
            "nul-in-rejection-reason.json", Effect.PARKED_UNKNOWN_FIELD,
            "nul-in-media-fields.json", Effect.DOCUMENTED,
            "nul-in-wamid-and-type.json", Effect.DOCUMENTED);

    /** DOCUMENTED inputs: the wamid as stored (PostgreSQL text cannot hold NUL, so it is removed). */
    private static final Map<String, String> STORED_WAMIDS = Map.of(
            "nul-in-media-fields.json", "wamid.fuzz-nul-image-1",
            "nul-in-wamid-and-type.json", "wamid.fuzz-nul--1");

    @Test
    void everyKeptFuzzInputGetsItsExactAnswerAndEffectAndBlocksNothing() throws Exception {
        Map<String, byte[]> kept = new TreeMap<>();
        try (Stream<Path> files = Files.list(KEPT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                kept.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        assertThat(kept.keySet())
                .as("kept fuzz inputs, each with its expected effect")
                .isEqualTo(EFFECTS.keySet());
        Queue buffer = broker.getActiveMQServer().locateQueue("carehub.buffer");
        Queue deadLetters = broker.getActiveMQServer().locateQueue("carehub.buffer.DLQ");
        long deadBefore = deadLetters.getMessageCount();

        for (Map.Entry<String, byte[]> input : kept.entrySet()) {
            int expected = EFFECTS.get(input.getKey()) == Effect.REFUSED_400 ? 400 : 200;
            assertThat(webhook.postSigned(input.getValue()).statusCode())
                    .as("answer to %s", input.getKey())
                    .isEqualTo(expected);
        }

        for (Map.Entry<String, byte[]> input : kept.entrySet()) {
            String name = input.getKey();
            byte[] body = input.getValue();
            switch (EFFECTS.get(name)) {
                case PARKED_MALFORMED ->
                    await().alias(name)
                            .atMost(PATIENCE)
                            .until(() -> db.count(
                                                    "select count(*) from rejected_update where payload_sha256 = ?"
                                                            + " and reason like 'malformed JSON%'",
                                                    sha256(body))
                                            == 1
                                    && db.rejected("malformed JSON%", Db.equalTo(body)) == 1);
                case PARKED_UNKNOWN_FIELD ->
                    // the change as stored: JSON with the NUL escaped; its reason names only the field's length
                    await().alias(name)
                            .atMost(PATIENCE)
                            .until(() -> db.rejected(
                                            "unsupported change field '<unknown, 9 chars>'",
                                            Db.containing("mess\\u0000ages".getBytes(StandardCharsets.UTF_8)))
                                    == 1);
                case DOCUMENTED ->
                    awaitOne(
                            name,
                            "select count(*) from message m join conversation c on c.id = m.conversation_id"
                                    + " join contact k on k.id = c.contact_id"
                                    + " where m.wamid = ? and k.wa_id_hash = ? and m.direction = 'INBOUND'",
                            STORED_WAMIDS.get(name),
                            db.hash(KEPT_CUSTOMER));
                case REFUSED_400 -> {
                    // checked below, once the buffer is empty
                }
            }
        }

        await().atMost(PATIENCE).until(() -> buffer.getMessageCount() == 0);
        assertThat(deadLetters.getMessageCount())
                .as("kept fuzz inputs parked in the buffer's dead-letter queue")
                .isEqualTo(deadBefore);
        for (Map.Entry<String, byte[]> input : kept.entrySet()) {
            if (EFFECTS.get(input.getKey()) == Effect.REFUSED_400) {
                assertThat(db.count(
                                "select count(*) from rejected_update where payload_sha256 = ?",
                                sha256(input.getValue())))
                        .as("rows stored for the refused %s", input.getKey())
                        .isZero();
            }
        }
        assertThat(db.count(
                        "select count(*) from attachment a join message m on m.id = a.message_id"
                                + " where m.wamid = ? and a.mime_type = 'image/jpeg'",
                        STORED_WAMIDS.get("nul-in-media-fields.json")))
                .as("attachment of the image whose mime type held a NUL")
                .isOne();

        // the kept inputs' customer is still served
        Fixture next = fixture("text");
        assertThat(webhook.postSigned(next.json().replace(next.waId(), KEPT_CUSTOMER))
                        .statusCode())
                .isEqualTo(200);
        awaitOne(
                "the kept inputs' customer's next message",
                "select count(*) from message where wamid like ?",
                "wamid.HBgL" + next.tag() + "%");
    }

    private void awaitOne(String what, String countSql, Object... args) {
        await().alias(what).atMost(PATIENCE).until(() -> db.count(countSql, args) == 1);
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
