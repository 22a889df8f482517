package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.IngestTestSupport;
import java.net.http.HttpResponse;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** R10: without a broker confirmation there is no 200 — Meta gets 503 and retries; nothing else is stored. */
@DirtiesContext
class BrokerOutageTest extends IngestTestSupport {

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void webhookAnswers503WhenTheBrokerIsDown() throws Exception {
        Fixture before = fixture("text");
        assertThat(postSigned(before.json()).statusCode()).isEqualTo(200);

        long rejectedBefore = count("select count(*) from rejected_update");
        broker.stop();
        Fixture during = fixture("text");
        HttpResponse<String> refused = postSigned(during.json());

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.body()).contains("buffer queue unavailable");
        assertThat(count("select count(*) from contact where wa_id = ?", during.waId())).isZero();
        assertThat(count("select count(*) from rejected_update")).isEqualTo(rejectedBefore);
    }
}
