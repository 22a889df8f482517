package io.carehub.whatsapp;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.whatsapp.WebhookMutator.Input;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Bad-input campaign (PRODUCT.md §4, R2/R3/R5): a seeded mutational fuzzer against POST
 * /webhooks/whatsapp. Every input gets 2xx or 4xx, never 5xx, and unsigned, wrongly signed and oversized inputs
 * get exactly 401, 403 and 413; nothing is dead-lettered during the campaign; afterwards the same customer's next
 * message is still documented promptly (no poison message blocks its group); no personal data of
 * the inputs reaches the log. Runs {@code carehub.fuzz.seconds} (20) with seed {@code carehub.fuzz.seed}
 * and one batch of {@code carehub.fuzz.bulk} (1,000) updates
 * (printed); a 5xx input is written to target/fuzz-failures/ — keep it under
 * src/test/resources/whatsapp/fuzz/, where {@link WebhookFuzzRegressionTest} replays it.
 */
@ExtendWith(OutputCaptureExtension.class)
@HubTest
class WebhookFuzzTest {

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    WhatsappProperties whatsapp;

    static final String PII_NAME = "Gundula Zwiebelmeyer";
    static final String PII_IBAN = "DE89370400440532013000";
    private static final List<String> SEEDS = List.of(
            "text",
            "image",
            "document",
            "audio",
            "video",
            "sticker",
            "location",
            "contacts",
            "interactive-button-reply",
            "interactive-list-reply",
            "button",
            "reaction",
            "unsupported",
            "unknown-type",
            "status-sent",
            "status-delivered",
            "status-read",
            "status-failed",
            // R52: customers without a phone number, statuses of sends to a BSUID, identifier changes
            "text-username-no-phone",
            "text-username-with-phone",
            "status-sent-bsuid",
            "status-delivered-bsuid",
            "status-failed-bsuid",
            "system-user-changed-number",
            "system-user-changed-user-id");

    @Test
    void mutatedWebhooksGetTheirExactRefusalOr2xx4xxAndTheConsumerKeepsDocumenting(CapturedOutput output)
            throws Exception {
        long seconds = Long.getLong("carehub.fuzz.seconds", 20);
        long seed = Long.getLong("carehub.fuzz.seed", System.currentTimeMillis());
        System.out.printf("webhook fuzz: seed %d, %d s (repeat with -Dcarehub.fuzz.seed=%d)%n", seed, seconds, seed);
        Fixture campaign = fixture("text");
        List<String> valid = SEEDS.stream()
                .map(name -> fixture(name, campaign).json().replace("Sheena Nelson", PII_NAME))
                .toList();

        // read before the campaign, so nothing dead-lettered during it hides in the baseline
        Queue deadLetters = broker.getActiveMQServer().locateQueue("carehub.buffer.DLQ");
        long deadBefore = deadLetters.getMessageCount();
        long limit = whatsapp.maxBodySize().toBytes();

        WebhookMutator mutator = new WebhookMutator(seed);
        Map<String, Map<Integer, Integer>> answers = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> wrongRefusals = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(seconds);
        int inputs = 0;
        // one big batch per campaign (10,000 updates in one POST: DuplicateAndBatchIngestTest;
        // -Dcarehub.fuzz.bulk=10000)
        int bulk = Integer.getInteger("carehub.fuzz.bulk", 1_000);
        assertThat(webhook.postSigned(manyUpdates(campaign, bulk)).statusCode())
                .as("%d updates in one POST (seed %d)", bulk, seed)
                .isEqualTo(200);
        while (Instant.now().isBefore(deadline)) {
            inputs++;
            String unique = "wamid.HBgL" + campaign.tag() + "f" + inputs + "x";
            Input input = mutator.next(valid.stream()
                    .map(json -> json.replace("wamid.HBgL" + campaign.tag(), unique))
                    .toList());
            int status = send(input).statusCode();
            answers.computeIfAbsent(input.mutation(), m -> new TreeMap<>()).merge(status, 1, Integer::sum);
            Integer refusal = refusal(input, limit);
            if (refusal != null && status != refusal) {
                wrongRefusals.add("%s #%d: %d instead of %d".formatted(input.mutation(), inputs, status, refusal));
            }
            if (status < 200 || status >= 500) {
                failures.add(keep(seed, inputs, input, status));
            }
        }
        System.out.printf("webhook fuzz: %d inputs, answers per mutation: %s%n", inputs, answers);

        assertThat(failures)
                .as("inputs answered with 5xx (seed %d), kept in target/fuzz-failures", seed)
                .isEmpty();
        assertThat(wrongRefusals)
                .as("unsigned, wrongly signed and oversized inputs not refused with 401, 403, 413 (seed %d)", seed)
                .isEmpty();
        assertThat(answers.keySet())
                .as("mutations the campaign tried (seed %d)", seed)
                .contains("unsigned", "wrong-signature");
        assertConsumerNotStuck(campaign, seed, deadLetters, deadBefore);
        assertThat(output.getAll())
                .as("personal data of the inputs in the log (seed %d)", seed)
                .doesNotContain(PII_NAME, "Zwiebelmeyer", PII_IBAN);
    }

