package io.carehub.ops;

import static io.carehub.PersonalValues.NAME;
import static io.carehub.PersonalValues.PHONE;
import static io.carehub.PersonalValues.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubTest;
import io.carehub.PersonalValues;
import io.carehub.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * R42, PRODUCT.md §4: the prod profile logs JSON with Spring Boot's own structured logging
 * ({@code logging.structured.format.console: ecs}); those lines carry no personal data either. While this test runs, the
 * hub's log events are also written by that encoder (Elastic Common Schema, one JSON object per line); the test plants
 * {@link PersonalValues} on the paths that log (documented, refused, parked) and checks the JSON lines, decoded; the
 * whole run's logs, these JSON lines among them, are searched again by {@link NoPersonalDataInAnyLogCheck}.
 */
@ExtendWith(OutputCaptureExtension.class)
@HubTest
class NoPersonalDataInJsonLogsTest {

    private static final String APPENDER = "prod-json";

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void logAlsoAsTheProdProfileDoes() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @AfterEach
    void stopLoggingJson() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.getAppender(APPENDER).stop();
        root.detachAppender(APPENDER);
    }

    @Test
    void theJsonLogLinesOfDocumentingRefusingAndParkingCarryNoPersonalData(CapturedOutput output) throws Exception {
        String wamid = "wamid.pii-json" + System.nanoTime();
        String body = Files.readString(Path.of("src/test/resources/whatsapp/text.json"))
                .replace("16505551234", PHONE)
                .replace("Sheena Nelson", NAME)
                .replace("Does it come in another color?", TEXT)
                .replace("1749416383", Long.toString(Instant.now().getEpochSecond()))
                .replaceAll("\"id\": \"wamid[^\"]*\"", "\"id\": \"" + wamid + "\"");
        String truncated = body.substring(0, body.length() - 21);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200); // documented
        assertThat(webhook.post(body.getBytes(), "sha256=00").statusCode()).isEqualTo(403); // refused
        assertThat(webhook.postSigned(truncated).statusCode()).isEqualTo(200); // parked
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message where wamid = ?", wamid) == 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.rejected("malformed JSON%", io.carehub.Db.equalTo(truncated.getBytes())) == 1);

        List<JsonNode> lines = output.getAll()
                .lines()
                .filter(line -> line.startsWith("{") && line.contains("\"ecs\":{\"version\""))
                .map(this::parse)
                .toList();
        assertThat(lines).as("ECS JSON log lines").isNotEmpty();
        assertThat(lines)
                .extracting(line -> line.path("message").asText())
                .anyMatch(message -> message.contains("webhook refused: invalid signature"))
                .anyMatch(message -> message.contains("malformed JSON"));
        NoPersonalDataInLogsTest.assertNoPlantedValue(output);
        // decoded: a value JSON escapes (\u00fc, \") must not hide from the check
        String decoded = String.join(
                "\n", lines.stream().map(NoPersonalDataInAnyLogCheck::text).toList());
        for (PersonalValues.Planted value : PersonalValues.all()) {
            String normalized = switch (value.form()) {
                case DIGITS -> NoPersonalDataInAnyLogCheck.digitRuns(decoded);
                case CODE -> PersonalValues.Form.CODE.normalize(decoded);
                case WORDS -> PersonalValues.Form.WORDS.normalize(decoded);
            };
            assertThat(normalized)
                    .as("%s in the decoded JSON lines", value.value())
                    .doesNotContain(value.normalized());
        }
    }

    private JsonNode parse(String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException("not one JSON object per line: " + line, e);
        }
    }
}
