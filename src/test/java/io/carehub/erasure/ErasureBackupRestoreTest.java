package io.carehub.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.CarehubApplication;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.LookupHash;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R19/R33: a real physical backup of the main database, restored after an erasure, brings nothing back for good.
 * The embedded PostgreSQL bundle has neither pg_basebackup nor pg_dump, so the backup is a cold one: the hub (and
 * with it its PostgreSQL, shut down cleanly) is stopped and the whole PostgreSQL data directory copied. The erasure
 * ledger lives on a PostgreSQL server of its own, as docs/data-lifecycle.md asks of production, so restoring the
 * main server leaves it alone. The hub started on the restored data directory erases the restored contact again by
 * itself (route {@code erasure-ledger-reapply}), and the ledger's entry is still there.
 */
class ErasureBackupRestoreTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void aHubStartedOnARestoredColdBackupErasesTheContactAgainFromTheLedger() throws Exception {
        String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String phone = "4917" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        String wamid = "wamid.backup-" + unique;
        Path root = Path.of("target/backup-restore", unique).toAbsolutePath();
        Path dataDir = root.resolve("hub");
        Path postgresData = dataDir.resolve("postgres");
        Path backup = root.resolve("backup-postgres");
        long contact;
        long conversation;
        byte[] sealedText;

