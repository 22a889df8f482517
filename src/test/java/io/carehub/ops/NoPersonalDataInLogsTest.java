package io.carehub.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.PersonalValues.IBAN;
import static io.carehub.PersonalValues.LAST_NAME;
import static io.carehub.PersonalValues.NAME;
import static io.carehub.PersonalValues.PHONE;
import static io.carehub.PersonalValues.PHONE_MEDIA_FAILURE;
import static io.carehub.PersonalValues.STREET;
import static io.carehub.PersonalValues.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.carehub.Db;
import io.carehub.HubTest;
import io.carehub.PersonalValues;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * PRODUCT.md §4: logs carry ids, never message text or personal data — also when things go wrong. Each test plants
 * {@link PersonalValues} and checks its own captured output; the whole run's logs are searched for the same values
 * afterwards by {@link NoPersonalDataInAnyLogCheck}. Agent API refusals and Graph API errors: {@link
 * NoPersonalDataInFailureLogsTest}; a poison message parked in the dead-letter queue: {@link
 * NoPersonalDataInDeadLetterLogsTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
@HubTest
class NoPersonalDataInLogsTest {

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    ObjectMapper mapper;

    @Test
    void documentingRejectingAndRefusingLeaveNoPersonalDataInTheLog(CapturedOutput output) throws Exception {
        String body = Files.readString(Path.of("src/test/resources/whatsapp/text.json"))
                .replace("16505551234", PHONE)
                .replace("Sheena Nelson", NAME)
                .replace("Does it come in another color?", TEXT)
                .replace("1749416383", Long.toString(Instant.now().getEpochSecond()))
                .replaceAll("\"id\": \"wamid[^\"]*\"", "\"id\": \"wamid.pii" + System.nanoTime() + "\"");

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200); // documented, notice sent
        assertThat(webhook.post(body.getBytes(), "sha256=00").statusCode()).isEqualTo(403); // refused
        assertThat(webhook.postSigned(body.substring(0, body.length() - 20)).statusCode())
                .isEqualTo(200); // parked
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from message m join conversation c on c.id = m.conversation_id "
                                        + "join contact k on k.id = c.contact_id where k.wa_id_hash = ? and m.direction = 'OUTBOUND' "
                                        + "and m.delivery_state = 'accepted'",
                                db.hash(PHONE))
                        == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.rejected(
                                "malformed JSON%",
                                Db.equalTo(body.substring(0, body.length() - 20).getBytes()))
                        == 1);

        assertThat(output.getAll())
                .as("the capture sees the hub's log lines")
                .contains("webhook refused: invalid signature", "queued in conversation", "malformed JSON");
        assertNoPlantedValue(output);
    }

    @Test
    void aMediaDownloadTheGraphApiRefusesLeavesNoPersonalDataInTheLog(CapturedOutput output) {
        String mediaId = "83" + System.nanoTime();
        // Graph API error answers may echo what they were asked about
        StubMapping refusal = GRAPH_API.stubFor(
                get(urlEqualTo("/v23.0/" + mediaId))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\":{\"message\":\"(#100) Media of " + NAME + " ("
                                                        + PHONE_MEDIA_FAILURE
                                                        + ") is not available\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"Pii\"}}")));
        try {
            ObjectNode image = message(PHONE_MEDIA_FAILURE, "wamid.pii-media" + System.nanoTime(), "image");
            image.putObject("image")
                    .put("id", mediaId)
                    .put("mime_type", "image/jpeg")
                    .put("sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
                    .put("caption", TEXT);
            String body = WebhookPayload.update()
                    .contact(PHONE_MEDIA_FAILURE, NAME)
                    .message(image.toString())
                    .json();

            assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            db.count("select count(*) from attachment where media_id = ? and state = 'FAILED'", mediaId)
                                    == 1);
        } finally {
            GRAPH_API.removeStub(refusal);
        }
        // the downloader logs right after it marked the attachment FAILED: wait for the line, do not race it
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("giving up"));
        assertNoPlantedValue(output);
    }

    private ObjectNode message(String from, String wamid, String type) {
        return mapper.createObjectNode()
                .put("from", from)
                .put("id", wamid)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()))
                .put("type", type);
    }

    static void assertNoPlantedValue(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(PHONE, NAME, LAST_NAME, IBAN, STREET);
        String digits = NoPersonalDataInAnyLogCheck.digitRuns(output.getAll());
        for (PersonalValues.Planted value : PersonalValues.all()) {
            if (value.form() == PersonalValues.Form.DIGITS) {
                assertThat(digits)
                        .as("phone number %s, digits only", value.value())
                        .doesNotContain(value.normalized());
            }
        }
    }
}
