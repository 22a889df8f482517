package io.carehub.buffer;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** R10: without a broker confirmation there is no 200 — Meta gets 503 and retries; nothing else is stored. */
@DirtiesContext
@HubTest
class BrokerOutageTest {

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void webhookAnswers503WhenTheBrokerIsDown() throws Exception {
        Fixture before = fixture("text");
        assertThat(webhook.postSigned(before.json()).statusCode()).isEqualTo(200);

        broker.stop();
        Fixture during = fixture("text");
        HttpResponse<String> refused = webhook.postSigned(during.json());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("buffer queue unavailable");
        assertThat(db.count("select count(*) from contact where wa_id_hash = ?", db.hash(during.waId())))
                .isZero();
        assertThat(db.rejected(null, Db.containing(during.waId().getBytes(StandardCharsets.UTF_8))))
                .as("parked rows with the refused customer")
                .isZero();
    }
}
