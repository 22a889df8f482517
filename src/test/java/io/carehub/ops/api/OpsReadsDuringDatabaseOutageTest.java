package io.carehub.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.documentation.EmbeddedPostgresServer;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R42/R47: while the database is down, ops still read what does not need it — parked messages (from the broker),
 * the loaded route set, queue depths and other metrics, readiness — and each read with an ops token still gets its
 * access entry: held on the broker and written, with the time of the read, once the database is back.
 */
@HubTest
class OpsReadsDuringDatabaseOutageTest {

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    EmbeddedPostgresServer postgres;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void brokerOnlyOpsReadsAnswerDuringAnOutageAndTheirAccessEntriesAreWrittenAfterwards() throws Exception {
        Instant outageStart = Instant.now();
        postgres.stop();
        Instant outageEnd;
        try {
            HttpResponse<String> parked = hub.get("/api/ops/parked?kind=outbound", IdentityProvider.ops());
            assertThat(parked.statusCode()).as(parked.body()).isEqualTo(200);
            assertThat(mapper.readTree(parked.body()).isArray()).isTrue();

            HttpResponse<String> routes = hub.get("/api/ops/routes", IdentityProvider.ops());
            assertThat(routes.statusCode()).as(routes.body()).isEqualTo(200);
            assertThat(mapper.readTree(routes.body()).path("version").asText()).isNotBlank();

            HttpResponse<String> depths =
                    hub.get("/actuator/metrics/carehub.queue.messages?tag=kind:outbound", IdentityProvider.ops());
            assertThat(depths.statusCode()).as(depths.body()).isEqualTo(200);
            assertThat(depths.body()).contains("\"name\":\"carehub.queue.messages\"");

            HttpResponse<String> ready = hub.get("/actuator/health/readiness", IdentityProvider.ops());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(mapper.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
            outageEnd = Instant.now();
        } finally {
            postgres.start();
        }

        // one entry per read, with the time of the read (not of the write)
        await().atMost(Duration.ofSeconds(120))
                .ignoreExceptions()
                .until(() -> entries(outageStart, outageEnd, "PARKED_LIST", "kind=OUTBOUND%") == 1
                        && entries(outageStart, outageEnd, "MANAGEMENT_READ", "GET /actuator/metrics/carehub.queue%")
                                == 1
                        && entries(outageStart, outageEnd, "MANAGEMENT_READ", "GET /actuator/health/readiness") == 1);
    }

    private long entries(Instant from, Instant to, String action, String targetLike) {
        return db.count(
                "select count(*) from access_log where user_id = 'ops-1' and action = ? and target like ?"
                        + " and at >= ? and at <= ?",
                action,
                targetLike,
                Timestamp.from(from),
                Timestamp.from(to));
    }
}
