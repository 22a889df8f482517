package io.carehub.whatsapp;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inputs the fuzzer ({@link WebhookFuzzTest}) once answered with 5xx or that blocked a customer,
 * kept as signed-body fixtures in src/test/resources/whatsapp/fuzz/: each is answered 2xx/4xx and the
 * customer's next message is still documented.
 */
@HubTest
class WebhookFuzzRegressionTest {

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Test
    void everyKeptFuzzInputIsAnsweredWithoutServerErrorAndBlocksNothing() throws Exception {
        List<Path> kept;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/whatsapp/fuzz"))) {
            kept = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(kept).as("kept fuzz inputs").isNotEmpty();
        for (Path input : kept) {
            int status = webhook.postSigned(Files.readAllBytes(input)).statusCode();
            assertThat(status).as(input.getFileName().toString()).isBetween(200, 499);
        }
        Fixture next = fixture("text");
        String sameCustomer = next.json().replace(next.waId(), "16505559999");
        assertThat(webhook.postSigned(sameCustomer).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from message where wamid like ?", "wamid.HBgL" + next.tag() + "%")
                                == 1);
    }
}
