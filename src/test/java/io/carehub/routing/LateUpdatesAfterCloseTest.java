package io.carehub.routing;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * R5/R22: once an agent closed a conversation, duplicates, Meta's retries and late statuses of what was
 * documented before change nothing; only a new customer message starts a new conversation. The broker's
 * duplicate-id cache is shrunk to one id, as if Meta retried days later, after the cache moved on: the retry
 * then reaches the database.
 */
@TestPropertySource(properties = "carehub.buffer.duplicate-id-cache-size=1")
@ConversationTest
class LateUpdatesAfterCloseTest {

    /** This hub's clock ({@link TestClock}). */
    @Autowired
    MutableClock clock;

    @Autowired
    HubApi hub;

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamelContext camel;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void duplicateRetryAndLateReadStatusAfterCloseOpenNoNewConversation() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        String firstWamid = jdbc.queryForObject("""
                select wamid from message where conversation_id = ? and direction = 'INBOUND' order by id limit 1""", String.class, conversation);
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);
        assertThat(api("/api/conversations/" + conversation + "/claim", "agent-1", "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> sent = api(
                "/api/conversations/" + conversation + "/reply",
                "agent-1",
                "{\"type\":\"text\",\"text\":{\"body\":\"Ich korrigiere das.\"}}");
        long replyId = mapper.readTree(sent.body()).get("messageId").asLong();
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        jdbc.queryForObject("select wamid from message where id = ?", String.class, replyId) != null);
        String replyWamid = jdbc.queryForObject("select wamid from message where id = ?", String.class, replyId);
        assertThat(api("/api/conversations/" + conversation + "/close", "agent-1", "")
                        .statusCode())
                .isEqualTo(200);

        retried(messageEnvelope(customer, firstWamid, "Hallo")); // Meta's retry of a documented message
        statusDocumented(statusEnvelope(customer, replyWamid, "delivered"), replyWamid, 1);
        statusDocumented(statusEnvelope(customer, replyWamid, "read"), replyWamid, 2); // read after the close

        assertThat(jdbc.queryForObject("select delivery_state from message where id = ?", String.class, replyId))
                .isEqualTo("read");
        assertThat(db.count("""
                select count(*) from conversation c join contact k on k.id = c.contact_id where k.wa_id_hash = ?""", db.hash(customer))).isEqualTo(1);
        assertThat(db.conversation(conversation))
                .containsEntry("status", "CLOSED")
                .containsEntry("routing_state", "CLOSED");

        customers.text(customer, "Noch eine Frage"); // a new message after the close: a new conversation, as before
        assertThat(db.conversationOf(customer)).isNotEqualTo(conversation);
        assertThat(db.count("""
                select count(*) from conversation c join contact k on k.id = c.contact_id where k.wa_id_hash = ?""", db.hash(customer))).isEqualTo(2);
    }

    /** Posts a message again; a duplicate is still handed on to the lifecycle (which ignores it): wait for that. */
    private void retried(String body) {
        NotifyBuilder done = new NotifyBuilder(camel)
                .fromRoute("conversation-lifecycle")
                .whenDone(1)
                .create();
        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);
        assertThat(done.matches(60, TimeUnit.SECONDS)).as("handled in time").isTrue();
    }

    private void statusDocumented(String body, String wamid, int statuses) {
        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message_status where wamid = ?", wamid) == statuses);
    }

    private String messageEnvelope(String waId, String wamid, String text) {
        return WebhookPayload.update()
                .contact(waId, "Kundin " + waId)
                .text(waId, wamid, clock.instant().getEpochSecond(), text)
                .json();
    }

    private String statusEnvelope(String waId, String wamid, String status) {
        return WebhookPayload.update()
                .status("{\"id\":\"%s\",\"status\":\"%s\",\"timestamp\":\"%d\",\"recipient_id\":\"%s\"}"
                        .formatted(wamid, status, clock.instant().getEpochSecond(), waId))
                .json();
    }

    private HttpResponse<String> api(String path, String agent, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                                .header("Authorization", "Bearer " + IdentityProvider.agent(agent))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
