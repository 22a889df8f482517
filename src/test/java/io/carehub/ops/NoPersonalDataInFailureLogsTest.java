package io.carehub.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.PersonalValues.IBAN;
import static io.carehub.PersonalValues.LAST_NAME;
import static io.carehub.PersonalValues.NAME;
import static io.carehub.PersonalValues.PHONE_AGENT_REFUSAL;
import static io.carehub.PersonalValues.PHONE_GRAPH_API_ERROR;
import static io.carehub.PersonalValues.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.WebhookPayload;
import io.carehub.routing.AgentPools;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PRODUCT.md §4 on the agent side: refused agent API calls and Graph API errors log ids and reasons, never the reply
 * text, nor what Meta's error answer echoes. The customers write {@link io.carehub.PersonalValues} to the hub; the
 * whole run's logs are searched for them afterwards by {@link NoPersonalDataInAnyLogCheck}.
 */
@ExtendWith(OutputCaptureExtension.class)
@ConversationTest
class NoPersonalDataInFailureLogsTest {

    private static final String MESSAGES_URL = "/v23.0/" + WebhookPayload.PHONE_NUMBER_ID + "/messages";

    @Autowired
    HubApi hub;

    @Autowired
    MutableClock clock;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void agentApiRefusalsLeaveNoPersonalDataInTheLog(CapturedOutput output) throws Exception {
        long conversation = customers.consentedCustomer(PHONE_AGENT_REFUSAL, TEXT);
        customers.reply(PHONE_AGENT_REFUSAL, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);
        String reply = "{\"type\":\"text\",\"text\":{\"body\":" + WebhookPayload.quoted(TEXT) + "}}";

        assertThat(agentPost("/api/conversations/" + conversation + "/claim", "agent-pii-1", "")
                        .statusCode())
                .isEqualTo(200);
        // R47: another agent's conversation
        HttpResponse<String> notYours =
                agentPost("/api/conversations/" + conversation + "/reply", "agent-pii-2", reply);
        assertThat(notYours.statusCode()).isEqualTo(409);
        assertThat(notYours.body()).contains("by another agent");
        // no such message type
        HttpResponse<String> malformed = agentPost(
                "/api/conversations/" + conversation + "/reply",
                "agent-pii-1",
                "{\"type\":\"letter\",\"letter\":{\"body\":" + WebhookPayload.quoted(TEXT) + "}}");
        assertThat(malformed.statusCode()).isEqualTo(422);
        // R9: outside the 24-hour window only templates
        clock.advance(Duration.ofHours(30));
        HttpResponse<String> windowClosed =
                agentPost("/api/conversations/" + conversation + "/reply", "agent-pii-1", reply);
        assertThat(windowClosed.statusCode()).isEqualTo(409);
        assertThat(windowClosed.body()).contains("WINDOW_CLOSED_NOT_TEMPLATE");

        NoPersonalDataInLogsTest.assertNoPlantedValue(output);
    }

    @Test
    void graphApiErrorsEchoingPersonalDataLeaveNoneInTheLog(CapturedOutput output) throws Exception {
        long conversation = customers.consentedCustomer(PHONE_GRAPH_API_ERROR, TEXT);
        customers.reply(PHONE_GRAPH_API_ERROR, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);
        assertThat(agentPost("/api/conversations/" + conversation + "/claim", "agent-pii-3", "")
                        .statusCode())
                .isEqualTo(200);
        // Meta's error details may repeat the recipient and the text they refused
        StubMapping refusal = GRAPH_API.stubFor(post(urlEqualTo(MESSAGES_URL))
                .withRequestBody(containing(LAST_NAME))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"message\":\"(#131026) Message undeliverable\",\"type\":\"OAuthException\","
                                        + "\"code\":131026,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":"
                                        + "\"Recipient " + PHONE_GRAPH_API_ERROR + " (" + NAME + ") cannot receive: "
                                        + IBAN + "\"},\"fbtrace_id\":\"Pii\"}}")));
        try {
            HttpResponse<String> accepted = agentPost(
                    "/api/conversations/" + conversation + "/reply",
                    "agent-pii-3",
                    "{\"type\":\"text\",\"text\":{\"body\":" + WebhookPayload.quoted("Guten Tag " + NAME) + "}}");
            assertThat(accepted.statusCode()).isEqualTo(202);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from message m join conversation c on c.id = m.conversation_id"
                                            + " where c.id = ? and m.direction = 'OUTBOUND' and m.error_code = 131026"
                                            + " and m.delivery_state = 'failed'",
                                    Long.class,
                                    conversation)
                            == 1);
        } finally {
            GRAPH_API.removeStub(refusal);
        }
        NoPersonalDataInLogsTest.assertNoPlantedValue(output);
    }

    private HttpResponse<String> agentPost(String path, String agent, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(hub.url(path)))
                                .header("Authorization", "Bearer " + IdentityProvider.agent(agent))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
