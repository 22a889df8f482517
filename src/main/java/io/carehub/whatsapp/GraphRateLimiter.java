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
 * slot). An instance takes {@code carehub.outbound.rate-lease} worth of consecutive slots at a time, so a database
 * round trip serves several sends; a slot that passes unused (no sender waiting, or the sender too late) is dropped,
 * never used late. An instance that stops simply takes no more slots: the others' shares grow at once.
 * Owner of the table {@code send_rate}.
 */
@Component
public class GraphRateLimiter {

    private final NamedParameterJdbcTemplate jdbc;
    private final long intervalNanos;
    private final int leaseSlots;
    private final long lateNanos;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> numbers = new ConcurrentHashMap<>();

    public GraphRateLimiter(NamedParameterJdbcTemplate jdbc, OutboundProperties properties) {
        this.jdbc = jdbc;
        long windowNanos = TimeUnit.SECONDS.toNanos(1) + properties.rateGuard().toNanos();
        this.intervalNanos = windowNanos / properties.ratePerSecond();
        this.leaseSlots = (int) Math.max(1, properties.rateLease().toNanos() / intervalNanos);
        // a quarter of the guard for a late start, the rest for waking up late and network jitter
        this.lateNanos = properties.rateGuard().toNanos() / 4;
    }

    /** Blocks until this instance's next send slot of the business number is due. */
    public void acquire(String phoneNumberId) {
        while (true) {
            long due = nextSlot(phoneNumberId);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due <= lateNanos) {
                return;
            }
            // woke up too late for this slot (a stalled thread or process): sending now could put one send too many
            // into a later second, so take the next free slot instead
        }
    }

    private long nextSlot(String phoneNumberId) {
        ArrayDeque<Long> slots = numbers.computeIfAbsent(phoneNumberId, id -> new ArrayDeque<>());
        synchronized (slots) {
            while (true) {
                Long next = slots.poll();
                if (next == null) {
                    lease(phoneNumberId, slots);
                } else if (System.nanoTime() - next <= lateNanos) {
                    return next;
                }
                // a slot that passed unused is gone: using it now could put one send too many into a second
            }
        }
    }

    /** Takes the number's next {@code leaseSlots} free slots from the shared row and queues their local due times. */
    private void lease(String phoneNumberId, ArrayDeque<Long> slots) {
        double leaseSeconds = leaseSlots * intervalNanos / 1e9;
        Double startsIn = jdbc.queryForObject(
                """
                with clock as (select clock_timestamp() as t)
                insert into send_rate as r (phone_number_id, next_slot)
                select :number, t + make_interval(secs => :lease) from clock
                on conflict (phone_number_id) do update
                   set next_slot = greatest(r.next_slot, (select t from clock)) + make_interval(secs => :lease)
                returning extract(epoch from r.next_slot - make_interval(secs => :lease) - clock_timestamp())::float8""", new MapSqlParameterSource("number", phoneNumberId).addValue("lease", leaseSeconds), Double.class);
        long first = System.nanoTime() + Math.max(0, (long) ((startsIn == null ? 0 : startsIn) * 1e9));
        for (int i = 0; i < leaseSlots; i++) {
            slots.add(first + i * intervalNanos);
        }
    }
}
