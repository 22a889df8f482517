package io.carehub.documentation;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R3: every inbound type is documented with its specific fields (one fixture per type). */
@HubTest
class InboundTypesDocumentationTest {

    private static final String FIXTURE_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> documented(String fixtureName) {
        Fixture fixture = fixture(fixtureName);
        assertThat(webhook.postSigned(fixture.json()).statusCode()).isEqualTo(200);
        String wamid = fixture.wamid(FIXTURE_WAMID);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message where wamid = ?", wamid) == 1);
        // R19: the message and its contact as stored, decrypted with the contact's key
        Map<String, Object> row = new java.util.HashMap<>(db.message(wamid));
        Map<String, Object> contact = db.contact((Long) row.get("contact_id"));
        row.put("wa_id", contact.get("wa_id"));
        row.put("profile_name", contact.get("profile_name"));
        row.putAll(jdbc.queryForMap(
                "select business_phone_number_id, window_expires_at from conversation where id = ?",
                row.get("conversation_id")));
        return row;
    }

    @Test
    void textIsDocumentedWithContactConversationAndServiceWindow() {
        Map<String, Object> row = documented("text");

        assertThat(row)
                .containsEntry("type", "text")
                .containsEntry("direction", "INBOUND")
                .containsEntry("text_body", "Does it come in another color?")
                .containsEntry("profile_name", "Sheena Nelson")
                .containsEntry("business_phone_number_id", "106540352242922");
        assertThat(((java.sql.Timestamp) row.get("sent_at")).toInstant()).isEqualTo(Instant.ofEpochSecond(1749416383));
        // R9: the customer's message opens the 24-hour window
        assertThat(((java.sql.Timestamp) row.get("window_expires_at")).toInstant())
                .isEqualTo(Instant.ofEpochSecond(1749416383).plus(Duration.ofHours(24)));
    }

    @Test
    void imageIsDocumentedWithCaptionAndPendingAttachment() {
        Map<String, Object> row = documented("image");

        assertThat(row).containsEntry("type", "image").containsEntry("text_body", "Hier das Foto vom Router");
        assertThat(jdbc.queryForMap("""
                select a.media_id, a.mime_type, a.sha256 from attachment a join message m on m.id = a.message_id
                 where m.wamid = ?""", row.get("wamid")))
                .containsEntry("media_id", "1003383421387256")
                .containsEntry("mime_type", "image/jpeg")
                .containsEntry("sha256", "V69Oop1g7UtiGbzrzlZHmgIBTr92jcqxdykvT0Ecyt0=");
    }

    @Test
    void documentAudioVideoAndStickerAreDocumentedAsMedia() {
        Map<String, Object> document = documented("document");
        assertThat(document).containsEntry("type", "document").containsEntry("text_body", "Rechnung März");
        // R19: the file name is stored encrypted with the contact's key
        assertThat(db.attachmentFilenames((Long) document.get("id"))).containsExactly("rechnung.pdf");
        assertThat(db.count("select count(*) from attachment where position(? in filename) > 0", (Object)
                        "rechnung.pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isZero();
        assertThat(documented("audio")).containsEntry("type", "audio");
        assertThat((String) documented("audio").get("details")).contains("\"voice\": true");
        assertThat(documented("video")).containsEntry("type", "video").containsEntry("text_body", "So blinkt die LED");
        assertThat((String) documented("sticker").get("details")).contains("\"animated\": false");
    }

    @Test
    void locationKeepsCoordinatesNameAndAddress() {
        Map<String, Object> row = documented("location");

        assertThat(row).containsEntry("type", "location").containsEntry("text_body", "Philz Coffee");
        assertThat((String) row.get("details"))
                .contains(
                        "\"latitude\": 37.483307", "\"longitude\": -122.148981", "1 Hacker Way, Menlo Park, CA 94025");
    }

    @Test
    void contactsKeepTheSharedContactCards() {
        Map<String, Object> row = documented("contacts");

        assertThat(row).containsEntry("type", "contacts");
        assertThat((String) row.get("details")).contains("Kerry Fisher", "+16505559999");
    }

    @Test
    void interactiveRepliesKeepReplyIdTitleAndContext() {
        Map<String, Object> button = documented("interactive-button-reply");
        Map<String, Object> list = documented("interactive-list-reply");

        assertThat(button).containsEntry("type", "interactive").containsEntry("text_body", "Akzeptieren");
        assertThat((String) button.get("details"))
                .contains("\"replyType\": \"button_reply\"", "\"id\": \"consent-accept\"");
        assertThat((String) button.get("context_wamid")).startsWith("wamid.");
        assertThat((String) list.get("details"))
                .contains("\"replyType\": \"list_reply\"", "\"id\": \"topic-billing\"", "Fragen zur Rechnung");
    }

    @Test
    void templateQuickReplyButtonKeepsPayload() {
        Map<String, Object> row = documented("button");

        assertThat(row).containsEntry("type", "button").containsEntry("text_body", "Stop promotions");
        assertThat((String) row.get("details")).contains("\"payload\": \"STOP_PROMOTIONS\"");
    }

    @Test
    void reactionKeepsTargetAndEmoji() {
        Map<String, Object> row = documented("reaction");

        assertThat(row).containsEntry("type", "reaction");
        assertThat((String) row.get("context_wamid")).startsWith("wamid.");
        assertThat((String) row.get("details")).contains("👍");
    }

    @Test
    void unsupportedAndUnknownTypesAreStoredAsUnsupportedWithTheirRawType() {
        Map<String, Object> unsupported = documented("unsupported");
        Map<String, Object> unknown = documented("unknown-type");

        assertThat(unsupported).containsEntry("type", "unsupported").containsEntry("raw_type", "unsupported");
        assertThat((String) unsupported.get("details")).contains("131051");
        assertThat(unknown).containsEntry("type", "unsupported").containsEntry("raw_type", "hologram");
    }
}
