package io.carehub.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.buffer.ParkedMessages;
import io.carehub.documentation.EmbeddedPostgresServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * R12/R13/R45 end to end through the webhook: a poison update (one the database refuses for good: a constraint
 * violation, injected with a check constraint on its wamid) is set aside and parked within seconds while another
 * customer on the same buffer consumer keeps being documented, in order; ops find it in the ops API with its reason
 * and no content, re-drive it once the fault is gone, and it is documented exactly once. A database outage longer
 * than the poison's retry budget is waited out in place and parks nothing. One buffer consumer, so every customer
 * shares the poison's consumer.
 */
@TestPropertySource(
        properties = {
            "carehub.buffer.consumers=1",
            // while the database is down every attempt waits this long for a connection: short, so the outage
            // outlasts several rounds of a poison's retries
            "spring.datasource.hikari.connection-timeout=2000"
        })
@HubTest
class PoisonMessageTest {

    private static final Logger LOG = LoggerFactory.getLogger(PoisonMessageTest.class);
    private static final AtomicLong RUN = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String FAULT = "message_poison_fault";

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Autowired
    ParkedMessages parkedMessages;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPoisonIsParkedWithinSecondsWhileOtherCustomersKeepFlowingAndIsDocumentedOnceWhenReDrivenAfterTheFix()
            throws Exception {
        long run = RUN.incrementAndGet();
        String poisonCustomer = "4917" + String.format("%09d", run);
        String other = "4918" + String.format("%09d", run);
        String poison = "wamid.POISON-" + run;
        faultOn();
        try {
            long now = Instant.now().getEpochSecond();
            long start = System.nanoTime();
            // one POST: the poison and the other customer's first message share a batch
            post(WebhookPayload.update()
                    .contact(poisonCustomer, "Erika Mustermann")
                    .contact(other, "Max Mustermann")
                    .text(poisonCustomer, poison, now, "Mein Zählerstand ist 4711")
                    .text(other, "wamid.OTHER-" + run + "-0", now, "Hallo"));
            post(WebhookPayload.update()
                    .contact(poisonCustomer, "Erika Mustermann")
                    .text(poisonCustomer, "wamid.LATER-" + run, now + 1, "Noch da?"));
            for (int i = 1; i <= 5; i++) {
                post(WebhookPayload.update()
                        .contact(other, "Max Mustermann")
                        .text(other, "wamid.OTHER-" + run + "-" + i, now + 1 + i, "Nachricht " + i));
            }

            // the other customer is documented, in order, while the poison retries (it used to wait ~8 minutes)
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            db.count("select count(*) from message where wamid like ?", "wamid.OTHER-" + run + "-%")
                                    == 6);
            LOG.info(
                    "the other customer's 6 messages documented {} ms after the first POST",
                    (System.nanoTime() - start) / 1_000_000);
            Instant otherDone = jdbc.queryForObject(
                            "select max(documented_at) from message where wamid like ?",
                            java.sql.Timestamp.class,
                            "wamid.OTHER-" + run + "-%")
                    .toInstant();
            assertThat(jdbc.queryForList(
                            "select wamid from message where wamid like ? order by id",
                            String.class,
                            "wamid.OTHER-" + run + "-%"))
                    .containsExactly(ids("wamid.OTHER-" + run + "-", 6));

            // parked within seconds, labelled: kind, group, reason without content, attempts, time, origin
            await().atMost(Duration.ofSeconds(60)).until(() -> parkedPoisons().size() == 1);
            long parkedAfterMs = (System.nanoTime() - start) / 1_000_000;
            LOG.info("poison parked {} ms after its webhook POST", parkedAfterMs);
            JsonNode parked = parkedPoisons().get(0);
            assertThat(parked.path("kind").asText()).isEqualTo("BUFFER_UPDATE");
            assertThat(parked.path("event").asText()).isEqualTo("MESSAGE");
            assertThat(parked.path("originQueue").asText()).isEqualTo("carehub.buffer");
            assertThat(parked.path("deadLetterQueue").asText()).isEqualTo("carehub.buffer.DLQ");
            assertThat(parked.path("reason").asText())
                    .isEqualTo("org.springframework.dao.DataIntegrityViolationException");
            assertThat(parked.path("reasonDetail").asText()).contains("SQLState 23514", "constraint " + FAULT);
            assertThat(parked.path("attempts").asInt()).isEqualTo(5);
            assertThat(parked.path("groupHash").asText()).hasSize(16);
            assertThat(Instant.parse(parked.path("parkedAt").asText()))
                    .as("the other customer was done before the poison was parked")
                    .isAfter(otherDone);
            String listing = hub.get("/api/ops/parked", IdentityProvider.ops()).body();
            assertThat(listing).doesNotContain(poisonCustomer, poison, "Zählerstand", "Mustermann");
            // only the poison's own customer is reordered: its later message passed the poison
            assertThat(db.count("select count(*) from message where wamid = ?", "wamid.LATER-" + run))
                    .isEqualTo(1);
            assertThat(db.count("select count(*) from message where wamid = ?", poison))
                    .isZero();

            // fixed: the fault is gone; re-driven through the ops API, documented exactly once
            faultOff();
            String id = parked.path("id").asText();
            HttpResponse<String> redriven =
                    hub.post("/api/ops/parked/" + id + "/redrive", IdentityProvider.ops(), null);
            assertThat(redriven.statusCode()).isEqualTo(200);
            assertThat(mapper.readTree(redriven.body()).path("count").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> db.count("select count(*) from message where wamid = ?", poison) == 1);
            assertThat(parkedPoisons()).isEmpty();
            assertThat(hub.post("/api/ops/parked/" + id + "/redrive", IdentityProvider.ops(), null)
                            .statusCode())
                    .as("a second re-drive finds nothing")
                    .isEqualTo(404);
            assertThat(db.messages(poisonCustomer))
                    .filteredOn(m -> "INBOUND".equals(m.get("direction")))
                    .extracting(m -> m.get("wamid"))
                    .containsExactlyInAnyOrder(poison, "wamid.LATER-" + run);
            assertThat(db.count(
                            "select count(*) from access_log where user_id = 'ops-1' and action = 'PARKED_REDRIVE'"
                                    + " and target = ?",
                            "id " + id))
                    .isEqualTo(2);
        } finally {
            faultOff();
        }
    }

    @Test
    void aParkedPoisonIsDeletedWithAReasonAndAnAuditRow() throws Exception {
        long run = RUN.incrementAndGet();
        String customer = "4919" + String.format("%09d", run);
        String poison = "wamid.POISON-" + run;
        faultOn();
        try {
            post(WebhookPayload.update()
                    .contact(customer, "Erika Mustermann")
                    .text(customer, poison, Instant.now().getEpochSecond(), "Hallo"));
            await().atMost(Duration.ofSeconds(60)).until(() -> parkedPoisons().size() == 1);
        } finally {
            faultOff();
        }
        assertThat(hub.send(hub.request(
                                "DELETE",
                                "/api/ops/parked?reason=DataIntegrityViolationException",
                                IdentityProvider.ops(),
                                null))
                        .statusCode())
                .as("no reason given")
                .isEqualTo(400);
        assertThat(hub.send(hub.request("DELETE", "/api/ops/parked?why=cleanup", IdentityProvider.ops(), null))
                        .statusCode())
                .as("no filter: not everything at once")
                .isEqualTo(400);

        HttpResponse<String> deleted = hub.send(hub.request(
                "DELETE",
                "/api/ops/parked?kind=buffer-update&reason=DataIntegrityViolationException&why=test%20poison",
                IdentityProvider.ops(),
                null));

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(deleted.body()).path("count").asInt()).isEqualTo(1);
        assertThat(parkedPoisons()).isEmpty();
        assertThat(db.count("select count(*) from message where wamid = ?", poison))
                .isZero();
        assertThat(db.count("select count(*) from deletion_audit where kind = 'parked-message' and item_count = 1"
                        + " and reason = 'test poison'"))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from access_log where user_id = 'ops-1' and action = 'PARKED_DELETE'"
                        + " and target like '%why: test poison'"))
                .isEqualTo(1);
    }

    @Test
    void aDatabaseOutageLongerThanThePoisonRetriesIsWaitedOutAndParksNothing() throws Exception {
        long run = RUN.incrementAndGet();
        String customer = "4916" + String.format("%09d", run);
        List<String> parkedBefore = brokerParkedIds();
        postgres.stop();
        try {
            long now = Instant.now().getEpochSecond();
            for (int i = 0; i < 3; i++) {
                post(WebhookPayload.update()
                        .contact(customer, "Erika Mustermann")
                        .text(customer, "wamid.OUTAGE-" + run + "-" + i, now + i, "Nachricht " + i));
            }
            // longer than a poison's whole retry budget (5 attempts of up to 2 s each, 1 + 2 + 4 s apart): nothing may
            // be parked meanwhile (read from the broker: the ops API writes the access log, which needs the database)
            await().during(Duration.ofSeconds(30))
                    .atMost(Duration.ofSeconds(40))
                    .until(() -> parkedBefore.containsAll(brokerParkedIds()));
        } finally {
            postgres.start();
        }
        // the database takes a moment to accept connections again
        await().atMost(Duration.ofSeconds(120))
                .ignoreExceptions()
                .until(() ->
                        db.count("select count(*) from message where wamid like ?", "wamid.OUTAGE-" + run + "-%") == 3);
        assertThat(jdbc.queryForList(
                        "select wamid from message where wamid like ? order by id",
                        String.class,
                        "wamid.OUTAGE-" + run + "-%"))
                .containsExactly(ids("wamid.OUTAGE-" + run + "-", 3));
        assertThat(parkedIds()).isSubsetOf(parkedBefore);
        assertThat(db.count("select count(*) from message where wamid like ?", "wamid.OUTAGE-" + run + "-%"))
                .isEqualTo(3);
    }

    /** R45: what a database refuses for good; injected for the wamids of this test's poisons. */
    private void faultOn() {
        jdbc.execute(
                "alter table message add constraint " + FAULT + " check (wamid not like 'wamid.POISON-%') not valid");
    }

    private void faultOff() {
        jdbc.execute("alter table message drop constraint if exists " + FAULT);
    }

    private void post(WebhookPayload payload) {
        assertThat(webhook.postSigned(payload.json()).statusCode()).isEqualTo(200);
    }

    private List<JsonNode> parked() throws Exception {
        HttpResponse<String> answer = hub.get("/api/ops/parked", IdentityProvider.ops());
        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        mapper.readTree(answer.body()).forEach(list::add);
        return list;
    }

    private List<String> parkedIds() throws Exception {
        return parked().stream().map(p -> p.path("id").asText()).toList();
    }

    private List<String> brokerParkedIds() throws Exception {
        return parkedMessages.list(ParkedMessages.Filter.ALL, ParkedMessages.MAX).stream()
                .map(ParkedMessages.Parked::id)
                .toList();
    }

    private List<JsonNode> parkedPoisons() throws Exception {
        return parked().stream()
                .filter(p -> p.path("reasonDetail").asText().contains(FAULT))
                .toList();
    }

    private static String[] ids(String prefix, int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = prefix + i;
        }
        return ids;
    }
}
