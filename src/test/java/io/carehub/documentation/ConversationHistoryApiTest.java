package io.carehub.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.IngestTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** R18: conversation history through the bearer-protected read API, paged, newest first, attachments linked. */
class ConversationHistoryApiTest extends IngestTestSupport {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void refusesRequestsWithoutAValidTokenWith401() {
        assertThat(httpGet("/api/conversations?waId=491700000000", null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = httpGet("/api/conversations?waId=491700000000", "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"carehub\"");
    }

    @Test
    void returnsHistoryNewestFirstInPagesWithAttachmentLinks() throws Exception {
        Fixture first = fixture("text");
        Fixture second = fixture("location", first);
        Fixture third = fixture("image", first);
        String secondJson = second.json().replace("\"timestamp\": \"1749416383\"", "\"timestamp\": \"1749416400\"")
                .replace(first.tag() + "MTY1MDM4", first.tag() + "2MTY1MDM4");
        String thirdJson = third.json().replace("\"timestamp\": \"1749416383\"", "\"timestamp\": \"1749416500\"")
                .replace(first.tag() + "MTY1MDM4", first.tag() + "3MTY1MDM4");
        for (String body : new String[] {first.json(), secondJson, thirdJson}) {
            assertThat(postSigned(body).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from message where wamid like ?", "%" + first.tag() + "%") == 3);

        JsonNode conversations = mapper.readTree(httpGet("/api/conversations?waId=" + first.waId(), API_TOKEN).body());
        assertThat(conversations).hasSize(1);
        assertThat(conversations.get(0).get("messageCount").asInt()).isEqualTo(3);
        assertThat(conversations.get(0).get("profileName").asText()).isEqualTo("Sheena Nelson");
        long id = conversations.get(0).get("id").asLong();

        JsonNode page0 = mapper.readTree(httpGet("/api/conversations/" + id + "/messages?size=2", API_TOKEN).body());
        JsonNode page1 = mapper.readTree(httpGet("/api/conversations/" + id + "/messages?size=2&page=1", API_TOKEN).body());
        assertThat(page0.get("totalElements").asInt()).isEqualTo(3);
        assertThat(page0.get("messages").findValuesAsText("type")).containsExactly("image", "location");
        assertThat(page1.get("messages").findValuesAsText("type")).containsExactly("text");
        JsonNode attachment = page0.get("messages").get(0).get("attachments").get(0);
        assertThat(attachment.get("mediaId").asText()).isEqualTo("1003383421387256");
        assertThat(attachment.get("href").asText()).startsWith("/api/attachments/");
    }

    @Test
    void unknownConversationIs404AndBadPagingIs400() {
        assertThat(httpGet("/api/conversations/987654321/messages", API_TOKEN).statusCode()).isEqualTo(404);
        assertThat(httpGet("/api/conversations/1/messages?size=100000", API_TOKEN).statusCode()).isEqualTo(400);
        assertThat(httpGet("/api/conversations", API_TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void healthIsUpWithDetailsOnlyForTokenHolders() throws Exception {
        JsonNode anonymous = mapper.readTree(httpGet("/actuator/health", null).body());
        JsonNode ops = mapper.readTree(httpGet("/actuator/health", API_TOKEN).body());

        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();
        assertThat(ops.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(ops.at("/components/jms/status").asText()).isEqualTo("UP");
        assertThat(httpGet("/actuator/prometheus", null).body()).contains("camel_exchanges_total");
    }
}
