package io.carehub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.CarehubApplication;
import io.carehub.HubTest;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.documentation.Conversations;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * R19/R11: after a customer's messages are documented, the privacy notice is sent, the customer consents and the
 * chatbot has answered, the hub is stopped and every file it wrote is scanned: the PostgreSQL data directory (tables,
 * WAL), the broker's journal, paging and bindings, and the hub's log output. None may hold the customer's marker
 * text, profile name or phone number in clear (UTF-8, UTF-16, or base64 of UTF-8).
 */
@ExtendWith(OutputCaptureExtension.class)
class PlaintextMarkerScanTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void noFileOfTheStoppedHubHoldsTheCustomersTextNameOrNumberInClear(CapturedOutput output) throws Exception {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String marker = "Markertext" + unique + "Ende";
        String profileName = "Markerprofil " + letters(unique);
        String phone = "4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Path dataDir = Path.of("target/marker-scan", unique).toAbsolutePath();

        try (ConfigurableApplicationContext hub = start(dataDir)) {
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            post(hub, text(phone, profileName, "wamid.marker1-" + unique, "Hallo, " + marker));
            await().atMost(PATIENCE).until(() -> sentTo(jdbc, "wamid.marker1-" + unique) >= 1); // the notice
            post(hub, consent(phone, profileName, "wamid.marker2-" + unique));
            post(hub, text(phone, profileName, "wamid.marker3-" + unique, "Frage zu " + marker + " bitte"));
            // the chatbot's answers: greeting after the consent, then the answer to the question
            await().atMost(PATIENCE).until(() -> sentTo(jdbc, "wamid.marker1-" + unique) >= 3);
            assertThat(jdbc.queryForObject("""
                            select count(*) from dialog_log l join dialog d on d.id = l.dialog_id
                              join message m on m.conversation_id = d.conversation_id where m.wamid = ?""", Long.class, "wamid.marker3-" + unique))
                    .as("the bot dialog was logged")
                    .isPositive();
        }

