package io.carehub.documentation;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R18: conversation history through the bearer-protected read API, paged, newest first, attachments linked. */
@HubTest
class ConversationHistoryApiTest {

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void refusesRequestsWithoutAValidTokenWith401() {
        assertThat(hub.get("/api/conversations?waId=491700000000", null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> wrong = hub.get("/api/conversations?waId=491700000000", "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"carehub\"");
    }

    @Test
    void returnsHistoryNewestFirstInPagesWithAttachmentLinks() throws Exception {
        // recent timestamps: the customer-service window is open, so the first message draws the notice (R14)
        long now = java.time.Instant.now().getEpochSecond();
        Fixture first = fixture("text");
        Fixture second = fixture("location", first);
        Fixture third = fixture("image", first);
        String firstJson =
                first.json().replace("\"timestamp\": \"1749416383\"", "\"timestamp\": \"" + (now - 180) + "\"");
        String secondJson = second.json()
                .replace("\"timestamp\": \"1749416383\"", "\"timestamp\": \"" + (now - 120) + "\"")
                .replace(first.tag() + "MTY1MDM4", first.tag() + "2MTY1MDM4");
        String thirdJson = third.json()
                .replace("\"timestamp\": \"1749416383\"", "\"timestamp\": \"" + (now - 60) + "\"")
                .replace(first.tag() + "MTY1MDM4", first.tag() + "3MTY1MDM4");
        for (String body : new String[] {firstJson, secondJson, thirdJson}) {
            assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message where wamid like ?", "%" + first.tag() + "%") == 3);

        // the first message also drew the privacy notice (R14): one outbound message in the history
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from message m join conversation c "
                                        + "on c.id = m.conversation_id join contact k on k.id = c.contact_id where k.wa_id_hash = ?",
                                db.hash(first.waId()))
                        == 4);

        JsonNode conversations =
                mapper.readTree(hub.get("/api/conversations?waId=" + first.waId(), IdentityProvider.supervisor())
                        .body());
        assertThat(conversations).hasSize(1);
        assertThat(conversations.get(0).get("messageCount").asInt()).isEqualTo(4);
        assertThat(conversations.get(0).get("profileName").asText()).isEqualTo("Sheena Nelson");
        long id = conversations.get(0).get("id").asLong();

        JsonNode page0 =
                mapper.readTree(hub.get("/api/conversations/" + id + "/messages?size=2", IdentityProvider.supervisor())
                        .body());
        JsonNode page1 = mapper.readTree(
                hub.get("/api/conversations/" + id + "/messages?size=2&page=1", IdentityProvider.supervisor())
                        .body());
        assertThat(page0.get("totalElements").asInt()).isEqualTo(4);
        List<JsonNode> all = new ArrayList<>();
        page0.get("messages").forEach(all::add);
        page1.get("messages").forEach(all::add);
        assertThat(all).hasSize(4);
        assertThat(all.stream()
                        .filter(m -> m.get("direction").asText().equals("INBOUND"))
                        .map(m -> m.get("type").asText()))
                .containsExactly("image", "location", "text"); // newest first
        assertThat(all.stream()
                        .filter(m -> m.get("direction").asText().equals("OUTBOUND"))
                        .map(m -> m.get("type").asText()))
                .containsExactly("interactive");
        JsonNode attachment = all.stream()
                .filter(m -> m.get("type").asText().equals("image"))
                .findFirst()
                .orElseThrow()
                .get("attachments")
                .get(0);
        assertThat(attachment.get("mediaId").asText()).isEqualTo("1003383421387256");
        assertThat(attachment.get("href").asText()).startsWith("/api/attachments/");
    }

    @Test
    void unknownConversationIs404AndBadPagingIs400() {
        assertThat(hub.get("/api/conversations/987654321/messages", IdentityProvider.supervisor())
                        .statusCode())
                .isEqualTo(404);
        assertThat(hub.get("/api/conversations/1/messages?size=100000", IdentityProvider.supervisor())
                        .statusCode())
                .isEqualTo(400);
        assertThat(hub.get("/api/conversations", IdentityProvider.supervisor()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void healthIsUpWithDetailsOnlyForTokenHolders() throws Exception {
        JsonNode anonymous = mapper.readTree(hub.get("/actuator/health", null).body());
        JsonNode ops = mapper.readTree(
                hub.get("/actuator/health", IdentityProvider.ops()).body());

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(ops.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(ops.at("/components/jms/status").asText()).isEqualTo("UP");
        // R47: metrics only for the ops role
        assertThat(hub.get("/actuator/prometheus", IdentityProvider.ops()).body())
                .contains("camel_exchanges_total");
        assertThat(hub.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theBuildsSoftwareBillOfMaterialsIsServedToTokenHolders() throws Exception {
        HttpResponse<String> sbom = hub.get("/actuator/sbom/application", IdentityProvider.ops());

        assertThat(sbom.statusCode()).isEqualTo(200);
        JsonNode bom = new ObjectMapper().readTree(sbom.body());
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("components").findValuesAsText("name")).contains("camel-core-engine", "postgresql");
        assertThat(hub.get("/actuator/sbom/application", null).statusCode()).isEqualTo(401);
    }
}
