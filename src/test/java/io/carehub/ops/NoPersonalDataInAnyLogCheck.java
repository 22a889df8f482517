package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.PersonalValues;
import io.carehub.PersonalValues.Form;
import io.carehub.PersonalValues.Planted;
import io.carehub.WebhookPayload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md §4: no personal data in any log. Runs after every test of the build (surefire execution
 * "no-personal-data-in-logs", tag "logs", in the verify phase) and reads every log the tests wrote: surefire's
 * redirected output of each test class (target/surefire-reports/*-output.txt, the hub's log lines included) and, after
 * the fault suite, its hub and broker logs (target/fault/*.log). It looks for the personal values the tests sent, in
 * normalized form (phone numbers as digits only, names case-folded): the planted {@link PersonalValues} (the fault
 * suite's customers send them too) and the customers of the WhatsApp fixtures (src/test/resources/whatsapp).
 */
@Tag("logs")
class NoPersonalDataInAnyLogCheck {

    private static final Path SUREFIRE_REPORTS = Path.of("target", "surefire-reports");
    private static final Path FAULT_LOGS = Path.of("target", "fault");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "whatsapp");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A written number: digits with at most two separators between any two of them. */
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[ ./()+\\-]{0,2}\\d)*");

    /** The test classes whose logs must be among those scanned: they plant the values on the failure paths. */
    private static final List<String> PLANTING_TESTS = List.of(
            NoPersonalDataInLogsTest.class.getName(),
            NoPersonalDataInFailureLogsTest.class.getName(),
            NoPersonalDataInDeadLetterLogsTest.class.getName(),
            NoPersonalDataInJsonLogsTest.class.getName());

    /** Fixture fields holding a customer's number, and those holding a customer's name or address. */
    private static final Set<String> NUMBER_FIELDS = Set.of("wa_id", "from", "recipient_id", "phone");

    private static final Set<String> WORD_FIELDS = Set.of("formatted_name", "email", "street");

    @Test
    void noLogTheTestsWroteContainsAPersonalValueTheTestsSent() throws IOException {
        List<Path> logs = logs();
        List<String> names =
                logs.stream().map(log -> log.getFileName().toString()).toList();
        boolean testOutput = names.stream().anyMatch(name -> name.endsWith("-output.txt"));
        boolean faultSuiteLogs = names.stream().anyMatch(name -> name.endsWith(".log"));
        assertThat(testOutput || faultSuiteLogs)
                .as("logs in %s or %s", SUREFIRE_REPORTS, FAULT_LOGS)
                .isTrue();
        if (testOutput) {
            // the tests that plant the values on the failure paths ran, so their logs are among those scanned
            for (String test : PLANTING_TESTS) {
                assertThat(names)
                        .as("the output of %s (run the whole suite before this check)", test)
                        .contains(test + "-output.txt");
            }
        }
        List<Planted> planted = planted();

        List<String> findings = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            lines += scan(log, planted, findings);
        }

        assertThat(lines).as("log lines scanned").isPositive();
        assertThat(findings)
                .as("personal values found in %d log lines of %d files", lines, logs.size())
                .isEmpty();
    }

    /** The planted values and the fixtures' customers (numbers and profile names), without the business number. */
    static List<Planted> planted() throws IOException {
        Set<Planted> values = new LinkedHashSet<>(PersonalValues.all());
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> fixtures = Files.list(FIXTURES)) {
            for (Path fixture : fixtures.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                collect(mapper.readTree(fixture.toFile()), null, values);
            }
        }
        values.removeIf(value -> value.form() == Form.DIGITS
                && (value.normalized().equals(WebhookPayload.DISPLAY_PHONE_NUMBER)
                        || value.normalized().equals(WebhookPayload.PHONE_NUMBER_ID)
                        || value.normalized().length() < 8));
        assertThat(values)
                .as("fixture customers")
                .contains(new Planted("16505551234", Form.DIGITS), new Planted("Sheena Nelson", Form.WORDS));
        return List.copyOf(values);
    }

    private static void collect(JsonNode node, String field, Set<Planted> values) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                if (field != null && field.equals("profile") && child.getKey().equals("name")) {
                    values.add(new Planted(child.getValue().asText(), Form.WORDS));
                }
                collect(child.getValue(), child.getKey(), values);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, field, values));
        } else if (node.isTextual() && field != null) {
            if (NUMBER_FIELDS.contains(field)) {
                values.add(new Planted(node.asText(), Form.DIGITS));
            } else if (WORD_FIELDS.contains(field)) {
                values.add(new Planted(node.asText(), Form.WORDS));
            }
        }
    }

    private static List<Path> logs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (Path directory : List.of(SUREFIRE_REPORTS, FAULT_LOGS)) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    files.filter(file -> file.getFileName()
                                    .toString()
                                    .endsWith(directory == FAULT_LOGS ? ".log" : "-output.txt"))
                            .sorted()
                            .forEach(logs::add);
                }
            }
        }
        return logs;
    }

    /**
     * The line's numbers, digits only: a number written with single separators ("+49 157 999-12345") is one run, but
     * digits are never joined across words, so timestamps and ids on one line do not add up to a phone number.
     */
    static String digitRuns(String line) {
        StringBuilder runs = new StringBuilder();
        Matcher run = NUMBER.matcher(line);
        while (run.find()) {
            runs.append(Form.DIGITS.normalize(run.group())).append('|');
        }
        return runs.toString();
    }

    /** Adds "file:line: value" for each planted value on each line; returns the number of lines read. */
    private static long scan(Path log, List<Planted> planted, List<String> findings) throws IOException {
        long lines = 0;
        // logs may hold any bytes (fuzzed input is rejected, not logged, but a log must never stop the scan)
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(log), decoder), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.startsWith("{")) {
                    // R42: a structured (JSON) log line is read decoded too: an escape must not hide a value
                    line = line + " " + decoded(line);
                }
                String digits = null;
                String code = null;
                String words = null;
                for (Planted value : planted) {
                    String normalizedLine = switch (value.form()) {
                        case DIGITS -> digits == null ? (digits = digitRuns(line)) : digits;
                        case CODE -> code == null ? (code = Form.CODE.normalize(line)) : code;
                        case WORDS -> words == null ? (words = Form.WORDS.normalize(line)) : words;
                    };
                    if (normalizedLine.contains(value.normalized())) {
                        findings.add(log + ":" + lines + ": " + value.form() + " " + value.value());
                    }
                }
            }
        }
        return lines;
    }

    /** The text values of a JSON log line, decoded; empty if the line is not JSON. */
    private static String decoded(String line) {
        try {
            return text(JSON.readTree(line));
        } catch (IOException notJson) {
            return "";
        }
    }

    /** Every text value of a JSON tree (a structured log line), joined by spaces. */
    static String text(JsonNode node) {
        StringBuilder text = new StringBuilder();
        collectText(node, text);
        return text.toString();
    }

    private static void collectText(JsonNode node, StringBuilder text) {
        if (node.isContainerNode()) {
            node.forEach(child -> collectText(child, text));
        } else if (node.isValueNode()) {
            text.append(node.asText()).append(' ');
        }
    }
}
