package io.carehub.erasure;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.GraphApiStub;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Legitimations;
import io.carehub.MutableClock;
import io.carehub.crypto.ContactKeys;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R14/R33/R34/R35/R49 end to end: decline, withdrawal, opt-out and the privacy officer's request, then erasure. */
@ConversationTest
class ErasureTest {

    @Autowired
    MutableClock clock;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Legitimations legitimations;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ErasureExecutor executor;

    @Autowired
    ContactKeys keys;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void withdrawalInTheChatStopsProcessingAtOnceSendsNothingAndErasesTheNonCustomer() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Mein Router blinkt rot");
        customers.text(customer, "Störung seit gestern");
        long contact = contactOf(customer);
        keys.forContact(contact);
        db.awaitOutbound(customer, 2);
        int sentBefore = db.outbound(customer).size();
        awaitGraphRequests(customer, sentBefore);

        customers.text(customer, "Widerruf!");
        requestOf(contact);

        assertThat(jdbc.queryForMap(
                        "select reason, status, due_by from erasure_request where contact_id = ? and status = 'PENDING'",
                        contact))
                .containsEntry("reason", "WITHDRAWN_IN_CHAT")
                // Monday 2025-06-16 + 5 working days (Mon–Sat; Thursday 19th is Corpus Christi in North
                // Rhine-Westphalia) = Monday 23rd, due when it ends in Berlin
                .containsEntry("due_by", java.sql.Timestamp.from(Instant.parse("2025-06-23T22:00:00Z")));
        assertThat(db.conversation(conversation))
                .containsEntry("consent_state", "WITHDRAWN")
                .containsEntry("routing_state", "CLOSED")
                .containsEntry("assigned_agent", null);
        customers.text(customer, "Hallo? Noch da?");
        // held after the withdrawal, in a conversation of its own
        awaitCount("select count(*) from conversation where contact_id = ?", 2, contact);
        // R34: no confirmation, no notice, no reply: nothing was documented for sending nor reached the Graph API
        assertThat(db.outbound(customer)).hasSize(sentBefore);
        assertThat(graphRequests(customer)).isEqualTo(sentBefore);

        assertThat(executor.run()).isGreaterThanOrEqualTo(1);

