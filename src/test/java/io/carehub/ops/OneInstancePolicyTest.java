package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.HubTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R46 inside one hub: every scheduled job whose route names the policy oneInstance is held by this instance (its
 * advisory lock, its row in job_runner), no other database session can take it, and while another session (another
 * instance) holds a job its steps do not run here; released, the job runs here. Two hub processes: fault suite, InstancesFaultSuite.
 */
@HubTest
class OneInstancePolicyTest {

    /** The routes of routes/*.yaml with routePolicyRef: oneInstance (RoutesMapTest checks the list is complete). */
    static final List<String> JOBS = List.of(
            "outbound-requeue",
            "dialog-expiry",
            "media-download",
            "vault-purge",
            "routing-overflow",
            "kek-rotation",
            "unattributed-key-expiry",
            "access-log-purge",
            "retention-purge",
            "archive-expiry",
            "erasure-executor",
            "erasure-ledger-reapply");

    private static final int NAMESPACE = 0x63617265;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CamelContext camel;

    @Autowired
    JobLocks locks;

    @Test
    void everyJobIsHeldByThisInstanceAndNoOtherSessionCanTakeIt() throws Exception {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "select job from job_runner where instance = ?", String.class, locks.instance()))
                        .containsAll(JOBS));
        try (Connection otherInstance = dataSource.getConnection()) {
            for (String job : JOBS) {
                assertThat(tryLock(otherInstance, job))
                        .as("another instance takes %s", job)
                        .isFalse();
            }
        }
    }

    @Test
    void aJobHeldByAnotherInstanceDoesNotRunHereAndRunsHereOnceReleased() throws Exception {
        String job = "one-instance-probe";
        AtomicInteger ran = new AtomicInteger();
        try (Connection otherInstance = dataSource.getConnection()) {
            assertThat(tryLock(otherInstance, job))
                    .as("the other instance takes the job first")
                    .isTrue();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:" + job + "?period=100")
                            .routeId(job)
                            .routePolicyRef("oneInstance")
                            .process(exchange -> ran.incrementAndGet());
                }
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> ran.get() == 0);
            // the pool keeps the connection: its session ends the other instance's hold explicitly
            otherInstance.createStatement().execute("select pg_advisory_unlock_all()");
            // released: this instance takes the job over at its next tick and runs it
            await().atMost(Duration.ofSeconds(10)).until(() -> ran.get() > 0);
            assertThat(runs(job)).as("runs this instance recorded").isPositive();
        } finally {
            camel.getRouteController().stopRoute(job);
            camel.removeRoute(job);
        }
    }

    private long runs(String job) {
        List<Long> runs = jdbc.queryForList(
                "select runs from job_runner where job = ? and instance = ?", Long.class, job, locks.instance());
        return runs.isEmpty() ? 0 : runs.get(0);
    }

    private static boolean tryLock(Connection session, String job) throws Exception {
        try (PreparedStatement lock = session.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, NAMESPACE);
            lock.setInt(2, job.hashCode());
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
