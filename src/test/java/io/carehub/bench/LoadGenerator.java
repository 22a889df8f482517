package io.carehub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Signed webhook POSTs with the JDK HTTP client. Open loop: requests start on a fixed schedule and
 * latency counts from the intended start (coordinated omission corrected). Closed loop: a fixed number
 * of callers, each sending its next request when the previous one was answered.
 */
final class LoadGenerator {

    /** Latencies in microseconds; {@code start}/{@code end}: System.nanoTime of the first send and the last answer. */
    record Result(int sent, int failed, long start, long end, Histogram latencyMicros) {
        double seconds() {
            return (end - start) / 1e9;
        }

        double perSecond() {
            return (sent - failed) / seconds();
        }

        double percentileMs(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final HttpClient http;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);

    LoadGenerator() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Result closedLoop(URI uri, List<WhatsAppUpdates.Update> updates, int concurrency) throws InterruptedException {
        ConcurrentHistogram latency = histogram();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong end = new AtomicLong();
        Thread[] callers = new Thread[concurrency];
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            callers[t] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < updates.size()) {
                    long sentAt = System.nanoTime();
                    boolean ok = send(uri, updates.get(i));
                    long answeredAt = System.nanoTime();
                    latency.recordValue(Math.max(1, (answeredAt - sentAt) / 1000));
                    end.accumulateAndGet(answeredAt, Math::max);
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                }
            }, "bench-caller-" + t);
            callers[t].start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        return new Result(updates.size(), failed.get(), start, end.get(), latency);
    }

    Result openLoop(URI uri, List<WhatsAppUpdates.Update> updates, double perSecond) throws InterruptedException {
        ConcurrentHistogram latency = histogram();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong end = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(updates.size());
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime() + 5_000_000;
        for (int i = 0; i < updates.size(); i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            http.sendAsync(request(uri, updates.get(i)), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long answeredAt = System.nanoTime();
                        // from the intended start: a stalled hub is charged for every request it held up
                        latency.recordValue(Math.max(1, (answeredAt - intended) / 1000));
                        end.accumulateAndGet(answeredAt, Math::max);
                        if (error != null || response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                        answered.countDown();
                    });
        }
        if (!answered.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("open loop: " + answered.getCount() + " requests unanswered after 120 s");
        }
        return new Result(updates.size(), failed.get(), start, end.get(), latency);
    }

    private boolean send(URI uri, WhatsAppUpdates.Update update) {
        try {
            return http.send(request(uri, update), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpRequest request(URI uri, WhatsAppUpdates.Update update) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", update.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(update.body())).build();
    }

    private static ConcurrentHistogram histogram() {
        return new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
    }

    void close() {
        callbacks.shutdownNow();
    }
}
