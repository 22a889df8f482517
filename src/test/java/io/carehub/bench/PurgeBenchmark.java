package io.carehub.bench;

import io.carehub.CarehubApplication;
import io.carehub.retention.RetentionPurge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R30 (docs/benchmark.md, "Purge benchmark"): the webhook's latency while the three-month purge deletes a million
 * rows. Seeds purgeable rows with SQL (100 days old: messages with their conversations and contacts, statuses,
 * billing rows), warms the hub up, then drives signed webhook POSTs in an open loop at 1,000/s twice: without the
 * purge, and with {@link RetentionPurge#purge()} running. Prints a table; target: p99 with the purge at most 2×
 * without.
 */
public final class PurgeBenchmark {

    private static final String APP_SECRET = "bench-app-secret";
    private static final double RATE = 1000;

    private record Phase(String name, LoadGenerator.Result load, long purged, double purgeSeconds) {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path out = Path.of("target/bench");
        Files.createDirectories(out);
        Path dataDir = out.resolve("purge-data-" + System.currentTimeMillis()).toAbsolutePath();
        long t0 = System.nanoTime();
        ConfigurableApplicationContext hub = SpringApplication.run(
                new Class<?>[] {CarehubApplication.class},
                HubBenchmark.withRouting(
                        out,
                        "--server.port=0",
                        "--carehub.data-dir=" + dataDir,
                        "--carehub.postgres.port=0",
                        "--carehub.whatsapp.app-secret=" + APP_SECRET,
                        // the purge runs when the benchmark says so, not on its daily schedule
                        "--carehub.retention.purge-check=24h",
                        "--logging.level.root=WARN",
                        "--logging.level.io.carehub=WARN",
                        "--logging.level.org.apache.camel=ERROR"));
        int status = 0;
        try {
            System.out.printf(Locale.ROOT, "hub started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            new PurgeBenchmark(hub).run(rows, seconds);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            hub.close();
        }
        System.exit(status); // the hub's scheduler threads would keep the JVM alive
    }

    private final ConfigurableApplicationContext hub;
    private final JdbcTemplate jdbc;
    private final java.net.URI webhook;
    private final LoadGenerator load = new LoadGenerator();
    private final WhatsAppUpdates updates;

    private PurgeBenchmark(ConfigurableApplicationContext hub) {
        this.hub = hub;
        this.jdbc = hub.getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
        this.webhook = java.net.URI.create("http://localhost:" + port + "/webhooks/whatsapp");
        this.updates =
                new WhatsAppUpdates(Long.toString(System.currentTimeMillis() % 100_000_000L, 36), 2000, APP_SECRET);
    }

    private void run(int rows, int seconds) throws Exception {
        long t = System.nanoTime();
        seed(rows);
        System.out.printf(
                Locale.ROOT, "seeded %,d purgeable rows in %.1f s%n", purgeable(), (System.nanoTime() - t) / 1e9);

        System.out.println("warm-up (" + seconds + " s at 1,000/s) ...");
        load.openLoop(webhook, batch("warm", (int) RATE * seconds), RATE);
        settle();

        System.out.println("without the purge ...");
        Phase without = new Phase(
                "webhook at 1,000/s, no purge",
                load.openLoop(webhook, batch("nopurge", (int) RATE * seconds), RATE),
                0,
                0);
        settle();

        System.out.println("with the purge ...");
        RetentionPurge purge = hub.getBean(RetentionPurge.class);
        long before = purgeable();
        long purgeStart = System.nanoTime();
        CompletableFuture<Map<String, Integer>> running = CompletableFuture.supplyAsync(purge::purge);
        LoadGenerator.Result loaded = load.openLoop(webhook, batch("purge", (int) RATE * seconds), RATE);
        long purgedDuringLoad = before - purgeable();
        boolean finishedDuringLoad = running.isDone();
        Map<String, Integer> deleted = running.get(30, TimeUnit.MINUTES);
        double purgeSeconds = (System.nanoTime() - purgeStart) / 1e9;
        Phase with = new Phase("webhook at 1,000/s, purge running", loaded, purgedDuringLoad, purgeSeconds);

        print(List.of(without, with), deleted, finishedDuringLoad);
    }

    /**
     * Purgeable rows stored 100 days ago: 1,000 contacts with a closed conversation each, 70 % of the rows messages
     * (a ciphertext of the benchmark text's length), 25 % delivery statuses, 5 % billing rows. Set-based, in chunks.
     */
    private void seed(int rows) {
        int messages = rows * 70 / 100;
        int statuses = rows * 25 / 100;
        int billing = rows - messages - statuses;
        jdbc.update("""
                insert into contact (wa_id_hash, phone_number, profile_name, created_at, updated_at)
                select decode(md5('purge' || g), 'hex'), decode(md5('phone' || g), 'hex'), decode(md5('name' || g), 'hex'),
                       now() - interval '100 days', now() - interval '100 days'
                  from generate_series(1, 1000) g""");
        jdbc.update("""
                insert into conversation (contact_id, business_phone_number_id, status, opened_at, closed_at, routing_state)
                select id, 'purge-bench', 'CLOSED', now() - interval '101 days', now() - interval '100 days', 'CLOSED'
                  from contact where created_at < now() - interval '99 days'""");
        long firstConversation = jdbc.queryForObject(
                "select min(id) from conversation where business_phone_number_id = 'purge-bench'", Long.class);
        for (int from = 0; from < messages; from += 100_000) {
            jdbc.update("""
                    insert into message (wamid, conversation_id, direction, type, text_body, sent_at, documented_at)
                    select 'wamid.purge.' || g, ? + g % 1000, 'INBOUND', 'text',
                           decode(repeat('5a', 98), 'hex'), -- a ciphertext's length: the 70-char text + 28 bytes
                           now() - interval '100 days', now() - interval '100 days'
                      from generate_series(?, ?) g""", firstConversation, from, Math.min(messages, from + 100_000) - 1);
        }
        for (int from = 0; from < statuses; from += 100_000) {
            jdbc.update("""
                    insert into message_status (wamid, status, status_at, documented_at)
                    select 'wamid.purgeout.' || g, 'delivered', now() - interval '100 days', now() - interval '100 days'
                      from generate_series(?, ?) g""", from, Math.min(statuses, from + 100_000) - 1);
        }
        jdbc.update("""
                insert into billing_record (wamid, status, billable, pricing_model, category, status_at, documented_at)
                select 'wamid.purgeout.' || g, 'sent', true, 'PMP', 'service', now() - interval '100 days',
                       now() - interval '100 days'
                  from generate_series(0, ? - 1) g""", billing);
        jdbc.execute("vacuum analyze message");
        jdbc.execute("vacuum analyze message_status");
        jdbc.execute("vacuum analyze billing_record");
    }

    /** Waits until the previous phase is documented: the run's stored updates unchanged for 2 s. */
    private void settle() {
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(-1);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(10))
                .pollInterval(java.time.Duration.ofMillis(200))
                .during(java.time.Duration.ofSeconds(2))
                .until(() -> {
                    long now = jdbc.queryForObject(
                            "select (select count(*) from message where wamid like ?) + (select count(*) from message_status where wamid like ?)",
                            Long.class,
                            updates.messagePrefix() + "%",
                            updates.statusPrefix() + "%");
                    return last.getAndSet(now) == now;
                });
    }

    private long purgeable() {
        return jdbc.queryForObject("""
                select (select count(*) from message where documented_at < now() - interval '90 days')
                     + (select count(*) from message_status where documented_at < now() - interval '90 days')
                     + (select count(*) from billing_record where documented_at < now() - interval '90 days')""", Long.class);
    }

    private List<WhatsAppUpdates.Update> batch(String phase, int count) {
        List<WhatsAppUpdates.Update> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(updates.update(phase, i));
        }
        return posts;
    }

    private static void print(List<Phase> phases, Map<String, Integer> deleted, boolean finishedDuringLoad) {
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "| %-34s | %8s | %7s | %7s | %7s | %8s | %9s | %9s |%n",
                "phase",
                "POSTs",
                "p50 ms",
                "p99 ms",
                "p99.9",
                "max ms",
                "purged",
                "purge s");
        System.out.println(
                "|" + "-".repeat(36) + "|----------|---------|---------|---------|----------|-----------|-----------|");
        for (Phase p : phases) {
            System.out.printf(
                    Locale.ROOT,
                    "| %-34s | %8d | %7.1f | %7.1f | %7.1f | %8.1f | %9s | %9s |%n",
                    p.name(),
                    p.load().sent() - p.load().failed(),
                    p.load().percentileMs(50),
                    p.load().percentileMs(99),
                    p.load().percentileMs(99.9),
                    p.load().percentileMs(100),
                    p.purged() == 0 ? "-" : String.format(Locale.ROOT, "%,d", p.purged()),
                    p.purgeSeconds() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", p.purgeSeconds()));
        }
        double ratio =
                phases.get(1).load().percentileMs(99) / phases.get(0).load().percentileMs(99);
        System.out.printf(
                Locale.ROOT,
                "%np99 with the purge / without: %.2f× (target ≤ 2×: %s); the purge %s; deleted %s%n",
                ratio,
                ratio <= 2 ? "met" : "NOT met",
                finishedDuringLoad ? "finished during the load" : "ran on after the load",
                deleted);
        System.out.println("machine load average (1 min) at the end: "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }
}
