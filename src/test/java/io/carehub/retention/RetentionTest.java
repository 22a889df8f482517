package io.carehub.retention;

import static io.carehub.routing.Customers.newCustomer;
import static io.carehub.routing.RoutingRulesFile.builtInRules;
import static io.carehub.routing.RoutingRulesFile.writeRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Legitimations;
import io.carehub.MutableClock;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.routing.AgentPools;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import io.carehub.routing.RoutingRules;
import io.carehub.routing.RoutingRulesSource;
import io.carehub.routing.TestClock;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * R30/R31/R35/R36 with time travel through the hub's clock: the three-month purge (a day before: kept; a day
 * after: gone; archived: kept), the contract-relevant mark through the API, archive expiry after 6 and 10 years,
 * and the audit rows of every deletion. Batches of two rows, so every purge takes several transactions.
 */
@ConversationTest
@TestPropertySource(properties = "carehub.retention.batch-size=2")
class RetentionTest {

    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    @Autowired
    MutableClock clock;

    @Autowired
    Customers customers;

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Legitimations legitimations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AgentPools pools;

    @Autowired
    RoutingRulesSource routingRules;

    @Autowired
    RetentionPurge purge;

    @Autowired
    ArchiveExpiry expiry;

    private final ObjectMapper mapper = new ObjectMapper();

    /** The database stamps what it stores with its own time: the hub's clock starts there, then travels. */
    @BeforeEach
    void startAtTheDatabasesTime() {
        clock.set(jdbc.queryForObject("select now()", Timestamp.class).toInstant());
    }

    @Test
    void purgeKeepsContentADayYoungerThanThreeMonthsAndDeletesItADayOlderWithAnAuditRowPerBatch() {
        String customer = newCustomer();
        long conversation = conversationWithStatuses(customer);
        String notice = noticeOf(conversation);
        long documented = messages(conversation);
        Instant first = stored(conversation, "min");
        Instant last = stored(conversation, "max");

        clock.set(threeMonthsAfter(first).minus(Duration.ofDays(1)));
        purge.purge();
        assertThat(messages(conversation)).isEqualTo(documented);
        assertThat(statuses(notice)).isEqualTo(2);
        assertThat(billingRows(notice)).isEqualTo(1);

        clock.set(threeMonthsAfter(last).plus(Duration.ofDays(1)));
        Map<String, Integer> deleted = purge.purge();

        assertThat(messages(conversation)).isZero();
        assertThat(statuses(notice)).isZero();
        assertThat(billingRows(notice)).isZero();
        assertThat(deleted.get("message")).isGreaterThanOrEqualTo((int) documented);
        // R35: one row per batch (at most two rows each), kind, count, when and why; never content
        List<Map<String, Object>> audit = jdbc.queryForList(
                "select kind, item_count, reason, reference from deletion_audit where deleted_at = ? and kind = 'message'",
                Timestamp.from(clock.instant()));
        assertThat(audit).hasSizeGreaterThanOrEqualTo(2);
        assertThat(audit).allSatisfy(row -> {
            assertThat((Integer) row.get("item_count")).isBetween(1, 2);
            assertThat(row).containsEntry("reason", "RETENTION_PURGE");
            assertThat(row.get("reference").toString()).startsWith("stored before ");
        });
        assertThat(audit.stream()
                        .mapToInt(row -> (Integer) row.get("item_count"))
                        .sum())
                .isEqualTo(deleted.get("message"));
        assertThat(jdbc.queryForObject(
                        "select sum(item_count) from deletion_audit where deleted_at = ? and kind = 'message-status'",
                        Long.class,
                        Timestamp.from(clock.instant())))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void contractRelevantConversationOfALegitimatedCustomerOutlivesThePurgeUntilSixYearsAfterTheYearEnds()
            throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Ich kündige meinen Vertrag zum Monatsende");
        legitimate(customer);
        Instant markedAt = clock.instant();

        HttpResponse<String> marked = hub.post(
                "/api/conversations/" + conversation + "/contract-relevant",
                IdentityProvider.supervisor(),
                "{\"archiveClass\":\"COMMERCIAL_LETTER\"}");

        assertThat(marked.statusCode()).isEqualTo(200);
        Instant until = endOfYearPlus(markedAt, 6);
        JsonNode body = mapper.readTree(marked.body());
        assertThat(body.path("archiveClass").asText()).isEqualTo("COMMERCIAL_LETTER");
        assertThat(Instant.parse(body.path("archivedUntil").asText())).isEqualTo(until);
        assertThat(db.conversation(conversation))
                .containsEntry("archive_class", "COMMERCIAL_LETTER")
                .containsEntry("contract_relevant_by", "sup-1")
                .containsKey("contract_relevant_at");
        long documented = messages(conversation);

        // R30: the archive is exempt from the purge
        clock.set(threeMonthsAfter(stored(conversation, "max")).plus(Duration.ofDays(1)));
        purge.purge();
        assertThat(messages(conversation)).isEqualTo(documented);

        // R31: kept until the end of its period, deleted after it, with audit rows naming the conversation
        clock.set(until.minus(Duration.ofDays(1)));
        expiry.expire();
        assertThat(messages(conversation)).isEqualTo(documented);
        clock.set(until.plus(Duration.ofDays(1)));
        expiry.expire();
        assertThat(db.count("select count(*) from conversation where id = ?", conversation))
                .isZero();
        assertThat(messages(conversation)).isZero();
        assertThat(jdbc.queryForList(
                        "select kind, item_count, reason from deletion_audit where reference = ? order by kind",
                        "conversation " + conversation))
                .extracting(row -> row.get("kind") + " " + row.get("item_count") + " " + row.get("reason"))
                .containsExactly(
                        "agent-action 1 ARCHIVE_EXPIRY",
                        "conversation 1 ARCHIVE_EXPIRY",
                        "message " + documented + " ARCHIVE_EXPIRY");
    }

