package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.IngestTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Inputs the fuzzer ({@link WebhookFuzzTest}) once answered with 5xx or that blocked a customer,
 * kept as signed-body fixtures in src/test/resources/whatsapp/fuzz/: each is answered 2xx/4xx and the
 * customer's next message is still documented.
 */
class WebhookFuzzRegressionTest extends IngestTestSupport {

    @Test
    void everyKeptFuzzInputIsAnsweredWithoutServerErrorAndBlocksNothing() throws Exception {
        List<Path> kept;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/whatsapp/fuzz"))) {
            kept = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(kept).as("kept fuzz inputs").isNotEmpty();
        for (Path input : kept) {
            int status = postSigned(Files.readAllBytes(input)).statusCode();
            assertThat(status).as(input.getFileName().toString()).isBetween(200, 499);
        }
        Fixture next = fixture("text");
        String sameCustomer = next.json().replace(next.waId(), "16505559999");
        assertThat(postSigned(sameCustomer).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from message where wamid like ?",
                "wamid.HBgL" + next.tag() + "%") == 1);
    }
}
