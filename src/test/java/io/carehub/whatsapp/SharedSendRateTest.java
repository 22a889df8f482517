package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * R8 across instances: two rate limiters on one database (two hub instances) sending for one business number as fast
 * as they can never take more than the number's rate in any 1-second window between them, and when one stops the
 * other's share grows to the whole rate. (The fault suite checks the same with two hub processes at the Graph API.)
 */
@HubTest
class SharedSendRateTest {

    private static final int RATE = 20;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    OutboundProperties outbound;

    record Send(char instance, long at) {}

    @Test
    void twoInstancesShareOneRateAndTheSurvivorTakesAllOfIt() throws Exception {
        OutboundProperties properties = withRate(outbound, RATE);
        GraphRateLimiter a = new GraphRateLimiter(jdbc, properties);
        GraphRateLimiter b = new GraphRateLimiter(jdbc, properties);
        String number = "rate-" + UUID.randomUUID();
        ConcurrentLinkedQueue<Send> sends = new ConcurrentLinkedQueue<>();
        AtomicBoolean aRuns = new AtomicBoolean(true);
        AtomicBoolean bRuns = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            senders.add(Thread.ofPlatform().start(() -> sendWhile(a, number, 'a', aRuns, sends)));
            senders.add(Thread.ofPlatform().start(() -> sendWhile(b, number, 'b', bRuns, sends)));
        }
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(4);
        bRuns.set(false);
        long bStopped = System.nanoTime();
        TimeUnit.SECONDS.sleep(4);
        aRuns.set(false);
        for (Thread sender : senders) {
            sender.join(Duration.ofSeconds(5));
        }

        List<Send> all =
                sends.stream().sorted((x, y) -> Long.compare(x.at(), y.at())).toList();
        assertThat(mostInOneSecond(all))
                .as("sends in the busiest 1-s window, both instances")
                .isLessThanOrEqualTo(RATE);
        long aBoth = count(all, 'a', start + SECOND, bStopped);
        long bBoth = count(all, 'b', start + SECOND, bStopped);
        assertThat(aBoth).as("a's sends while both send").isPositive();
        assertThat(bBoth).as("b's sends while both send").isPositive();
        // alone, a sends at the whole rate (RATE per 1 s + guard), not at its former half
        long aAlone = count(all, 'a', bStopped + SECOND, bStopped + 4 * SECOND);
        double full = 3.0 * RATE * SECOND / (SECOND + outbound.rateGuard().toNanos());
        assertThat(aAlone)
                .as("a's sends in the 3 s after b stopped (full rate: %.0f)", full)
                .isGreaterThanOrEqualTo((long) (0.8 * full));
    }

    private static void sendWhile(
            GraphRateLimiter limiter,
            String number,
            char instance,
            AtomicBoolean runs,
            ConcurrentLinkedQueue<Send> sends) {
        while (runs.get()) {
            limiter.acquire(number);
            sends.add(new Send(instance, System.nanoTime()));
        }
    }

    private static int mostInOneSecond(List<Send> sorted) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last).at() - sorted.get(first).at() >= SECOND) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private static long count(List<Send> sends, char instance, long from, long to) {
        return sends.stream()
                .filter(s -> s.instance() == instance && s.at() >= from && s.at() < to)
                .count();
    }

    private static OutboundProperties withRate(OutboundProperties p, int rate) {
        return new OutboundProperties(
                p.queue(),
                p.consumers(),
                rate,
                p.rateGuard(),
                p.rateLease(),
                p.rateTrace(),
                p.maxRetries(),
                p.firstBackoff(),
                p.maxBackoff(),
                p.requeueAfter(),
                p.requeueCheck(),
                p.windowFallbackTemplate(),
                p.windowFallbackLanguage());
    }
}
