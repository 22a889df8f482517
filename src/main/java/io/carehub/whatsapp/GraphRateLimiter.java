package io.carehub.whatsapp;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R8: paces Graph API calls per business phone number so that no 1-second window at Meta ever holds more than
 * {@code carehub.outbound.rate-per-second}, however many hub instances send. The send slots are spread evenly over one
 * second plus a guard ({@code carehub.outbound.rate-guard}) that absorbs network and scheduling jitter, and they are
 * handed out once, across all instances, by one row per number in PostgreSQL (table {@code send_rate}: the next free
 * slot, on the database's clock). An instance takes {@code carehub.outbound.rate-lease} worth of consecutive slots at
 * a time, so a database round trip serves several sends; a slot that passes unused (no sender waiting, or the sender
 * too late) is dropped, never used late. An instance that stops simply takes no more slots: the others' shares grow at
 * once. The caller takes its slot as the last step before the request is written ({@link GraphSendSlots}).
 * Owner of the table {@code send_rate}.
 */
@Component
public class GraphRateLimiter {

    private final NamedParameterJdbcTemplate jdbc;
    private final long intervalNanos;
    private final int leaseSlots;
    private final long lateNanos;
    private final ConcurrentHashMap<String, ArrayDeque<Slot>> numbers = new ConcurrentHashMap<>();
    private final DatabaseClock databaseClock = new DatabaseClock();

    public GraphRateLimiter(NamedParameterJdbcTemplate jdbc, OutboundProperties properties) {
        this.jdbc = jdbc;
        long windowNanos = TimeUnit.SECONDS.toNanos(1) + properties.rateGuard().toNanos();
        this.intervalNanos = windowNanos / properties.ratePerSecond();
        this.leaseSlots = (int) Math.max(1, properties.rateLease().toNanos() / intervalNanos);
        // a quarter of the guard for a late start, the rest for network jitter
        this.lateNanos = properties.rateGuard().toNanos() / 4;
    }

    /**
     * A send slot: when it is due on this JVM's clock ({@link System#nanoTime()}) and its shared time as the database
     * handed it out (microseconds since the epoch).
     */
    public record Slot(long due, long epochMicros) {}

    /** Blocks until this instance's next send slot of the business number is due, and returns it. */
    public Slot acquire(String phoneNumberId) {
        while (true) {
            Slot slot = nextSlot(phoneNumberId);
            long wait;
            while ((wait = slot.due() - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - slot.due() <= lateNanos) {
                return slot;
            }
            // woke up too late for this slot (a stalled thread or process): sending now could put one send too many
            // into a later second, so take the next free slot instead
        }
    }

    private Slot nextSlot(String phoneNumberId) {
        ArrayDeque<Slot> slots = numbers.computeIfAbsent(phoneNumberId, id -> new ArrayDeque<>());
        synchronized (slots) {
            while (true) {
                Slot next = slots.poll();
                if (next == null) {
                    lease(phoneNumberId, slots);
                } else if (System.nanoTime() - next.due() <= lateNanos) {
                    return next;
                }
                // a slot that passed unused is gone: using it now could put one send too many into a second
            }
        }
    }

    /** Takes the number's next {@code leaseSlots} free slots from the shared row and queues their local due times. */
    private void lease(String phoneNumberId, ArrayDeque<Slot> slots) {
        double leaseSeconds = leaseSlots * intervalNanos / 1e9;
        long asked = System.nanoTime();
        long[] lease = jdbc.queryForObject(
                """
                insert into send_rate as r (phone_number_id, next_slot)
                values (:number, clock_timestamp() + make_interval(secs => :lease))
                on conflict (phone_number_id) do update
                   set next_slot = greatest(r.next_slot, clock_timestamp()) + make_interval(secs => :lease)
                returning (extract(epoch from r.next_slot - make_interval(secs => :lease)) * 1000000)::bigint,
                          (extract(epoch from clock_timestamp()) * 1000000)::bigint""", new MapSqlParameterSource("number", phoneNumberId).addValue("lease", leaseSeconds), (row, n) ->
                        new long[] {row.getLong(1), row.getLong(2)});
        long answered = System.nanoTime();
        long offset = databaseClock.offset(lease[1], asked, answered);
        for (int i = 0; i < leaseSlots; i++) {
            long epochMicros = lease[0] + i * intervalNanos / 1000;
            slots.add(new Slot(epochMicros * 1000 - offset, epochMicros));
        }
    }

    /**
     * The database's clock on this JVM's {@link System#nanoTime()} scale, estimated as NTP does: each lease's round
     * trip brackets the database's clock reading, and the estimate from the shortest round trip wins (aged by the
     * clocks' possible drift). So one slow answer (a stalled process, a busy network) cannot shift the slots of a lease
     * against the other instances'; the error is half the best round trip.
     */
    private static final class DatabaseClock {

        /** Drift allowed between the two clocks: 100 µs per second since the best estimate was taken. */
        private static final double DRIFT = 1e-4;

        private long offset;
        private long uncertainty = Long.MAX_VALUE;
        private long measuredAt;

        /** Database time minus local time, in nanoseconds, after a round trip from asked to answered. */
        synchronized long offset(long databaseMicros, long asked, long answered) {
            long sample = databaseMicros * 1000 - (asked + (answered - asked) / 2);
            long sampleUncertainty = (answered - asked) / 2;
            long aged = uncertainty == Long.MAX_VALUE
                    ? Long.MAX_VALUE
                    : uncertainty + (long) ((answered - measuredAt) * DRIFT);
            if (sampleUncertainty <= aged) {
                offset = sample;
                uncertainty = sampleUncertainty;
                measuredAt = answered;
            }
            return offset;
        }
    }
}
