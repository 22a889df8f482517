package io.carehub.upload;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.pages.OneTimeToken;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R16/R47: the assigned agent sends the customer a one-time upload link: 256 random bits, stored only as their
 * SHA-256, bound to the conversation and its contact, valid 24 hours, never shown to the agent nor in the history;
 * the offer is in the access log. Nobody else can offer one, and outside the 24-hour window nothing is filed.
 */
@ConversationTest
class UploadLinkOfferTest extends UploadTestBase {

    @Autowired
    MutableClock clock;

    @Autowired
    UploadTexts texts;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theAssignedAgentSendsALinkThatIsStoredOnlyAsItsHash() throws Exception {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "ida");

        var answer = hub.post("/api/conversations/" + conversation + "/upload-link", IdentityProvider.agent("ida"), "");
        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode offered = mapper.readTree(answer.body());
        assertThat(Instant.parse(offered.path("expiresAt").asText()))
                .isEqualTo(TestClock.MONDAY_MORNING.plus(Duration.ofHours(24)));
        long messageId = offered.path("messageId").asLong();

        Map<String, Object> sent = db.message(messageId);
        String token = UploadLinkTokens.in((String) sent.get("outbound_payload"));
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(answer.body()).doesNotContain(token);
        assertThat(sent.get("text_body")).isEqualTo(texts.offer());
        assertThat(sent.get("type")).isEqualTo("interactive");
        assertThat(sent.get("actor")).isEqualTo("ida");
        assertThat(jdbc.queryForMap(
                        """
                        select l.offered_by, l.used_at, l.expires_at = ? as expires_in_a_day,
                               l.contact_id = c.contact_id as of_its_contact
                          from upload_link l join conversation c on c.id = l.conversation_id
                         where l.conversation_id = ? and l.token_hash = ?""",
                        java.sql.Timestamp.from(TestClock.MONDAY_MORNING.plus(Duration.ofHours(24))),
                        conversation,
                        OneTimeToken.hash(token)))
                .containsEntry("offered_by", "ida")
                .containsEntry("used_at", null)
                .containsEntry("expires_in_a_day", true)
                .containsEntry("of_its_contact", true);
        assertThat(ClearTextScan.columnsHolding(jdbc, token)).isEmpty();
        assertThat(hub.get("/api/conversations/" + conversation + "/messages", IdentityProvider.agent("ida"))
                        .body())
                .contains(texts.offer())
                .doesNotContain(token);
        assertThat(jdbc.queryForList(
                        "select user_id from access_log where conversation_id = ? and action = 'UPLOAD_LINK'",
                        String.class,
                        conversation))
                .containsExactly("ida");
        assertThat(jdbc.queryForList(
                        "select agent_id from agent_action where conversation_id = ? and action = 'UPLOAD_LINK'",
                        String.class,
                        conversation))
                .containsExactly("ida");
    }

    @Test
    void onlyTheAssignedAgentOffersALink() {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "ida");
        int outbound = db.outbound(customer).size();
        String path = "/api/conversations/" + conversation + "/upload-link";

        assertThat(hub.post(path, IdentityProvider.agent("jan"), "").statusCode())
                .isEqualTo(409);
        assertThat(hub.post(path, IdentityProvider.supervisor(), "").statusCode())
                .isEqualTo(403);
        assertThat(hub.post(path, null, "").statusCode()).isEqualTo(401);
        assertThat(hub.post("/api/conversations/999999999/upload-link", IdentityProvider.agent("ida"), "")
                        .statusCode())
                .isEqualTo(404);

        assertThat(links(conversation)).isZero();
        assertThat(db.outbound(customer)).hasSize(outbound);
    }

    @Test
    void outsideTheWindowNoLinkIsFiledAndNothingIsSent() {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "ida");
        int outbound = db.outbound(customer).size();
        clock.set(clock.instant().plus(Duration.ofHours(25)));

        var answer = hub.post("/api/conversations/" + conversation + "/upload-link", IdentityProvider.agent("ida"), "");
        assertThat(answer.statusCode()).isEqualTo(409);

        assertThat(links(conversation)).isZero();
        assertThat(db.outbound(customer)).hasSize(outbound);
        assertThat(jdbc.queryForList(
                        "select action from access_log where conversation_id = ? and action = 'UPLOAD_LINK'",
                        String.class,
                        conversation))
                .isEqualTo(List.of());
    }

    private long links(long conversation) {
        return db.count("select count(*) from upload_link where conversation_id = ?", conversation);
    }
}
