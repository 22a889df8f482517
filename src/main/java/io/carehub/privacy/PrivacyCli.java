package io.carehub.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.CryptoProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code java -jar carehub.jar privacy scan|export …} — runs without Spring, web server, broker or
 * (for scan) database.
 * <ul>
 *   <li>{@code privacy scan [--company-number=N]… [--region=DE]}: stdin JSONL {@code {"id","text"}} →
 *       stdout JSONL {@code {"id","entities":[{"type","start","end"}]}} (UTF-16 offsets). A bad line
 *       yields {@code {"id","error"}} and the scan goes on; exit code 1 if any line was bad.</li>
 *   <li>{@code privacy export --jdbc-url=… --user=… --from=… --to=…}: anonymized transcripts (R28)
 *       as JSONL to stdout; the password comes from the environment variable CAREHUB_DB_PASSWORD.</li>
 * </ul>
 */
public final class PrivacyCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrivacyCli() {}

    public static boolean handles(String[] args) {
        return args != null && args.length >= 1 && args[0].equals("privacy");
    }

    public static int run(String[] args, InputStream in, PrintStream out) {
        String command = args.length > 1 ? args[1] : "help";
        List<String> options = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
        try {
            return switch (command) {
                case "scan" -> scan(options, in, out);
                case "export" -> export(options, out);
                default -> usage(out);
            };
        } catch (IllegalArgumentException e) {
            System.err.println("privacy " + command + ": " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream out) {
        out.println("""
                usage: privacy scan [--company-number=NUMBER]... [--region=DE] < messages.jsonl
                       privacy export --jdbc-url=URL --user=USER --from=DATE --to=DATE [--kek-keyset-file=FILE]
                         (password: env CAREHUB_DB_PASSWORD; key-encryption key: env CAREHUB_CRYPTO_KEK or the keyset file)""");
        return 2;
    }

    static int scan(List<String> options, InputStream in, PrintStream out) {
        List<String> companyNumbers = new ArrayList<>(values(options, "--company-number"));
        String env = System.getenv("CAREHUB_PRIVACY_COMPANY_NUMBERS");
        if (env != null && !env.isBlank()) companyNumbers.addAll(Arrays.asList(env.split(",")));
        String region = values(options, "--region").stream().findFirst().orElse("DE");
        PiiDetector detector = new PiiDetector(companyNumbers, region);
        int bad = 0;
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            JsonGenerator json = JSON.getFactory().createGenerator(out);
            json.setRootValueSeparator(null);
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode id = null;
                try {
                    JsonNode node = JSON.readTree(line);
                    id = node.get("id");
                    JsonNode text = node.get("text");
                    if (text == null || !text.isTextual())
                        throw new IllegalArgumentException("'text' must be a string");
                    List<Entity> entities = detector.detect(text.asText());
                    json.writeStartObject();
                    json.writeFieldName("id");
                    json.writeTree(id);
                    json.writeArrayFieldStart("entities");
                    for (Entity e : entities) {
                        json.writeStartObject();
                        json.writeStringField("type", e.type().name());
                        json.writeNumberField("start", e.start());
                        json.writeNumberField("end", e.end());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                } catch (IOException | IllegalArgumentException e) {
                    bad++;
                    json.writeStartObject();
                    json.writeFieldName("id");
                    json.writeTree(id);
                    json.writeStringField(
                            "error", e instanceof IOException ? "line is not a JSON object" : e.getMessage());
                    json.writeEndObject();
                }
                json.writeRaw('\n');
                json.flush();
            }
        } catch (IOException e) {
            System.err.println("privacy scan: " + e.getMessage());
            return 1;
        }
        return bad == 0 ? 0 : 1;
    }

    static int export(List<String> options, PrintStream out) {
        String url = required(options, "--jdbc-url");
        Instant from = TranscriptExportController.instant("from", required(options, "--from"));
        Instant to = TranscriptExportController.instant("to", required(options, "--to"));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        values(options, "--user").stream().findFirst().ifPresent(dataSource::setUser);
        String password = System.getenv("CAREHUB_DB_PASSWORD");
        if (password != null) dataSource.setPassword(password);
        PiiDetector detector = new PiiDetector(values(options, "--company-number"), "DE");
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        // R19: the texts are encrypted with the contacts' keys, wrapped by the hub's key-encryption key
        CryptoProperties crypto = new CryptoProperties(
                System.getenv("CAREHUB_CRYPTO_KEK"),
                values(options, "--kek-keyset-file").stream().findFirst().orElse(null),
                null,
                Duration.ofMinutes(10),
                10_000);
        TranscriptAnonymizer anonymizer = new TranscriptAnonymizer(
                jdbc, ContactKeys.forTool(crypto, jdbc, new DeletionAudit(jdbc)), new Stripper(detector, "[REDACTED]"));
        int written = anonymizer.export(from, to, out);
        out.flush();
        System.err.println("privacy export: " + written + " messages");
        return 0;
    }

    private static List<String> values(List<String> options, String name) {
        List<String> values = new ArrayList<>();
        for (String option : options) {
            if (option.startsWith(name + "=")) values.add(option.substring(name.length() + 1));
        }
        return values;
    }

    private static String required(List<String> options, String name) {
        return values(options, name).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + "=… is required"));
    }
}
