package io.carehub.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.carehub.Fixture.fixture;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.routing.Customers.newCustomer;
import static io.carehub.routing.Customers.newUsernameCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R52: customers identified by their business-scoped user ID (BSUID) and/or phone number keep one contact, one
 * history and their consent whichever identifier WhatsApp shows; identifier changes re-link the contact; replies go to
 * the phone number when known, else to the BSUID ({@code recipient}); Meta's 131062 is recorded and surfaced.
 */
@ConversationTest
class BsuidCustomerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AgentPools pools;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void customerFirstSeenByPhoneNumberThenOnlyByBsuidKeepsOneContactHistoryAndConsent() throws Exception {
        String phone = newCustomer();
        String bsuid = newUsernameCustomer();
        long conversation = customers.consentedCustomer(phone, "Hallo"); // a payload from before BSUIDs: phone only
        long contact = contactOf(conversation);

        customers.textWithBoth(phone, bsuid, "Jetzt mit BSUID"); // links the BSUID to the contact
        customers.text(bsuid, "Und jetzt ohne Telefonnummer"); // the customer adopted a username
        awaitInbound(conversation, 4); // Hallo, accept, with BSUID, without number

        assertThat(db.contactIds(phone, bsuid)).containsExactly(contact);
        assertThat(db.contact(contact))
                .containsEntry("wa_id", phone)
                .containsEntry("user_id", bsuid)
                .containsEntry("username", Customers.usernameOf(bsuid));
        assertThat(db.conversationOf(bsuid)).isEqualTo(conversation);
        assertThat(inboundCount(conversation)).isEqualTo(4); // Hallo, accept, with BSUID, without number
        assertThat(consentRecords(contact)).isEqualTo(1);
        assertThat(notices(bsuid)).as("no second privacy notice").isEqualTo(1);
        // the history API finds the customer by either identifier
        assertThat(history("waId=" + phone)).isEqualTo(history("userId=" + bsuid));
        // R52: Meta recommends the phone number while it is known
        JsonNode reply = agentReply(bsuid, conversation);
        assertThat(reply.path("to").asText()).isEqualTo(phone);
        assertThat(reply.has("recipient")).isFalse();
    }

    @Test
    void customerFirstSeenByBsuidOnlyThenWithPhoneNumberKeepsOneContactAndIsThenAnsweredByNumber() throws Exception {
        String bsuid = newUsernameCustomer();
        String phone = newCustomer();
        customers.text(bsuid, "Hallo"); // a username customer: no phone number
        db.awaitOutbound(bsuid, 1);
        JsonNode notice = mapper.readTree((String) db.outbound(bsuid).get(0).get("payload"));
        assertThat(notice.path("recipient").asText()).isEqualTo(bsuid);
        assertThat(notice.has("to")).isFalse();
        long conversation = db.conversationOf(bsuid);
        long contact = contactOf(conversation);
        await().atMost(PATIENCE).until(() -> wamidOfOutbound(bsuid, 0) != null); // the Graph API accepted it
        customers.reply(bsuid, "button_reply", "consent-accept", "Akzeptieren");
        await().atMost(PATIENCE).until(() -> consentRecords(contact) == 1);

        customers.textWithBoth(phone, bsuid, "Meine Nummer sehen Sie jetzt");
        customers.text(phone, "Und nur mit Nummer");
        awaitInbound(conversation, 4);

        assertThat(db.contactIds(phone, bsuid)).containsExactly(contact);
        assertThat(db.conversationOf(phone)).isEqualTo(conversation);
        assertThat(inboundCount(conversation)).isEqualTo(4);
        assertThat(consentRecords(contact)).isEqualTo(1);
        assertThat(notices(bsuid)).isEqualTo(1);
        JsonNode reply = agentReply(phone, conversation);
        assertThat(reply.path("to").asText()).isEqualTo(phone);
        assertThat(reply.has("recipient")).isFalse();
    }

    @Test
    void identifierChangesReLinkTheContactAndKeepHistoryConsentAndErasureState() throws Exception {
        Fixture numberChange = fixture("system-user-changed-number");
        Fixture userIdChange = fixture("system-user-changed-user-id", numberChange);
        String phone = numberChange.waId();
        String bsuid = numberChange.userId();
        customers.textWithBoth(phone, bsuid, "Hallo");
        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from contact where user_id_hash = ?", db.hash(bsuid)) == 1);
        long conversation = db.conversationOf(bsuid);
        long contact = contactOf(conversation);
        customers.reply(phone, "button_reply", "consent-accept", "Akzeptieren");
        await().atMost(PATIENCE).until(() -> consentRecords(contact) == 1);
        jdbc.update( // R33: a pending erasure request (the privacy API's) must stay with the contact
                "insert into erasure_request (contact_id, reason, requested_at) values (?, 'CUSTOMER_REQUEST', now())",
                contact);

        assertThat(webhook.postSigned(numberChange.json()).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> numberChange.newWaId().equals(column(contact, "wa_id")));
        assertThat(webhook.postSigned(userIdChange.json()).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> userIdChange.newUserId().equals(column(contact, "user_id")));

        customers.text(userIdChange.newUserId(), "Ich bin es wieder, mit neuer ID");
        awaitInbound(conversation, 5);
        assertThat(db.contactIds(phone, numberChange.newWaId(), bsuid, userIdChange.newUserId()))
                .containsExactly(contact);
        assertThat(db.conversationOf(userIdChange.newUserId())).isEqualTo(conversation);
        assertThat(consentRecords(contact)).isEqualTo(1);
        assertThat(notices(userIdChange.newUserId())).isEqualTo(1);
        assertThat(db.count("select count(*) from erasure_request where contact_id = ?", contact))
                .isEqualTo(1);
        // both system messages are documented in the customer's history, the text after them too
        assertThat(db.count("select count(*) from message where conversation_id = ? and type = 'system'", conversation))
                .isEqualTo(2);
        assertThat(inboundCount(conversation)).isEqualTo(5);
        // R52: the reply goes to the new phone number
        assertThat(agentReply(userIdChange.newUserId(), conversation).path("to").asText())
                .isEqualTo(numberChange.newWaId());
    }

    @Test
    void templateWhatsappRefusesForABsuidFailsWith131062AndIsThenRefusedWith409ForCustomersWithoutNumber()
            throws Exception {
        String template = "auth_code_" + System.nanoTime();
        GRAPH_API.stubFor(post(urlPathMatching("/v23\\.0/[0-9]+/messages"))
                .atPriority(1)
                .withRequestBody(matchingJsonPath(
                        "$.template.name", com.github.tomakehurst.wiremock.client.WireMock.equalTo(template)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"error":{"message":"(#131062) BSUID recipient not supported","type":"OAuthException",
                                 "code":131062,"error_data":{"messaging_product":"whatsapp",
                                 "details":"Business-scoped user ID (BSUID) recipients are not supported for this message type."},
                                 "fbtrace_id":"AazZ0FO7n8yXr2AbS3jvMs1"}}""")));
        String bsuid = newUsernameCustomer();
        long conversation = customers.consentedCustomer(bsuid, "Hallo");
        customers.reply(bsuid, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);
        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", "agent-52", "")
                        .statusCode())
                .isEqualTo(200);
        String body = "{\"name\":\"" + template + "\",\"language\":{\"code\":\"de\"}}";

        HttpResponse<String> first = api("POST", "/api/conversations/" + conversation + "/template", "agent-52", body);
        assertThat(first.statusCode()).isEqualTo(202);
        long messageId = mapper.readTree(first.body()).get("messageId").asLong();
        await().atMost(PATIENCE)
                .until(() -> "failed"
                        .equals(jdbc.queryForObject(
                                "select delivery_state from message where id = ?", String.class, messageId)));
        assertThat(db.message(messageId))
                .containsEntry("error_code", 131062)
                .hasEntrySatisfying(
                        "last_error",
                        error -> assertThat((String) error)
                                .startsWith("BSUID_RECIPIENT_NOT_SUPPORTED")
                                .contains("not supported for this message type"));

        HttpResponse<String> second = api("POST", "/api/conversations/" + conversation + "/template", "agent-52", body);
        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode problem = mapper.readTree(second.body());
        assertThat(problem.path("reason").asText()).isEqualTo("BSUID_RECIPIENT_NOT_SUPPORTED");
        assertThat(problem.path("code").asInt()).isEqualTo(131062);
        assertThat(db.count(
                        "select count(*) from message where conversation_id = ? and type = 'template'", conversation))
                .as("the refused template is not documented as sent")
                .isEqualTo(1);
    }

    @Test
    void statusesOfASendToABsuidAreMatchedByWamidAndRecipientUserIdIncludingAFailedOneWithoutContacts() {
        Fixture sent = fixture("status-sent-bsuid");
        Fixture delivered = fixture("status-delivered-bsuid", sent);
        Fixture failed = fixture("status-failed-bsuid", sent);
        String wamid = sent.wamid("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCNkY5NTBENEU3ODYxQTM3RUQA");
        String failedWamid = failed.wamid("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBMTFFQUE5Q0NBMDE2NkVBMDQA");

        for (Fixture status : List.of(sent, delivered, failed)) {
            assertThat(webhook.postSigned(status.json()).statusCode()).isEqualTo(200);
        }

        await().atMost(PATIENCE)
                .until(() ->
                        db.count("select count(*) from message_status where wamid in (?, ?)", wamid, failedWamid) == 3);
        assertThat(db.contactIds(sent.userId()).stream()
                        .map(id -> db.contact(id).get("wa_id"))
                        .toList())
                .as("one contact, known by BSUID only")
                .containsExactly((Object) null);
        assertThat(jdbc.queryForMap("select delivery_state, error_code from message where wamid = ?", failedWamid))
                .containsEntry("delivery_state", "failed")
                .containsEntry("error_code", 131062);
        assertThat(jdbc.queryForObject("select delivery_state from message where wamid = ?", String.class, wamid))
                .isEqualTo("delivered");
        assertThat(db.rejected(null, Db.containing(sent.userId().getBytes(StandardCharsets.UTF_8))))
                .isZero();
    }

    /** The customer picks a topic, an agent claims the conversation and replies: the reply's Graph API payload. */
    private JsonNode agentReply(String customer, long conversation) throws Exception {
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation); // waiting in the pool now
        String agent = "agent-" + conversation;
        assertThat(api("POST", "/api/conversations/" + conversation + "/claim", agent, "")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> sent = api(
                "POST",
                "/api/conversations/" + conversation + "/reply",
                agent,
                "{\"type\":\"text\",\"text\":{\"body\":\"Guten Tag, ich helfe Ihnen gern.\"}}");
        assertThat(sent.statusCode()).isEqualTo(202);
        long messageId = mapper.readTree(sent.body()).get("messageId").asLong();
        return mapper.readTree((String) db.message(messageId).get("outbound_payload"));
    }

    /** The messages of one post are handled in order; this waits for the last of them to be documented. */
    private void awaitInbound(long conversation, int count) {
        await().atMost(PATIENCE).until(() -> inboundCount(conversation) >= count);
    }

    private long contactOf(long conversation) {
        return jdbc.queryForObject("select contact_id from conversation where id = ?", Long.class, conversation);
    }

    private String column(long contact, String column) {
        return (String) db.contact(contact).get(column);
    }

    private long inboundCount(long conversation) {
        return db.count(
                "select count(*) from message where conversation_id = ? and direction = 'INBOUND'", conversation);
    }

    private long consentRecords(long contact) {
        return db.count("select count(*) from consent_record where contact_id = ?", contact);
    }

    private long notices(String customer) {
        return db.outbound(customer).stream()
                .filter(m -> ((String) m.get("payload")).contains("consent-accept"))
                .count();
    }

    private String wamidOfOutbound(String customer, int index) {
        return jdbc.queryForObject("""
                select m.wamid from message m join conversation c on c.id = m.conversation_id
                  join contact k on k.id = c.contact_id
                 where ? in (k.wa_id_hash, k.user_id_hash) and m.direction = 'OUTBOUND' order by m.id offset ? limit 1""", String.class, db.hash(customer), index);
    }

    private String history(String query) throws Exception {
        HttpResponse<String> answer = api("GET", "/api/conversations?" + query, null, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> api(String method, String path, String agent, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port() + path))
                .header(
                        "Authorization",
                        "Bearer " + (agent == null ? IdentityProvider.supervisor() : IdentityProvider.agent(agent)))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
