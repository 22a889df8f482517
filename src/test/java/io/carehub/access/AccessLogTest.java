package io.carehub.access;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.MutableClock;
import io.carehub.routing.AgentPools;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R47: every read of personal data and every agent and privacy action is in the access log — who, which role, what,
 * which conversation or contact, when, never content — and the privacy officer finds it by contact, by user and by
 * time; entries older than the retention are purged.
 */
@ConversationTest
class AccessLogTest {

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    AccessLogRetention retention;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsAndActionsAreLoggedWithoutContentAndFoundByContactUserAndTime() throws Exception {
        String customer = newCustomer();
        long conversation = pools.waitingInPrivateGeneral(customer, "Störung am Router");
        long contact = (Long) db.conversation(conversation).get("contact_id");
        String agent = "log-agent-" + conversation;
        String token = IdentityProvider.agent(agent);

        assertThat(hub.get("/api/pools/private-general/conversations", token).statusCode())
                .isEqualTo(200);
        assertThat(hub.post("/api/conversations/" + conversation + "/claim", token, "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(hub.get("/api/conversations/" + conversation + "/messages", token)
                        .statusCode())
                .isEqualTo(200);
        assertThat(hub.post(
                                "/api/conversations/" + conversation + "/reply",
                                token,
                                "{\"type\":\"text\",\"text\":{\"body\":\"Ich prüfe Ihren Router\"}}")
                        .statusCode())
                .isEqualTo(202);
        assertThat(hub.get("/api/conversations?waId=" + customer, IdentityProvider.privacyOfficer())
                        .statusCode())
                .isEqualTo(200);

        List<String> mine = jdbc.queryForList(
                "select action || ' ' || role from access_log where user_id = ? and conversation_id = ? and contact_id = ?"
                        + " order by id",
                String.class,
                agent,
                conversation,
                contact);
        assertThat(mine).containsExactly("POOL_LIST agent", "CLAIM agent", "HISTORY_READ agent", "REPLY agent");
        assertThat(db.count(
                        "select count(*) from access_log where user_id = 'dpo-1' and action = 'CUSTOMER_LOOKUP'"
                                + " and contact_id = ? and role = 'privacy-officer'",
                        contact))
                .isEqualTo(1);
        String everything = jdbc.queryForList(
                        "select access_log::text from access_log where contact_id = ?", String.class, contact)
                .toString();
        assertThat(everything).doesNotContain("Router", "Technik", customer);

        // the privacy officer's queries: by contact, by user, by time
        String dpo = IdentityProvider.privacyOfficer();
        JsonNode byContact =
                mapper.readTree(hub.get("/api/access-log?waId=" + customer, dpo).body());
        assertThat(actions(byContact)).contains("POOL_LIST", "CLAIM", "HISTORY_READ", "REPLY", "CUSTOMER_LOOKUP");
        assertThat(byContact.findValuesAsText("userId")).containsOnly(agent, "dpo-1");
        JsonNode byUser =
                mapper.readTree(hub.get("/api/access-log?userId=" + agent, dpo).body());
        // newest first; the pool list is one entry per conversation it showed (other tests' waiting ones too)
        assertThat(actions(byUser))
                .startsWith("REPLY", "HISTORY_READ", "CLAIM", "POOL_LIST")
                .containsOnly("REPLY", "HISTORY_READ", "CLAIM", "POOL_LIST");
        assertThat(byUser.get(0).get("at").asText()).isEqualTo(clock.instant().toString());
        JsonNode before = mapper.readTree(hub.get(
                        "/api/access-log?userId=" + agent + "&to="
                                + clock.instant().minusSeconds(1),
                        dpo)
                .body());
        assertThat(before).isEmpty();
        assertThat(hub.get("/api/access-log?userId=" + agent, IdentityProvider.supervisor())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void analysesAndExportsAreLoggedWithTheirRoleButNoText() {
        String integrator = IdentityProvider.token("client-" + System.nanoTime(), List.of("integrator"), null);
        String user = jdbcUser(integrator);
        assertThat(hub.post("/api/privacy/analyze", integrator, "{\"text\":\"Ich bin Anna Vogel\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(hub.get("/api/privacy/transcripts/export?from=2020-01-01&to=2020-01-02", integrator)
                        .statusCode())
                .isEqualTo(200);

        assertThat(jdbc.queryForList(
                        "select action || ' ' || role || ' ' || coalesce(target, '-') from access_log where user_id = ?"
                                + " order by id",
                        String.class,
                        user))
                .containsExactly(
                        "ANALYZE integrator -", "EXPORT integrator 2020-01-01T00:00:00Z..2020-01-02T00:00:00Z");
    }

    private static String jdbcUser(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void entriesOlderThanTheRetentionArePurged() {
        String agent = "purge-agent-" + System.nanoTime();
        jdbc.update(
                "insert into access_log (at, user_id, role, action) values (?, ?, 'agent', 'POOL_LIST'), (?, ?, 'agent', 'CLAIM')",
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(366))),
                agent,
                java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(364))),
                agent);

        retention.purge();

        assertThat(jdbc.queryForList("select action from access_log where user_id = ?", String.class, agent))
                .containsExactly("CLAIM");
    }

    private static List<String> actions(JsonNode entries) {
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }
}
