package io.carehub.routing;

import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R47: the agent is who the verified token says: an agent sees and claims only conversations of their own pools,
 * acts only on conversations assigned to them, cannot act as another agent (a header naming one changes nothing),
 * of two desktops claiming at the same moment exactly one wins, and a reply racing a reassignment is refused. Supervisors reassign; a transfer's target must
 * be a known agent or pool.
 */
@ConversationTest
class AgentIdentityTest {

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    DataSource dataSource;

    @Test
    void anAgentCannotActAsAnotherAgent() {
        String customer = newCustomer();
        long conversation = pools.waitingInPrivateGeneral(customer, "Störung");
        assertThat(claim(conversation, IdentityProvider.agent("anna")).statusCode())
                .isEqualTo(200);
        String ben = IdentityProvider.agent("ben");
        int outboundBefore = db.outbound(customer).size();

        // ben's own token, with the header that used to name the agent claiming to be anna
        for (String action : List.of("reply", "template", "transfer", "close")) {
            String body = switch (action) {
                case "reply" -> "{\"type\":\"text\",\"text\":{\"body\":\"Ich bin Anna\"}}";
                case "template" -> "{\"name\":\"hello_world\",\"language\":{\"code\":\"de\"}}";
                case "transfer" -> "{\"toAgent\":\"ben\"}";
                default -> "";
            };
            HttpRequest request = HttpRequest.newBuilder(
                            hub.request("POST", "/api/conversations/" + conversation + "/" + action, ben, body),
                            (name, value) -> true)
                    .header("X-Agent-Id", "anna")
                    .build();
            assertThat(hub.send(request).statusCode()).as(action).isEqualTo(409);
        }

        assertThat(db.conversation(conversation))
                .containsEntry("routing_state", "CLAIMED")
                .containsEntry("assigned_agent", "anna");
        assertThat(db.outbound(customer)).hasSize(outboundBefore);
        assertThat(db.count(
                        "select count(*) from agent_action where conversation_id = ? and agent_id <> 'anna'",
                        conversation))
                .isZero();
        GRAPH_API.verify(
                0, WireMock.postRequestedFor(WireMock.anyUrl()).withRequestBody(WireMock.containing("Ich bin Anna")));
    }

    @Test
    void agentsSeeAndClaimOnlyConversationsOfTheirOwnPools() {
        long conversation = pools.waitingInPrivateGeneral(newCustomer(), "Störung");
        String businessOnly = IdentityProvider.agentOf("carla", "business");

        assertThat(hub.get("/api/pools/private-general/conversations", businessOnly)
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.get("/api/pools/business/conversations", businessOnly).statusCode())
                .isEqualTo(200);
        assertThat(hub.get("/api/conversations/" + conversation + "/messages", businessOnly)
                        .statusCode())
                .isEqualTo(403);
        assertThat(claim(conversation, businessOnly).statusCode()).isEqualTo(403);
        assertThat(db.conversation(conversation))
                .containsEntry("routing_state", "WAITING")
                .containsEntry("assigned_agent", null);

        String general = IdentityProvider.agentOf("dora", "private-general");
        assertThat(hub.get("/api/pools/private-general/conversations", general).body())
                .contains("\"conversationId\":" + conversation);
        assertThat(claim(conversation, general).statusCode()).isEqualTo(200);
        assertThat(db.conversation(conversation)).containsEntry("assigned_agent", "dora");
    }

    @Test
    void ofTwoDesktopsClaimingAtTheSameMomentExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            long conversation = pools.waitingInPrivateGeneral(newCustomer(), "Störung");
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> claim(conversation, IdentityProvider.agent("desk-1"))));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(
                    () -> awaitThen(start, () -> claim(conversation, IdentityProvider.agent("desk-2"))));
            start.countDown();

            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
            String winner = first.get() == 200 ? "desk-1" : "desk-2";
            assertThat(db.conversation(conversation)).containsEntry("assigned_agent", winner);
            assertThat(db.count(
                            "select count(*) from agent_action where conversation_id = ? and action = 'CLAIM'",
                            conversation))
                    .isEqualTo(1);
        }
    }

    @Test
    void aTransferGoesOnlyToAKnownAgentAndSupervisorsReassign() {
        long conversation = pools.waitingInPrivateGeneral(newCustomer(), "Störung");
        String emil = IdentityProvider.agent("emil");
        assertThat(claim(conversation, emil).statusCode()).isEqualTo(200);

        assertThat(hub.post("/api/conversations/" + conversation + "/transfer", emil, "{\"toAgent\":\"nobody-known\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(db.conversation(conversation)).containsEntry("assigned_agent", "emil");

        // an agent who has acted before is known; a supervisor moves the conversation without holding it
        long other = pools.waitingInPrivateGeneral(newCustomer(), "Störung");
        assertThat(claim(other, IdentityProvider.agent("frida")).statusCode()).isEqualTo(200);
        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/transfer",
                                IdentityProvider.agent("frida"),
                                "{\"toAgent\":\"frida\"}")
                        .statusCode())
                .as("frida cannot take emil's conversation herself")
                .isEqualTo(409);
        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/transfer",
                                IdentityProvider.supervisor(),
                                "{\"toAgent\":\"frida\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(db.conversation(conversation)).containsEntry("assigned_agent", "frida");
        assertThat(db.count(
                        "select count(*) from agent_action where conversation_id = ? and action = 'REASSIGN' and agent_id = 'sup-1'",
                        conversation))
                .isEqualTo(1);
    }

    @Test
    void aReplyRacingAReassignmentIsRefusedOnceTheConversationIsTakenAway() throws Exception {
        String customer = newCustomer();
        long conversation = pools.waitingInPrivateGeneral(customer, "Störung");
        String gina = IdentityProvider.agent("gina");
        assertThat(claim(conversation, gina).statusCode()).isEqualTo(200);
        int outboundBefore = db.outbound(customer).size();

        // a reassignment in flight: it holds the conversation's row until it commits, while gina's reply starts and
        // passes every check that reads the committed state (gina still holds the conversation there)
        try (Connection reassignment = dataSource.getConnection()) {
            reassignment.setAutoCommit(false);
            try (PreparedStatement update =
                    reassignment.prepareStatement("update conversation set assigned_agent = 'hugo' where id = ?")) {
                update.setLong(1, conversation);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<HttpResponse<String>> reply = CompletableFuture.supplyAsync(() -> hub.post(
                    "/api/conversations/" + conversation + "/reply",
                    gina,
                    "{\"type\":\"text\",\"text\":{\"body\":\"Antwort nach der Umverteilung\"}}"));
            await().atMost(Duration.ofSeconds(20)).until(() -> reply.isDone() || waitingForARowLock() > 0);
            reassignment.commit();

            assertThat(reply.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
        }
        assertThat(db.outbound(customer)).hasSize(outboundBefore);
        GRAPH_API.verify(
                0,
                WireMock.postRequestedFor(WireMock.anyUrl())
                        .withRequestBody(WireMock.containing("Antwort nach der Umverteilung")));
    }

    private long waitingForARowLock() {
        return db.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'");
    }

    private HttpResponse<String> claim(long conversation, String token) {
        return hub.post("/api/conversations/" + conversation + "/claim", token, "");
    }

    private static int awaitThen(CountDownLatch start, java.util.function.Supplier<HttpResponse<String>> call) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return call.get().statusCode();
    }
}
