package io.carehub.routing;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.Webhook;
import io.carehub.documentation.ConversationStatus;
import io.carehub.documentation.Conversations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R22: the conversation's named transitions refuse what does not follow from its current state. */
@ConversationTest
class ConversationTransitionsTest {

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

    @Autowired
    Conversations conversations;

    @Autowired
    io.carehub.documentation.ConversationQueries queries;

    @Test
    void transitionsThatDoNotFollowFromTheCurrentStateAreRefused() throws Exception {
        String customer = newCustomer();
        long conversation = pools.waitingInPrivateGeneral(customer, "Störung");
        assertThat(conversations.close(conversation, "agent-2", clock.instant()))
                .as("close before the claim")
                .isFalse();
        assertThat(conversations.startBot(conversation))
                .as("a waiting conversation goes to no bot")
                .isFalse();
        assertThat(conversations.awaitMenu(conversation, clock.instant()))
                .as("no menu once queued")
                .isFalse();
        assertThat(conversations.claim(conversation, "agent-2", List.of("*"), clock.instant()))
                .isTrue();
        assertThat(conversations.claim(conversation, "agent-3", List.of("*"), clock.instant()))
                .as("claim a claimed one")
                .isFalse();
        assertThat(conversations.close(conversation, "agent-3", clock.instant()))
                .as("another agent closes")
                .isFalse();
        assertThat(conversations.close(conversation, "agent-2", clock.instant()))
                .isTrue();

        assertThat(conversations.claim(conversation, "agent-2", List.of("*"), clock.instant()))
                .isFalse();
        assertThat(conversations.close(conversation, "agent-2", clock.instant()))
                .isFalse();
        assertThat(conversations.transferToPool(conversation, "agent-2", "business", clock.instant()))
                .isFalse();
        assertThat(conversations.queue(conversation, "business", 8, clock.instant(), null))
                .isFalse();
        assertThat(queries.status(conversation)).contains(ConversationStatus.CLOSED);
        HttpResponse<String> claim = api("/api/conversations/" + conversation + "/claim", "agent-4", "");
        assertThat(claim.statusCode()).isEqualTo(409);
        assertThat(claim.body()).contains("closed");
        assertThat(db.count(
                        "select count(*) from agent_action where conversation_id = ? and agent_id = 'agent-4'",
                        conversation))
                .isZero();
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
