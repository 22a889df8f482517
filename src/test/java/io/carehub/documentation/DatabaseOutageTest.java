package io.carehub.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.IngestTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** R10/R12: while PostgreSQL is down the webhook still acknowledges; afterwards everything is documented once. */
@DirtiesContext
class DatabaseOutageTest extends IngestTestSupport {

    @Autowired
    EmbeddedPostgresServer postgres;

    @Test
    void updatesAcknowledgedDuringDatabaseOutageAreDocumentedExactlyOnceAfterwards() {
        Fixture warmUp = fixture("text");
        assertThat(postSigned(warmUp.json()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from contact where wa_id = ?", warmUp.waId()) == 1);

        long rejectedBefore = count("select count(*) from rejected_update");
        postgres.stop();
        String prefix = "outage" + System.nanoTime();
        try {
            for (int i = 0; i < 200; i++) {
                Fixture text = fixture("text");
                String body = text.json().replaceAll("\"id\": \"wamid[^\"]*\"", "\"id\": \"" + prefix + "-" + i + "\"");
                assertThat(postSigned(body).statusCode()).as("ack %d while the database is down", i).isEqualTo(200);
            }
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from message where wamid like ?",
                prefix + "-%") == 200);
        assertThat(count("select count(distinct wamid) from message where wamid like ?", prefix + "-%")).isEqualTo(200);
        assertThat(count("select count(*) from rejected_update")).isEqualTo(rejectedBefore);
    }
}
