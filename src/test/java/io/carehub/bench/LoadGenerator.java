package io.carehub.bench;

import java.io.IOException;
import java.net.URI;
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
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Signed webhook POSTs over kept-alive connections (Apache HttpClient 5, classic blocking I/O: the
 * cheapest well-kept Java client per request, which matters when the load generator shares two cores
 * with the hub). Open loop: requests start on a fixed schedule and latency counts from the intended
 * start (coordinated omission corrected). Closed loop: a fixed number of callers, each sending its next
 * request when the previous one was answered.
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

    /** Most requests in flight in the open loop; more wait for a free sender (and are charged for it). */
    private static final int OPEN_LOOP_SENDERS = 256;

    private final CloseableHttpClient http;
    private final ExecutorService senders = Executors.newFixedThreadPool(OPEN_LOOP_SENDERS);

    LoadGenerator() {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(OPEN_LOOP_SENDERS).setMaxConnPerRoute(OPEN_LOOP_SENDERS)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(30)).build())
                .build();
        http = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(Timeout.ofSeconds(60)).build())
                .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling().build();
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
            WhatsAppUpdates.Update update = updates.get(i);
            senders.execute(() -> {
                boolean ok = send(uri, update);
                long answeredAt = System.nanoTime();
                // from the intended start: a stalled hub is charged for every request it held up
                latency.recordValue(Math.max(1, (answeredAt - intended) / 1000));
                end.accumulateAndGet(answeredAt, Math::max);
                if (!ok) {
                    failed.incrementAndGet();
                }
                answered.countDown();
            });
        }
        if (!answered.await(180, TimeUnit.SECONDS)) {
            throw new IllegalStateException("open loop: " + answered.getCount() + " requests unanswered after 180 s");
        }
        return new Result(updates.size(), failed.get(), start, end.get(), latency);
    }

    private boolean send(URI uri, WhatsAppUpdates.Update update) {
        HttpPost post = new HttpPost(uri);
        post.setHeader("X-Hub-Signature-256", update.signature());
        post.setEntity(new ByteArrayEntity(update.body(), ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode() == 200;
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static ConcurrentHistogram histogram() {
        return new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(180), 3);
    }

    void close() {
        senders.shutdownNow();
        try {
            http.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
