package io.carehub.whatsapp;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets its specific status; nothing unsigned is stored; the hub keeps serving. */
@HubTest
class HostileWebhookTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The message id in the text fixture. */
    private static final String TEXT_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void unsignedPostIsRefusedWith401AndNothingStored() {
        Fixture text = fixture("text");

        HttpResponse<String> response = webhook.post(text.json().getBytes(StandardCharsets.UTF_8), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("missing X-Hub-Signature-256");
        assertServedAndNothingStoredFor(text, null);
    }

    @Test
    void wrongSignatureIsRefusedWith403AndNothingStored() {
        Fixture text = fixture("text");

        assertThat(webhook.post(text.json().getBytes(StandardCharsets.UTF_8), "sha256=" + "ab".repeat(32))
                        .statusCode())
                .isEqualTo(403);
        assertThat(webhook.post(text.json().getBytes(StandardCharsets.UTF_8), "sha1=deadbeef")
                        .statusCode())
                .isEqualTo(403);
        assertThat(webhook.post(text.json().getBytes(StandardCharsets.UTF_8), "sha256=not-hex")
                        .statusCode())
                .isEqualTo(403);
        assertServedAndNothingStoredFor(text, null);
    }

    @Test
    void signatureOfADifferentBodyIsRefusedWith403() {
        Fixture text = fixture("text");
        Fixture other = fixture("text");

        HttpResponse<String> response = webhook.post(
                text.json().getBytes(StandardCharsets.UTF_8),
                "sha256=" + Webhook.sign(other.json().getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertServedAndNothingStoredFor(text, null);
    }

    @Test
    void fourMegabyteBodyIsRefusedWith413() {
        byte[] body = new byte[4 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = webhook.postSigned(body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(response.body()).contains("larger than 3145728 bytes");
        assertServedAndNothingStoredFor(fixture("text"), body);
    }

    @Test
    void truncatedJsonIsAcknowledgedAndParkedWithItsReason() {
        String json = fixture("text").json();
        byte[] truncated = json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.postSigned(truncated).statusCode()).isEqualTo(200);

        assertRejectedParked(truncated, "malformed JSON", null);
    }

    @Test
    void jsonThatIsNotAnObjectIsParked() {
        byte[] body = ("[1,2,\"" + UUID.randomUUID() + "\"]").getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        assertRejectedParked(body, "body is not a JSON object", null);
    }

    @Test
    void bodyWithoutEntryIsParked() {
        byte[] body = ("{\"object\":\"whatsapp_business_account\",\"id\":\"" + UUID.randomUUID() + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        assertRejectedParked(body, "missing entry array", null);
    }

    @Test
    void wrongFieldTypesParkOnlyTheBadUpdateAndKeepTheGoodOne() {
        Fixture good = fixture("text");
        String bad = good.json()
                .replace(
                        "\"messages\": [",
                        "\"messages\": [ {\"from\": [1,2], \"id\": {\"x\": \"bad-" + good.tag()
                                + "-id\"}, \"type\": 7},");

        assertThat(webhook.postSigned(bad).statusCode()).isEqualTo(200);

        assertRejectedParked(null, "message without id, from or type", "bad-" + good.tag() + "-id");
        await().atMost(PATIENCE)
                .until(() -> db.count(
                                "select count(*) from message m join conversation c on c.id = m.conversation_id "
                                        + "join contact k on k.id = c.contact_id where k.wa_id_hash = ? and m.direction = 'INBOUND'",
                                db.hash(good.waId()))
                        == 1);
    }

    @Test
    void sqlAndEmojiAndLongTextAreStoredVerbatim() {
        String hostile = "Robert'); DROP TABLE message;-- \\\"quoted\\\" 😀👍🏽 مرحبا \\u0000 " + "x".repeat(10_000);
        Fixture text = fixture("text");
        String body = text.json().replace("Does it come in another color?", hostile);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid like ?", "%" + text.tag() + "%") == 1);
        String stored = db.text(
                jdbc.queryForObject("select id from message where wamid like ?", Long.class, "%" + text.tag() + "%"));
        assertThat(stored)
                .startsWith("Robert'); DROP TABLE message;-- \"quoted\" 😀👍🏽 مرحبا")
                .endsWith("x".repeat(10_000))
                .doesNotContain("\u0000"); // PostgreSQL text cannot hold NUL: removed, rest kept
    }

    @Test
    void unsupportedChangeFieldIsParkedNotDropped() {
        Fixture text = fixture("text");
        String body = text.json().replace("\"field\": \"messages\"", "\"field\": \"account_update\"");

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        // the parked change holds this test's message id
        assertRejectedParked(null, "unsupported change field 'account_update'", text.wamid(TEXT_WAMID));
    }

    /**
     * Exactly one row parked with this reason (prefix) for this test's input: its exact payload, or a payload
     * holding {@code marker} (an id only this test used).
     */
    private void assertRejectedParked(byte[] payload, String reasonPrefix, String marker) {
        await().atMost(PATIENCE)
                .until(() -> payload != null
                        ? db.rejected(reasonPrefix + "%", Db.equalTo(payload)) == 1
                        : db.rejected(reasonPrefix + "%", Db.containing(marker.getBytes(StandardCharsets.UTF_8))) == 1);
    }

    /**
     * The refused request stored nothing: no contact, no parked row with its customer or with its exact body
     * ({@code refusedBody}, when it holds no customer); and the hub still documents a good message afterwards.
     */
    private void assertServedAndNothingStoredFor(Fixture refused, byte[] refusedBody) {
        Fixture next = fixture("text");
        assertThat(webhook.postSigned(next.json()).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from contact where wa_id_hash = ?", db.hash(next.waId())) == 1);
        assertThat(db.count("select count(*) from contact where wa_id_hash = ?", db.hash(refused.waId())))
                .isZero();
        assertThat(db.rejected(null, Db.containing(refused.waId().getBytes(StandardCharsets.UTF_8))))
                .as("parked rows with the refused customer")
                .isZero();
        if (refusedBody != null) {
            assertThat(db.rejected(null, Db.equalTo(refusedBody)))
                    .as("parked rows with the refused body")
                    .isZero();
        }
    }
}
