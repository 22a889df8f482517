package io.carehub.whatsapp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.stereotype.Component;

/**
 * R8: paces Graph API calls per business phone number so that no 1-second window at Meta ever
 * holds more than the configured rate. Slots are spread evenly over one second plus a guard
 * ({@code carehub.outbound.rate-guard}) that absorbs network and scheduling jitter, and a ring of
 * the last {@code rate} slots forbids a burst after a pause.
 * <p>
 * Partitioned explicitly: each of {@code carehub.outbound.instances} hub instances paces at
 * rate / instances — no shared state on the hot path (a shared bucket in the database would cost a
 * round trip per message), at the price of an idle instance's unused share.
 */
@Component
public class GraphRateLimiter {

    private final int perWindow;
    private final long windowNanos;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Pacing> numbers = new ConcurrentHashMap<>();

    public GraphRateLimiter(OutboundProperties properties) {
        this.perWindow = Math.max(1, properties.ratePerSecond() / properties.instances());
        this.windowNanos = TimeUnit.SECONDS.toNanos(1) + properties.rateGuard().toNanos();
        this.intervalNanos = windowNanos / perWindow;
    }

    private static final class Pacing {
        final long[] recent;
        int oldest;
        long next;

        Pacing(int size, long now) {
            recent = new long[size];
            java.util.Arrays.fill(recent, now - TimeUnit.SECONDS.toNanos(10));
            next = now;
        }
    }

    /** Blocks until the next send slot of this business number is due. */
    public void acquire(String phoneNumberId) {
        Pacing pacing = numbers.computeIfAbsent(phoneNumberId, id -> new Pacing(perWindow, System.nanoTime()));
        long due;
        synchronized (pacing) {
            due = Math.max(Math.max(pacing.next, System.nanoTime()), pacing.recent[pacing.oldest] + windowNanos);
            pacing.recent[pacing.oldest] = due;
            pacing.oldest = (pacing.oldest + 1) % perWindow;
            pacing.next = due + intervalNanos;
        }
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
