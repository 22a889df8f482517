package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code privacy scan}: JSONL in, JSONL out, no Spring. */
class PrivacyCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, List<JsonNode> lines) {}

    private Run scan(String input, String... options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[2 + options.length];
        args[0] = "privacy";
        args[1] = "scan";
        System.arraycopy(options, 0, args, 2, options.length);
        int code = PrivacyCli.run(
                args,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + l);
                    }
                })
                .toList();
        return new Run(code, lines);
    }

    @Test
    void handlesOnlyThePrivacyCommand() {
        assertThat(PrivacyCli.handles(new String[] {"privacy", "scan"})).isTrue();
        assertThat(PrivacyCli.handles(new String[] {"--server.port=8080"})).isFalse();
        assertThat(PrivacyCli.handles(new String[0])).isFalse();
    }

    @Test
    void writesOneLineOfEntitiesPerInputLine() throws Exception {
        Run run = scan("""
                {"id":"a","text":"ich bin Anna Vogel, tel 0171 2345678"}
                {"id":7,"text":"tarif 39,95 €"}
                """);

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode first = run.lines().get(0);
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("entities")).hasSize(2);
        assertThat(first.get("entities").get(0).get("type").asText()).isEqualTo("PERSON");
        assertThat(first.get("entities").get(0).get("start").asInt()).isEqualTo(8);
        assertThat(first.get("entities").get(0).get("end").asInt()).isEqualTo(18);
        assertThat(run.lines().get(1).get("id").asInt()).isEqualTo(7);
        assertThat(run.lines().get(1).get("entities")).isEmpty();
    }

    @Test
    void reportsABadLineAndGoesOn() throws Exception {
        Run run = scan("""
                not json
                {"id":"b"}
                {"id":"c","text":"mail anna@web.de"}
                """);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0).has("error")).isTrue();
        assertThat(run.lines().get(1).get("error").asText()).contains("text");
        assertThat(run.lines().get(2).get("entities").get(0).get("type").asText())
                .isEqualTo("EMAIL");
    }

    @Test
    void treatsConfiguredCompanyNumbersAsNotPersonal() throws Exception {
        Run run = scan("{\"id\":1,\"text\":\"ruf 030 12345678 an\"}\n", "--company-number=+49 30 12345678");

        assertThat(run.lines().get(0).get("entities")).isEmpty();
    }
}
