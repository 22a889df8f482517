package io.carehub.documentation;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * R10/R12: while PostgreSQL is down the webhook still acknowledges; afterwards everything is documented, and each
 * customer gets its privacy notice once (R5: the batches retried after the outage cause no second effect).
 */
@DirtiesContext
@HubTest
class DatabaseOutageTest {

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    EmbeddedPostgresServer postgres;

    @Test
    void updatesAcknowledgedDuringDatabaseOutageAreDocumentedExactlyOnceAfterwards() {
        Fixture warmUp = fixture("text");
        assertThat(webhook.postSigned(warmUp.json()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from contact where wa_id_hash = ?", db.hash(warmUp.waId())) == 1);

        postgres.stop();
        String prefix = "outage" + System.nanoTime();
        try {
            for (int i = 0; i < 200; i++) {
                Fixture text = fixture("text");
                String body = text.json()
                        .replaceAll("\"id\": \"wamid[^\"]*\"", "\"id\": \"" + prefix + "-" + i + "\"")
                        // sent now: the 24-hour window is open for the notice
                        .replaceAll(
                                "\"timestamp\": \"\\d+\"",
                                "\"timestamp\": \"" + Instant.now().getEpochSecond() + "\"");
                assertThat(webhook.postSigned(body).statusCode())
                        .as("ack %d while the database is down", i)
                        .isEqualTo(200);
            }
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(120))
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "-%") == 200);
        String outboundOfTheseCustomers = " from message o where o.direction = 'OUTBOUND' and o.conversation_id in"
                + " (select conversation_id from message where wamid like ?)";
        await().atMost(Duration.ofSeconds(120))
                .until(() -> db.count("select count(*)" + outboundOfTheseCustomers, prefix + "-%") >= 200);
        // one notice in each of the 200 customers' conversations, none twice
        assertThat(db.count("select count(*)" + outboundOfTheseCustomers, prefix + "-%"))
                .isEqualTo(200);
        assertThat(db.count("select count(distinct o.conversation_id)" + outboundOfTheseCustomers, prefix + "-%"))
                .isEqualTo(200);
        assertThat(db.rejected(null, Db.containing(prefix.getBytes(StandardCharsets.UTF_8))))
                .as("updates of the outage parked as rejected")
                .isZero();
    }
}
