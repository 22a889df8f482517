package io.carehub.documentation;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R4/R5/R40: statuses move the outbound message's delivery state forward and keep billing metadata. */
@HubTest
class StatusDocumentationTest {

    private static final String SENT_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBMTFFQUE5Q0NBMDE2NkVBMDIA";
    private static final String FAILED_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBMTFFQUE5Q0NBMDE2NkVBMDMA";

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void statusBeforeTheMessageCreatesAPlaceholderAndStatesOnlyMoveForward() {
        Fixture sent = fixture("status-sent");
        String read = fixture("status-read", sent).json();
        String delivered = fixture("status-delivered", sent).json();
        String wamid = sent.wamid(SENT_WAMID);

        assertThat(webhook.postSigned(sent.json()).statusCode()).isEqualTo(200);
        assertThat(webhook.postSigned(read).statusCode()).isEqualTo(200);
        assertThat(webhook.postSigned(delivered).statusCode()).isEqualTo(200); // arrives late, must not downgrade

        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message_status where wamid = ?", wamid) == 3);
        Map<String, Object> message =
                jdbc.queryForMap("select direction, type, delivery_state from message where wamid = ?", wamid);
        assertThat(message)
                .containsEntry("direction", "OUTBOUND")
                .containsEntry("type", "pending")
                .containsEntry("delivery_state", "read");
        Map<String, Object> billing = jdbc.queryForMap(
                "select conversation_ref, origin_type, billable, pricing_model, category, expires_at from billing_record "
                        + "where wamid = ? and status = 'sent'",
                wamid);
        assertThat(billing)
                .containsEntry("conversation_ref", "6ceb9d929c1b8c3eab3b7ba1e1bd5e4b")
                .containsEntry("origin_type", "service")
                .containsEntry("billable", true)
                .containsEntry("pricing_model", "PMP")
                .containsEntry("category", "service");
        assertThat(billing.get("expires_at")).isNotNull();
    }

    @Test
    void failedStatusKeepsMetasErrorCode() {
        Fixture failed = fixture("status-failed");
        String wamid = failed.wamid(FAILED_WAMID);

        assertThat(webhook.postSigned(failed.json()).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message where wamid = ?", wamid) == 1);
        assertThat(db.message(wamid))
                .containsEntry("delivery_state", "failed")
                .containsEntry("error_code", 131047)
                .containsEntry("error_title", "Re-engagement message");
    }

    @Test
    void duplicateStatusChangesNothing() {
        Fixture sent = fixture("status-sent");
        String wamid = sent.wamid(SENT_WAMID);
        assertThat(webhook.postSigned(sent.json()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message_status where wamid = ?", wamid) == 1);
        Map<String, Object> documented = documented(wamid);

        for (int i = 0; i < 2; i++) {
            assertThat(webhook.postSigned(sent.json()).statusCode()).isEqualTo(200);
        }
        // a later update of the same customer is consumed after the duplicates (R13 order)
        Fixture sentinel = fixture("text", sent);
        assertThat(webhook.postSigned(sentinel.json()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from message where wamid like ? and direction = 'INBOUND'",
                                "%" + sentinel.tag() + "%")
                        == 1);

        // every column of every row the status wrote is as the first delivery left it
        assertThat(documented(wamid)).isEqualTo(documented);
    }

    /** All a status documents for {@code wamid}: its status rows, billing rows and the message row, every column. */
    private Map<String, Object> documented(String wamid) {
        return jdbc.queryForMap("""
                select (select json_agg(s order by s.id)::text from message_status s where s.wamid = ?) as statuses,
                       (select json_agg(b order by b.id)::text from billing_record b where b.wamid = ?) as billing,
                       (select row_to_json(m)::text from message m where m.wamid = ?) as message""", wamid, wamid, wamid);
    }

    @Test
    void severalStatusesOfOneMessageInOnePostEndInItsHighestStateWithTheFailureCode() {
        String run = Long.toString(System.nanoTime(), 36);
        String read = "wamid.batchread" + run;
        String failed = "wamid.batchfailed" + run;
        String body = WebhookPayload.update()
                .status(status(read, "sent", 100, ""))
                .status(status(read, "read", 300, ""))
                .status(status(read, "delivered", 200, ""))
                .status(status(failed, "sent", 100, ""))
                .status(status(
                        failed, "failed", 200, ",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\"}]"))
                .json();

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message_status where wamid in (?, ?)", read, failed) == 5);
        assertThat(jdbc.queryForMap("select delivery_state, error_code from message where wamid = ?", read))
                .containsEntry("delivery_state", "read")
                .containsEntry("error_code", null);
        assertThat(db.message(failed))
                .containsEntry("delivery_state", "failed")
                .containsEntry("error_code", 131047)
                .containsEntry("error_title", "Re-engagement message");
        assertThat(db.count("select count(*) from billing_record where wamid in (?, ?)", read, failed))
                .isEqualTo(5);
        assertThat(db.count("select count(distinct conversation_id) from message where wamid in (?, ?)", read, failed))
                .isEqualTo(1);
    }

    private static String status(String wamid, String state, int secondsAfter, String extra) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"" + state + "\",\"timestamp\":\""
                + (1_700_000_000 + secondsAfter)
                + "\",\"recipient_id\":\"4915112345999\",\"conversation\":{\"id\":\"conv1\",\"origin\":{\"type\":\"service\"}},"
                + "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"service\"}" + extra + "}";
    }
}
