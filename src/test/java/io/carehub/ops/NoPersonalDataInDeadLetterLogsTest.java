package io.carehub.ops;

import static io.carehub.PersonalValues.NAME;
import static io.carehub.PersonalValues.PHONE_DEAD_LETTER;
import static io.carehub.PersonalValues.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.Db;
import io.carehub.HubTest;
import io.carehub.WebhookPayload;
import io.carehub.buffer.BufferEnvelopes;
import io.carehub.buffer.BufferProperties;
import io.carehub.buffer.BufferReader;
import io.carehub.buffer.BufferedEvent;
import io.carehub.buffer.DeadLetters;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * PRODUCT.md §4 on the dead-letter path (R12): a buffered update that fails on every delivery is logged with the
 * database's error at each attempt and parked, and none of those lines carries the customer's data. The context is
 * the one of io.carehub.buffer.BatchDocumentationTest (three attempts, so the poison is parked within seconds); the
 * whole run's logs are searched for the same values afterwards by {@link NoPersonalDataInAnyLogCheck}.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "carehub.buffer.max-delivery-attempts=3",
            "carehub.buffer.batch-size=50",
            "carehub.buffer.batch-wait=50ms"
        })
@HubTest
class NoPersonalDataInDeadLetterLogsTest {

    @Autowired
    Db db;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    CamelContext camel;

    @Autowired
    BufferEnvelopes envelopes;

    @Autowired
    BufferReader reader;

    @Autowired
    BufferProperties buffer;

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void aPoisonMessageParkedInTheDeadLetterQueueLeavesNoPersonalDataInTheLog(CapturedOutput output) {
        String wamid = "wamid.pii-poison" + System.nanoTime();
        ObjectNode text = mapper.createObjectNode()
                .put("from", PHONE_DEAD_LETTER)
                .put("id", wamid)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()))
                .put("type", "text");
        text.putObject("text").put("body", TEXT);
        // no business number: its conversation cannot be stored (NOT NULL), a failure no redelivery cures; every
        // failed delivery is logged with the database's error, until the broker parks the message (R12)
        BufferedEvent poison = new BufferedEvent(
                BufferedEvent.Kind.MESSAGE,
                wamid,
                PHONE_DEAD_LETTER,
                null,
                WebhookPayload.DISPLAY_PHONE_NUMBER,
                NAME,
                Instant.now(),
                text,
                null,
                null);

        camel.createProducerTemplate().sendBody("jms-batch:queue:" + buffer.queue(), envelopes.seal(List.of(poison)));

        await().atMost(Duration.ofSeconds(120)).until(() -> deadLetterIds().contains(wamid));
        assertThat(db.count("select count(*) from message where wamid = ?", wamid))
                .isZero();
        assertThat(output.getAll()).as("the failed deliveries were logged").contains("violates not-null constraint");
        NoPersonalDataInLogsTest.assertNoPlantedValue(output);
    }

    private List<String> deadLetterIds() throws Exception {
        return DeadLetters.ids(connectionFactory, buffer, reader);
    }
}