        assertThat(db.count("select count(*) from contact where id = ?", contact))
                .isZero();
        assertThat(db.count("select count(*) from conversation where contact_id = ?", contact))
                .isZero();
        assertThat(keys.existing(contact)).isEmpty();
        assertThat(jdbc.queryForMap(
                        "select status, step, legal_basis from erasure_request where contact_id = ?", contact))
                .containsEntry("status", "DONE")
                .containsEntry("step", "CONTACT_DELETED")
                .containsEntry("legal_basis", "CONSENT");
        // R33: only anonymized transcripts remain: no phone number in them
        assertThat(db.count("select count(*) from anonymized_transcript where text like '%Router blinkt rot%'"))
                .isPositive();
        assertThat(db.count("select count(*) from anonymized_transcript where text like ?", "%" + customer + "%"))
                .isZero();
        assertThat(audit("erasure request " + requestOf(contact)))
                .containsEntry("erasure-contact", 1)
                .containsEntry("erasure-conversations", 2)
                .containsKey("erasure-messages");
        assertThat(db.count(
                        "select count(*) from deletion_audit where kind = 'contact-key' and reference = ?",
                        "contact " + contact))
                .isEqualTo(1);
        assertThat(graphRequests(customer)).as("R34: no deletion confirmation").isEqualTo(sentBefore);
    }

    @Test
    void theWithdrawButtonOnTheThanksAndAnOptOutHandTheContactToErasure() throws Exception {
        String customer = newCustomer();
        customers.consentedCustomer(customer, "Hallo");
        db.awaitOutbound(customer, 2);
        JsonNode thanks = mapper.readTree((String) db.outbound(customer).get(1).get("payload"));
        assertThat(thanks.at("/interactive/action/buttons/0/reply/id").asText()).isEqualTo("consent-withdraw");

        customers.reply(customer, "button_reply", "consent-withdraw", "Widerrufen");
        awaitCount(
                "select count(*) from erasure_request where contact_id = ? and reason = 'WITHDRAWN_IN_CHAT'",
                1,
                contactOf(customer));

        String other = newCustomer();
        customers.consentedCustomer(other, "Hallo");
        customers.text(other, "STOPP");
        awaitCount(
                "select count(*) from erasure_request where contact_id = ? and reason = 'OPT_OUT'",
                1,
                contactOf(other));
        // a sentence that merely mentions a withdrawal is a question, not a request
        String asking = newCustomer();
        customers.consentedCustomer(asking, "Hallo");
        customers.text(asking, "Wie funktioniert der Widerruf bei einem Vertrag?");
        // the question went through the lifecycle (released into the conversation) without becoming a request
        awaitCount("""
                select count(*) from message m join conversation c on c.id = m.conversation_id
                 where c.contact_id = ? and m.direction = 'INBOUND' and m.released_at is not null""", 3, contactOf(asking));
        assertThat(db.count("select count(*) from erasure_request where contact_id = ?", contactOf(asking)))
                .isZero();
    }

    @Test
    void aDeclinedNoticeIsErasedByTheExecutor() {
        String customer = newCustomer();
        customers.text(customer, "Hallo");
        db.awaitOutbound(customer, 1);
        customers.reply(customer, "button_reply", "consent-decline", "Ablehnen");
        long contact = contactOf(customer);
        requestOf(contact);

        executor.run();

        assertThat(db.count("select count(*) from contact where id = ?", contact))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select status from erasure_request where contact_id = ?", String.class, contact))
                .isEqualTo("DONE");
    }

    @Test
    void privacyOfficerFilesAnErasureAndFollowsItsStatusAndDueDate() throws Exception {
        String customer = newCustomer();
        customers.consentedCustomer(customer, "Hallo");
        String body = "{\"waId\":\"" + customer + "\"}";

        assertThat(hub.post("/api/privacy/erasures", IdentityProvider.agent("a1"), body)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> filed = hub.post("/api/privacy/erasures", IdentityProvider.privacyOfficer(), body);
        assertThat(filed.statusCode()).isEqualTo(202);
        JsonNode request = mapper.readTree(filed.body());
        assertThat(request.path("reason").asText()).isEqualTo("PRIVACY_OFFICER");
        assertThat(request.path("status").asText()).isEqualTo("PENDING");
        assertThat(request.path("dueBy").asText()).isEqualTo("2025-06-23T22:00:00Z");
        assertThat(hub.post("/api/privacy/erasures", IdentityProvider.privacyOfficer(), "{\"waId\":\"4900\"}")
                        .statusCode())
                .isEqualTo(404);

        // R33: overdue after the due date: status, metric and health say so
        clock.set(Instant.parse("2025-06-24T08:00:00Z"));
        JsonNode overdue = mapper.readTree(
                hub.get("/api/privacy/erasures/" + request.path("id").asLong(), IdentityProvider.privacyOfficer())
                        .body());
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        JsonNode health = mapper.readTree(
                hub.get("/actuator/health/erasure", IdentityProvider.ops()).body());
        assertThat(health.path("status").asText()).isEqualTo("WARNING");
        assertThat(health.path("details").path("overdue").asLong()).isPositive();
        JsonNode gauge = mapper.readTree(hub.get("/actuator/metrics/carehub.erasure.overdue", IdentityProvider.ops())
                .body());
        assertThat(gauge.at("/measurements/0/value").asDouble()).isPositive();

        executor.run();

        JsonNode done = mapper.readTree(
                hub.get("/api/privacy/erasures/" + request.path("id").asLong(), IdentityProvider.privacyOfficer())
                        .body());
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("legalBasis").asText()).isEqualTo("CONSENT");
        assertThat(done.path("overdue").asBoolean()).isFalse();
        assertThat(mapper.readTree(hub.get("/actuator/health/erasure", IdentityProvider.ops())
                                .body())
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void aCustomersArchivedRecordsStayUntilTheirPeriodEndsThenTheContactAndKeyGo() {
        String customer = newCustomer();
        long archived = customers.consentedCustomer(customer, "Ich kündige meinen Vertrag");
        long contact = contactOf(customer);
        keys.forContact(contact);
        legitimations.signIn(customer, Legitimations.privateCustomer("Frau", "Erika Muster", "K-4711"));
        Instant until = Instant.parse("2031-12-31T23:00:00Z");
        jdbc.update(
                "update conversation set archive_class = 'COMMERCIAL_LETTER', archived_until = ?, status = 'CLOSED' where id = ?",
                java.sql.Timestamp.from(until),
                archived);
        customers.text(customer, "Noch eine Frage zum Router");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.conversationOf(customer) != archived);
        long chat = db.conversationOf(customer);
        assertThat(chat).isNotEqualTo(archived);
        jdbc.update(
                "insert into erasure_request (contact_id, reason, requested_at, due_by) values (?, 'PRIVACY_OFFICER', now(), now())",
                contact);

        executor.run();

        assertThat(jdbc.queryForMap(
                        "select status, legal_basis, hold_until from erasure_request where contact_id = ?", contact))
                .containsEntry("status", "ARCHIVE_HOLD")
                .containsEntry("legal_basis", "CONTRACT")
                .containsEntry("hold_until", java.sql.Timestamp.from(until));
        assertThat(db.count("select count(*) from conversation where id = ?", archived))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from conversation where id = ?", chat))
                .isZero();
        assertThat(keys.existing(contact)).as("the archive still needs the key").isPresent();
        assertThat(jdbc.queryForMap("select profile_name, username from contact where id = ?", contact))
                .containsEntry("profile_name", null);

        clock.set(until.plusSeconds(1));
        executor.run();

        assertThat(db.count("select count(*) from contact where id = ?", contact))
                .isZero();
        assertThat(keys.existing(contact)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select status from erasure_request where contact_id = ?", String.class, contact))
                .isEqualTo("DONE");
    }

    @Test
    void aCrashInTheMiddleIsResumedAndEverythingIsDeletedAndAuditedOnce() {
        String customer = newCustomer();
        customers.consentedCustomer(customer, "Hallo");
        customers.text(customer, "Meine Rechnung ist zu hoch");
        long contact = contactOf(customer);
        keys.forContact(contact);
        customers.text(customer, "Widerruf");
        long request = requestOf(contact);
        // the database refuses to delete this contact once: the run dies after the history step
        jdbc.execute("""
                create function refuse_contact_delete() returns trigger language plpgsql as $$
                begin raise exception 'injected failure'; end $$""");
        jdbc.execute("create trigger refuse_contact_delete before delete on contact for each row when (old.id = "
                + contact + ") execute function refuse_contact_delete()");
        try {
            executor.run();
            assertThat(jdbc.queryForMap("select status, step from erasure_request where id = ?", request))
                    .containsEntry("status", "PENDING")
                    .containsEntry("step", "HISTORY_DELETED");
            assertThat(db.count("select count(*) from contact where id = ?", contact))
                    .isEqualTo(1);
            assertThat(db.count("select count(*) from conversation where contact_id = ?", contact))
                    .isZero();
            executor.run(); // fails again at the same step: nothing done twice
        } finally {
            jdbc.execute("drop trigger refuse_contact_delete on contact");
            jdbc.execute("drop function refuse_contact_delete()");
        }

        executor.run();

        assertThat(db.count("select count(*) from contact where id = ?", contact))
                .isZero();
        assertThat(jdbc.queryForObject("select status from erasure_request where id = ?", String.class, request))
                .isEqualTo("DONE");
        assertThat(db.count("select count(*) from deletion_audit where reference = ?", "erasure request " + request))
                .as("one row per kind")
                .isEqualTo(db.count(
                        "select count(distinct kind) from deletion_audit where reference = ?",
                        "erasure request " + request));
        assertThat(audit("erasure request " + request))
                .containsEntry("erasure-contact", 1)
                .containsEntry("erasure-conversations", 1);
        assertThat(db.count(
                        "select count(*) from deletion_audit where kind = 'contact-key' and reference = ?",
                        "contact " + contact))
                .isEqualTo(1);
    }

    @Test
    void aNewNoticeVersionAsksTheCustomerAgainAtTheirNextMessage() {
        String customer = newCustomer();
        long first = customers.consentedCustomer(customer, "Hallo");
        long contact = contactOf(customer);
        db.awaitOutbound(customer, 2);
        // the customer accepted an older version of the notice (the hub now runs carehub.consent.notice-version)
        jdbc.update("update consent_record set notice_version = '2020-01' where contact_id = ?", contact);
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        int sent = db.outbound(customer).size(); // notice, thanks, menu

        customers.text(customer, "Ich habe noch eine Frage");

        db.awaitOutbound(customer, sent + 1);
        Map<String, Object> notice = db.outbound(customer).get(sent);
        assertThat((String) notice.get("payload")).contains("consent-accept");
        assertThat(db.count(
                        "select count(*) from message where conversation_id = ? and direction = 'INBOUND' and released_at is null",
                        first))
                .as("held until the new notice is accepted")
                .isEqualTo(1);

        customers.reply(customer, "button_reply", "consent-accept", "Akzeptieren");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count(
                                "select count(*) from consent_record where contact_id = ? and notice_version <> '2020-01' and decision = 'ACCEPTED'",
                                contact)
                        == 1);
        assertThat(db.count(
                        "select count(*) from message where conversation_id = ? and direction = 'INBOUND' and released_at is null",
                        first))
                .isZero();
    }

    private long contactOf(String waId) {
        return db.contactIds(waId).get(0);
    }

    private void awaitCount(String sql, long expected, Object... args) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(sql, args) == expected);
    }

    /** The contact's latest erasure request, once the lifecycle has filed it (the webhook answers first). */
    private long requestOf(long contact) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("select count(*) from erasure_request where contact_id = ?", contact) > 0);
        return jdbc.queryForObject(
                "select id from erasure_request where contact_id = ? order by id desc limit 1", Long.class, contact);
    }

    private Map<String, Integer> audit(String reference) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query(
                "select kind, item_count from deletion_audit where reference = ?",
                rs -> {
                    counts.merge(rs.getString(1), rs.getInt(2), Integer::sum);
                },
                reference);
        return counts;
    }

    private static int graphRequests(String waId) {
        return GraphApiStub.GRAPH_API
                .findAll(postRequestedFor(urlPathMatching("/v23\\.0/[0-9]+/messages"))
                        .withRequestBody(containing("\"" + waId + "\"")))
                .size();
    }

    private static void awaitGraphRequests(String waId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> graphRequests(waId) >= count);
    }
}