        try (EmbeddedPostgres ledgerServer = EmbeddedPostgres.builder()
                .setDataDirectory(root.resolve("ledger-postgres").toFile())
                .setCleanDataDirectory(false)
                .start()) {
            String[] ledger = {
                "--carehub.erasure.ledger.url=" + ledgerServer.getJdbcUrl("postgres", "postgres"),
                "--carehub.erasure.ledger.username=postgres",
                "--carehub.erasure.ledger.password=unused-trust-auth"
            };

            // a documented contact
            try (ConfigurableApplicationContext hub = start(dataDir, ledger)) {
                JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
                post(hub, text(phone, "Sicherung " + unique, wamid, "Bitte rufen Sie mich an " + unique));
                await().atMost(PATIENCE)
                        .until(() ->
                                jdbc.queryForObject("select count(*) from message where wamid = ?", Long.class, wamid)
                                        == 1);
                Map<String, Object> row = jdbc.queryForMap("""
                        select c.contact_id, c.id as conversation, m.text_body from message m
                          join conversation c on c.id = m.conversation_id where m.wamid = ?""", wamid);
                contact = (Long) row.get("contact_id");
                conversation = (Long) row.get("conversation");
                sealedText = (byte[]) row.get("text_body");
                assertThat(hub.getBean(ContactKeys.class)
                                .existing(contact)
                                .orElseThrow()
                                .openText(sealedText, "message.text_body"))
                        .isEqualTo("Bitte rufen Sie mich an " + unique);
            }

            // the cold backup: PostgreSQL stopped cleanly with the hub, its whole data directory copied
            assertThat(postgresData.resolve("postmaster.pid")).doesNotExist();
            copyTree(postgresData, backup);

            // the erasure: key destroyed, rows gone, the ledger names the contact
            try (ConfigurableApplicationContext hub = start(dataDir, ledger)) {
                JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
                HttpResponse<String> filed = send(
                        hub,
                        "POST",
                        "/api/privacy/erasures",
                        IdentityProvider.privacyOfficer(),
                        "{\"waId\":\"" + phone + "\"}");
                assertThat(filed.statusCode()).isEqualTo(202);
                hub.getBean(ErasureExecutor.class).run();
                assertThat(count(jdbc, "select count(*) from contact where id = ?", contact))
                        .isZero();
                assertThat(count(jdbc, "select count(*) from contact_key where contact_id = ?", contact))
                        .isZero();
                assertThat(ledgerHashes(hub)).contains(hashOf(hub, phone));
            }

            // the restore: the main server's data directory replaced by the backup, the ledger's server untouched
            deleteTree(postgresData);
            copyTree(backup, postgresData);

            try (ConfigurableApplicationContext hub = start(dataDir, ledger)) {
                JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
                // the restored backup held the contact: the ledger found it and filed its erasure again, by itself
                await().atMost(PATIENCE)
                        .until(() -> count(
                                        jdbc,
                                        "select count(*) from erasure_request where contact_id = ? and reason = 'LEDGER'"
                                                + " and status = 'DONE'",
                                        contact)
                                == 1);
                assertThat(count(jdbc, "select count(*) from contact where id = ?", contact))
                        .isZero();
                assertThat(count(jdbc, "select count(*) from conversation where contact_id = ?", contact))
                        .isZero();
                assertThat(count(jdbc, "select count(*) from message where wamid = ?", wamid))
                        .isZero();
                assertThat(count(jdbc, "select count(*) from contact_key where contact_id = ?", contact))
                        .isZero();
                assertThat(hub.getBean(ContactKeys.class).existing(contact))
                        .as("a copy of the contact's rows cannot be read: its key is gone")
                        .isEmpty();
                assertThat(sealedText).isNotNull();

                HttpResponse<String> history = send(
                        hub,
                        "GET",
                        "/api/conversations/" + conversation + "/messages",
                        IdentityProvider.supervisor(),
                        null);
                assertThat(history.statusCode()).isEqualTo(404);
                assertThat(history.body()).doesNotContain(unique);
                HttpResponse<String> lookup =
                        send(hub, "GET", "/api/conversations?waId=" + phone, IdentityProvider.supervisor(), null);
                assertThat(lookup.statusCode()).isEqualTo(200);
                assertThat(lookup.body()).isEqualTo("[]");

                assertThat(ledgerHashes(hub)).as("the ledger entry is intact").contains(hashOf(hub, phone));
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... ledger) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--carehub.data-dir=" + dataDir,
                "--carehub.postgres.port=0",
                "--carehub.whatsapp.app-secret=" + HubTest.APP_SECRET,
                "--carehub.whatsapp.verify-token=test-verify-token",
                "--carehub.whatsapp.access-token=test-access-token",
                "--carehub.whatsapp.stand-in=true",
                "--carehub.buffer.encryption-key=" + HubTest.BUFFER_KEY,
                // the test carries out the privacy officer's request itself; re-applying the ledger runs by itself
                "--carehub.erasure.check-interval=24h"));
        IdentityProvider.hubProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(ledger));
        return new SpringApplicationBuilder(CarehubApplication.class).run(args.toArray(String[]::new));
    }

    private static List<String> ledgerHashes(ConfigurableApplicationContext hub) {
        return hub.getBean(ErasureLedger.class).page(null, 100_000).stream()
                .map(entry -> java.util.HexFormat.of().formatHex(entry.lookupHash()))
                .toList();
    }

    private static String hashOf(ConfigurableApplicationContext hub, String waId) {
        return java.util.HexFormat.of().formatHex(hub.getBean(LookupHash.class).of(waId));
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static String text(String phone, String name, String wamid, String body) {
        return WebhookPayload.update()
                .contact(phone, name)
                .text(phone, wamid, Instant.now().getEpochSecond(), body)
                .json();
    }

    private static void post(ConfigurableApplicationContext hub, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(hub, "/webhooks/whatsapp")))
                                .header("X-Hub-Signature-256", "sha256=" + Webhook.sign(bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> send(
            ConfigurableApplicationContext hub, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(hub, path)))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String url(ConfigurableApplicationContext hub, String path) {
        return "http://localhost:" + hub.getEnvironment().getProperty("local.server.port") + path;
    }

    /**
     * The data directory, file by file, with its permissions (PostgreSQL starts only on a directory of mode 0700 or
     * 0750). PostgreSQL is stopped: nothing changes underneath.
     */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Files.copy(
                        source,
                        to.resolve(from.relativize(source).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