        Map<String, byte[]> forms = new LinkedHashMap<>();
        for (String value : List.of(marker, profileName, phone)) {
            forms.putAll(encodings(value));
        }
        List<String> found = new ArrayList<>();
        int[] files = {0};
        try (Stream<Path> all = Files.walk(dataDir)) {
            all.filter(Files::isRegularFile).forEach(file -> {
                files[0]++;
                byte[] content = read(file);
                forms.forEach((form, bytes) -> {
                    if (indexOf(content, bytes) >= 0) {
                        found.add(dataDir.relativize(file) + ": " + form);
                    }
                });
            });
        }
        byte[] log = output.getAll().getBytes(StandardCharsets.UTF_8);
        forms.forEach((form, bytes) -> {
            if (indexOf(log, bytes) >= 0) {
                found.add("the hub's log: " + form);
            }
        });
        assertThat(files[0]).as("files written by PostgreSQL and the broker").isGreaterThan(100);
        assertThat(output.getAll()).as("the hub's log").contains("consent accepted");
        assertThat(found).as("files and log holding personal data in clear").isEmpty();
    }

    /**
     * R19/R22: a pool hand-off waits in its queue (no desktop consumes it) for a customer whose profile name and bot
     * summary carry markers; the stopped hub's broker journal holds the hand-off (its customerUrl is found) but neither
     * marker, nor does any other file of the data directory.
     */
    @Test
    void aWaitingPoolHandOffLeavesNoProfileNameOrBotSummaryInTheBrokerJournal() throws Exception {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String profileName = "Poolprofil " + letters(unique);
        String summary = "Zusammenfassung" + unique + "Ende";
        String phone = "4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        Path dataDir = Path.of("target/marker-scan", "handoff-" + unique).toAbsolutePath();
        long conversation;

        try (ConfigurableApplicationContext hub = start(
                dataDir,
                "--carehub.dialog.routing.private-customers=agents",
                "--carehub.dialog.routing.business=agents",
                "--carehub.dialog.routing.unknown=agents")) {
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            post(hub, text(phone, profileName, "wamid.pool1-" + unique, "Frage zu meiner Rechnung"));
            await().atMost(PATIENCE).until(() -> sentTo(jdbc, "wamid.pool1-" + unique) >= 1); // the notice
            conversation = jdbc.queryForObject(
                    "select conversation_id from message where wamid = ?", Long.class, "wamid.pool1-" + unique);
            // R27: the note a chatbot leaves for the agent, kept before the conversation reaches its pool
            hub.getBean(Conversations.class).keepBotSummary(conversation, summary);
            post(hub, consent(phone, profileName, "wamid.pool2-" + unique));
            await().atMost(PATIENCE).until(() -> sentTo(jdbc, "wamid.pool1-" + unique) >= 3); // thanks, menu
            post(hub, menuChoice(phone, profileName, "wamid.pool3-" + unique, "menu:PRIVATE:billing"));
            // the hand-off waits in its pool's queue (browsed, not consumed) before the hub stops
            JmsTemplate jms = new JmsTemplate(hub.getBean(ConnectionFactory.class));
            String selector = "carehubConversationId = " + conversation;
            await().atMost(PATIENCE)
                    .until(() -> jms.browseSelected(
                            "carehub.pool.private-billing",
                            selector,
                            (session, browser) -> browser.getEnumeration().hasMoreElements()));
        }

        List<String> handOffs = new ArrayList<>();
        List<String> found = new ArrayList<>();
        Map<String, byte[]> customerUrl = encodings("/api/conversations/" + conversation + "/customer");
        Map<String, byte[]> forms = new LinkedHashMap<>(encodings(profileName));
        forms.putAll(encodings(summary));
        try (Stream<Path> all = Files.walk(dataDir)) {
            all.filter(Files::isRegularFile).forEach(file -> {
                byte[] content = read(file);
                customerUrl.forEach((form, bytes) -> {
                    if (indexOf(content, bytes) >= 0) {
                        handOffs.add(dataDir.relativize(file) + ": " + form);
                    }
                });
                forms.forEach((form, bytes) -> {
                    if (indexOf(content, bytes) >= 0) {
                        found.add(dataDir.relativize(file) + ": " + form);
                    }
                });
            });
        }
        assertThat(handOffs)
                .as("the waiting hand-off in the broker's journal")
                .anyMatch(where -> where.startsWith("artemis"));
        assertThat(found)
                .as("files holding the profile name or the bot summary in clear")
                .isEmpty();
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--carehub.data-dir=" + dataDir,
                "--carehub.postgres.port=0",
                "--carehub.whatsapp.app-secret=" + HubTest.APP_SECRET,
                "--carehub.whatsapp.verify-token=test-verify-token",
                "--carehub.whatsapp.access-token=test-access-token",
                "--carehub.whatsapp.stand-in=true",
                "--carehub.buffer.encryption-key=" + HubTest.BUFFER_KEY));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CarehubApplication.class).run(args.toArray(String[]::new));
    }

    /** Outbound messages of the customer's conversation accepted by the Graph API (stand-in). */
    private static long sentTo(JdbcTemplate jdbc, String inboundWamid) {
        return jdbc.queryForObject("""
                select count(*) from message m where m.direction = 'OUTBOUND' and m.wamid is not null
                   and m.conversation_id = (select conversation_id from message where wamid = ?)""", Long.class, inboundWamid);
    }

    private static String text(String phone, String name, String wamid, String body) {
        return WebhookPayload.update()
                .contact(phone, name)
                .text(phone, wamid, Instant.now().getEpochSecond(), body)
                .json();
    }

    private static String consent(String phone, String name, String wamid) {
        return WebhookPayload.update()
                .contact(phone, name)
                .message("""
                        {"from":"%s","id":"%s","timestamp":"%d","type":"interactive",
                         "interactive":{"type":"button_reply","button_reply":{"id":"consent-accept","title":"Akzeptieren"}}}""".formatted(phone, wamid, Instant.now().getEpochSecond()))
                .json();
    }

    private static String menuChoice(String phone, String name, String wamid, String rowId) {
        return WebhookPayload.update()
                .contact(phone, name)
                .message("""
                        {"from":"%s","id":"%s","timestamp":"%d","type":"interactive",
                         "interactive":{"type":"list_reply","list_reply":{"id":"%s","title":"Rechnung"}}}""".formatted(phone, wamid, Instant.now().getEpochSecond(), rowId))
                .json();
    }

    private static void post(ConfigurableApplicationContext hub, String body) throws Exception {
        int port = Integer.parseInt(hub.getEnvironment().getProperty("local.server.port"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                                .header("X-Hub-Signature-256", "sha256=" + Webhook.sign(bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    /** The value as UTF-8, UTF-16 (both byte orders) and base64 of its UTF-8 at each of the three alignments. */
    private static Map<String, byte[]> encodings(String value) {
        Map<String, byte[]> forms = new LinkedHashMap<>();
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        forms.put("UTF-8 " + value, utf8);
        forms.put("UTF-16LE " + value, value.getBytes(StandardCharsets.UTF_16LE));
        forms.put("UTF-16BE " + value, value.getBytes(StandardCharsets.UTF_16BE));
        for (int offset = 0; offset < 3; offset++) {
            int whole = (utf8.length - offset) / 3 * 3;
            byte[] aligned = Arrays.copyOfRange(utf8, offset, offset + whole);
            forms.put(
                    "base64+" + offset + " " + value,
                    Base64.getEncoder().encodeToString(aligned).getBytes(StandardCharsets.US_ASCII));
        }
        return forms;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A name part from hex digits (a profile name has no digits). */
    private static String letters(String hex) {
        StringBuilder name = new StringBuilder();
        for (char c : hex.toCharArray()) {
            name.append((char) ('a' + Character.digit(c, 16)));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