    @Test
    void accountingRecordIsKeptTenYears() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Die Rechnung vom März ist falsch");
        legitimate(customer);
        Instant markedAt = clock.instant();

        HttpResponse<String> marked = hub.post(
                "/api/conversations/" + conversation + "/contract-relevant",
                IdentityProvider.supervisor(),
                "{\"archiveClass\":\"ACCOUNTING_RECORD\"}");

        assertThat(marked.statusCode()).isEqualTo(200);
        Instant until = endOfYearPlus(markedAt, 10);
        assertThat(Instant.parse(
                        mapper.readTree(marked.body()).path("archivedUntil").asText()))
                .isEqualTo(until);
        long documented = messages(conversation);
        clock.set(endOfYearPlus(markedAt, 6).plus(Duration.ofDays(1)));
        expiry.expire();
        assertThat(messages(conversation)).isEqualTo(documented);
        clock.set(until.plus(Duration.ofDays(1)));
        expiry.expire();
        assertThat(db.count("select count(*) from conversation where id = ?", conversation))
                .isZero();
    }

    @Test
    void conversationOfACustomerWhoIsNotLegitimatedIsNotArchivedAndTheAnswerSaysWhy() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Bitte merken Sie sich meine Kündigung");

        HttpResponse<String> refused = hub.post(
                "/api/conversations/" + conversation + "/contract-relevant", IdentityProvider.supervisor(), "{}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not legitimated");
        assertThat(db.conversation(conversation).get("archive_class")).isNull();
    }

    @Test
    void onlyThePrivacyOfficerReadsTheArchiveAndOnlyTheAgentOfTheConversationOrASupervisorMarks() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Ich möchte den Tarif wechseln");
        legitimate(customer);

        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/contract-relevant",
                                IdentityProvider.agent("agent-not-assigned"),
                                "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/contract-relevant",
                                IdentityProvider.privacyOfficer(),
                                "{}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/contract-relevant",
                                IdentityProvider.supervisor(),
                                "{}")
                        .statusCode())
                .isEqualTo(200);

        for (String token : List.of(IdentityProvider.supervisor(), IdentityProvider.agent("agent-1"))) {
            assertThat(hub.get("/api/archive/conversations", token).statusCode())
                    .isEqualTo(403);
            assertThat(hub.get("/api/archive/conversations/" + conversation + "/messages", token)
                            .statusCode())
                    .isEqualTo(403);
        }
        HttpResponse<String> archive =
                hub.get("/api/archive/conversations?size=200", IdentityProvider.privacyOfficer());
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(archive.body()).findValues("id"))
                .extracting(JsonNode::asLong)
                .contains(conversation);
        HttpResponse<String> messages =
                hub.get("/api/archive/conversations/" + conversation + "/messages", IdentityProvider.privacyOfficer());
        assertThat(messages.statusCode()).isEqualTo(200);
        assertThat(messages.body()).contains("Ich möchte den Tarif wechseln");
    }

    @Test
    void theAssignedAgentMarksAndOnceClosedOnlyThePrivacyOfficerReadsTheArchivedConversation() {
        clock.set(TestClock.MONDAY_MORNING); // business hours: the conversation reaches the pool and an agent
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Rechnung");
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);
        String agent = IdentityProvider.agent("agent-archive");
        assertThat(hub.post("/api/conversations/" + conversation + "/claim", agent, "")
                        .statusCode())
                .isEqualTo(200);
        legitimate(customer);

        assertThat(hub.post("/api/conversations/" + conversation + "/contract-relevant", agent, "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(db.conversation(conversation)).containsEntry("contract_relevant_by", "agent-archive");
        String history = "/api/conversations/" + conversation + "/messages";
        assertThat(hub.get(history, agent).statusCode()).isEqualTo(200); // still the agent's while it is open
        assertThat(hub.post("/api/conversations/" + conversation + "/close", agent, "")
                        .statusCode())
                .isEqualTo(200);

        assertThat(hub.get(history, agent).statusCode()).isEqualTo(403);
        assertThat(hub.get(history, IdentityProvider.supervisor()).statusCode()).isEqualTo(403);
        assertThat(hub.get(history, IdentityProvider.privacyOfficer()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void closedConversationGoesWithItsContentAndTheContactStaysAsLongAsItsConsentIsProof() {
        // pools open around the clock: the conversation reaches an agent at the database's time, whatever day it is
        RoutingRules before = routingRules.current();
        writeRules(builtInRules()
                .replaceAll("(?m)^holidays: \\[[^\\]]*\\]", "holidays: []")
                .replaceAll("hours: \\{[^}]*\\}", "hours: {mon-sun: \"00:00-24:00\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> routingRules.current() != before);
        try {
            purgesAClosedConversationThenItsContact();
        } finally {
            RoutingRules allDay = routingRules.current();
            writeRules(builtInRules());
            await().atMost(Duration.ofSeconds(30)).until(() -> routingRules.current() != allDay);
        }
    }

    private void purgesAClosedConversationThenItsContact() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Rechnung");
        customers.reply(customer, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        pools.handOff("private-billing", conversation);
        String agent = IdentityProvider.agent("agent-purge");
        assertThat(hub.post("/api/conversations/" + conversation + "/claim", agent, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(hub.post("/api/conversations/" + conversation + "/close", agent, "")
                        .statusCode())
                .isEqualTo(200);
        Instant decided = jdbc.queryForObject(
                        "select max(r.decided_at) from consent_record r join contact k on k.id = r.contact_id where k.wa_id_hash = ?",
                        Timestamp.class,
                        (Object) db.hash(customer))
                .toInstant();

        clock.set(threeMonthsAfter(stored(conversation, "max")).plus(Duration.ofDays(1)));
        Map<String, Integer> deleted = purge.purge();

        assertThat(db.count("select count(*) from agent_action where conversation_id = ?", conversation))
                .isZero();
        assertThat(db.count("select count(*) from conversation where id = ?", conversation))
                .isZero();
        assertThat(deleted.get("conversation")).isPositive();
        // R14/Art. 7(1) GDPR: the consent records prove the consent, the contact keeps them for
        // carehub.retention.consent-proof
        assertThat(db.count("select count(*) from contact where wa_id_hash = ?", (Object) db.hash(customer)))
                .isEqualTo(1);

        clock.set(decided.atZone(ZoneOffset.UTC).plusYears(3).plusDays(1).toInstant());
        purge.purge();

        assertThat(db.count("select count(*) from contact where wa_id_hash = ?", (Object) db.hash(customer)))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select sum(item_count) from deletion_audit where deleted_at = ? and kind = 'contact' and reason = 'RETENTION_PURGE'",
                        Long.class,
                        Timestamp.from(clock.instant())))
                .isPositive();
    }

    /** R46 (one instance at a time) is the route policy's: ops.OneInstancePolicyTest. */
    @Test
    void purgeRunsOncePerInterval() {
        clock.set(Instant.parse("2040-01-01T03:00:00Z"));
        assertThat(purge.runIfDue()).isTrue();
        assertThat(purge.runIfDue()).as("ran within the last 24 h").isFalse();

        clock.advance(Duration.ofHours(25));
        assertThat(purge.runIfDue()).isTrue();
    }

    /** A consented customer, one more text, and two statuses of the notice (the first with billing data). */
    private long conversationWithStatuses(String customer) {
        long conversation = customers.consentedCustomer(customer, "Hallo, eine Frage zur Rechnung");
        String text = customers.text(customer, "Und noch etwas");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message where wamid = ?", text) == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from message where conversation_id = ? and direction = 'OUTBOUND' and wamid is not null",
                                conversation)
                        >= 1);
        String notice = noticeOf(conversation);
        long at = clock.instant().getEpochSecond();
        webhook.postSigned(WebhookPayload.update()
                .status(status(notice, "sent", at, customer, true))
                .status(status(notice, "delivered", at + 1, customer, false))
                .bytes());
        await().atMost(Duration.ofSeconds(60)).until(() -> statuses(notice) == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> billingRows(notice) == 1);
        return conversation;
    }

    /** The wamid of the privacy notice sent to the customer (the conversation's first outbound message). */
    private String noticeOf(long conversation) {
        return jdbc.queryForObject(
                "select wamid from message where conversation_id = ? and direction = 'OUTBOUND' order by id limit 1",
                String.class,
                conversation);
    }

    private static String status(String wamid, String status, long at, String customer, boolean pricing) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + at
                + "\",\"recipient_id\":\"" + customer + "\""
                + (pricing
                        ? ",\"conversation\":{\"id\":\"conv-" + wamid.hashCode()
                                + "\",\"origin\":{\"type\":\"service\"}},"
                                + "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"service\",\"type\":\"regular\"}"
                        : "")
                + "}";
    }

    /** R15: the customer signs in through the legitimation link, the identity provider and back. */
    private void legitimate(String customer) {
        legitimations.signIn(customer, Legitimations.privateCustomer("Frau", "Erika Muster", "K-100300"));
    }

    /** The earliest or latest time anything of the conversation was stored. */
    private Instant stored(long conversation, String minOrMax) {
        return jdbc.queryForObject("""
                        select %1$s(t) from (
                          select documented_at t from message where conversation_id = ?
                          union all select s.documented_at from message_status s join message m on m.wamid = s.wamid
                           where m.conversation_id = ?
                          union all select b.documented_at from billing_record b join message m on m.wamid = b.wamid
                           where m.conversation_id = ?) stored""".formatted(minOrMax), Timestamp.class, conversation, conversation, conversation)
                .toInstant();
    }

    private static Instant threeMonthsAfter(Instant stored) {
        return stored.atZone(ZoneOffset.UTC).plusMonths(3).toInstant();
    }

    /** §257(5) HGB: the period starts at the end of the calendar year of the mark. */
    private static Instant endOfYearPlus(Instant marked, int years) {
        return LocalDate.ofInstant(marked, GERMANY)
                .withDayOfYear(1)
                .plusYears(1 + years)
                .atStartOfDay(GERMANY)
                .toInstant();
    }

    private long messages(long conversation) {
        return db.count("select count(*) from message where conversation_id = ?", conversation);
    }

    private long statuses(String wamid) {
        return db.count("select count(*) from message_status where wamid = ?", wamid);
    }

    private long billingRows(String wamid) {
        return db.count("select count(*) from billing_record where wamid = ?", wamid);
    }
}
