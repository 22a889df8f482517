package io.carehub.erasure;

import io.carehub.consent.ErasureRequests;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * R33/R42: erasures still pending after their due date (5 working days): the gauges
 * {@code carehub.erasure.overdue} (count) and {@code carehub.erasure.overdue.oldest.age} (seconds past the oldest
 * due date), and the health component {@code erasure}, which then reports {@code WARNING} (the hub stays up: it is a
 * promise at risk, not an outage).
 */
@Component("erasure")
class OverdueErasures implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "erasure overdue (R33: 5 working days)");

    private final ErasureRequests requests;
    private final ErasureLedger ledger;
    private final Clock clock;

    OverdueErasures(ErasureRequests requests, ErasureLedger ledger, Clock clock, MeterRegistry registry) {
        this.requests = requests;
        this.ledger = ledger;
        this.clock = clock;
        gauge(
                registry,
                "carehub.erasure.overdue",
                "Erasure requests pending after their due date",
                self -> self.now().count());
        gauge(
                registry,
                "carehub.erasure.overdue.oldest.age",
                "Seconds since the oldest overdue erasure request was due (0: none)",
                self -> ageSeconds(self.now()));
    }

    @Override
    public Health health() {
        ErasureRequests.Overdue overdue;
        try {
            overdue = now();
        } catch (DataAccessException e) {
            // R42: the database is down (its own component says so); the rest of /actuator/health still answers
            return Health.unknown().withDetail("database", "unavailable").build();
        }
        if (!ledger.configured()) {
            return Health.status(WARNING)
                    .withDetail("ledger", ErasureLedger.NOT_CONFIGURED)
                    .withDetail("overdue", overdue.count())
                    .build();
        }
        if (overdue.count() == 0) {
            return Health.up().withDetail("overdue", 0).build();
        }
        return Health.status(WARNING)
                .withDetail("overdue", overdue.count())
                .withDetail("oldestDue", overdue.oldestDue().toString())
                .build();
    }

    private ErasureRequests.Overdue now() {
        return requests.overdue(clock.instant());
    }

    private double ageSeconds(ErasureRequests.Overdue overdue) {
        return overdue.oldestDue() == null
                ? 0
                : Duration.between(overdue.oldestDue(), clock.instant()).toSeconds();
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<OverdueErasures> f) {
        Gauge.builder(name, this, self -> {
                    try {
                        return f.applyAsDouble(self);
                    } catch (DataAccessException e) {
                        return Double.NaN; // database down: its own health says so
                    }
                })
                .description(description)
                .register(registry);
    }
}