    /**
     * Nothing is stuck: the buffer drains completely (a poison message would stay, redelivered with
     * backoff), nothing went to the dead-letter queue, and then the fuzzed customer's next valid message
     * and a new customer's are documented within seconds.
     */
    private void assertConsumerNotStuck(Fixture campaign, long seed, Queue deadLetters, long deadBefore) {
        Queue buffer = broker.getActiveMQServer().locateQueue("carehub.buffer");
        Instant drainStart = Instant.now();
        await().alias("buffer drained (seed " + seed + ")")
                .atMost(Duration.ofSeconds(240))
                .until(() -> buffer.getMessageCount() == 0);
        System.out.printf(
                "webhook fuzz: buffer drained %d s after the campaign%n",
                Duration.between(drainStart, Instant.now()).toSeconds());
        assertThat(deadLetters.getMessageCount())
                .as("fuzz inputs parked in the buffer DLQ (seed %d)", seed)
                .isEqualTo(deadBefore);
        String after = fixture("text", campaign)
                .json()
                .replace("wamid.HBgL" + campaign.tag(), "wamid.HBgL" + campaign.tag() + "after");
        Fixture stranger = fixture("text");
        assertThat(webhook.postSigned(after).statusCode())
                .as("the fuzzed customer's next message (seed %d)", seed)
                .isEqualTo(200);
        assertThat(webhook.postSigned(stranger.json()).statusCode())
                .as("a new customer's message (seed %d)", seed)
                .isEqualTo(200);
        await().alias("a new customer documented (seed " + seed + ")")
                .atMost(Duration.ofSeconds(15))
                .until(() ->
                        db.count("select count(*) from contact where wa_id_hash = ?", db.hash(stranger.waId())) == 1);
        await().alias("the fuzzed customer's next message documented (seed " + seed + ")")
                .atMost(Duration.ofSeconds(15))
                .until(() -> db.count(
                                "select count(*) from message where wamid like ?",
                                "wamid.HBgL" + campaign.tag() + "after%")
                        == 1);
    }

    /**
     * R2: the refusal an input must get, or null if it may get any 2xx/4xx. The size is checked first (413), then
     * the signature: missing 401, wrong 403.
     */
    private static Integer refusal(Input input, long limit) {
        if (input.body().length > limit) {
            return 413;
        }
        return switch (input.signing()) {
            case MISSING -> 401;
            case WRONG -> 403;
            case VALID -> null;
        };
    }

    private HttpResponse<String> send(Input input) {
        return switch (input.signing()) {
            case VALID -> webhook.postSigned(input.body());
            case MISSING -> webhook.post(input.body(), null);
            case WRONG ->
                webhook.post(
                        input.body(),
                        "sha256="
                                + Webhook.sign((new String(input.body(), StandardCharsets.ISO_8859_1) + " ")
                                        .getBytes(StandardCharsets.ISO_8859_1)));
        };
    }

    private static byte[] manyUpdates(Fixture campaign, int count) {
        WebhookPayload payload = WebhookPayload.update();
        for (int i = 0; i < count; i++) {
            // as Meta batches: many customers
            payload.text(
                    "%s%02d".formatted(campaign.waId(), i % 100),
                    "wamid.HBgL" + campaign.tag() + "bulk" + i,
                    1749416383L,
                    "bulk " + i);
        }
        return payload.bytes();
    }

    private static String keep(long seed, int index, Input input, int status) throws IOException {
        Path file = Path.of(
                "target", "fuzz-failures", seed + "-" + index + "-" + input.mutation() + "-" + status + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, input.body());
        return file.toString();
    }
}
