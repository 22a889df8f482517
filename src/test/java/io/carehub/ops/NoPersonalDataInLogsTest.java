package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** PRODUCT.md §4: logs carry ids, never message text or personal data — also when things go wrong. */
@ExtendWith(OutputCaptureExtension.class)
@HubTest
class NoPersonalDataInLogsTest {

    private static final String PHONE = "4915799912345";
    private static final String NAME = "Gundula Zwiebelmeyer";
    private static final String TEXT = "Meine IBAN DE89370400440532013000 und ich wohne in der Lindenallee 7";

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

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
                                        + "join contact k on k.id = c.contact_id where k.wa_id = ? and m.direction = 'OUTBOUND' "
                                        + "and m.delivery_state = 'accepted'",
                                PHONE)
                        == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from rejected_update where reason like 'malformed JSON%' and payload = ?",
                                (Object) body.substring(0, body.length() - 20).getBytes())
                        == 1);

        assertThat(output.getAll())
                .as("the capture sees the hub's log lines")
                .contains("webhook refused: invalid signature", "queued in conversation", "malformed JSON");
        assertThat(output.getAll())
                .doesNotContain(PHONE, NAME, "Zwiebelmeyer", "DE89370400440532013000", "Lindenallee");
    }
}
