package io.carehub.dialog;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Navigate;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * R42: the circuit-breaker state of every dialog platform route (CLOSED, OPEN, HALF_OPEN) under
 * {@code /actuator/health} → {@code dialogPlatforms}. An open breaker does not make the hub unhealthy:
 * its conversations fall back to another platform or to agents (R23); the details show it.
 */
@Component("dialogPlatforms")
class DialogPlatformHealth implements HealthIndicator {

    private final CamelContext camel;

    DialogPlatformHealth(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        Map<String, Object> states = new LinkedHashMap<>();
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith("dialog-platform-")
                    || route.getRouteId().equals("dialog-answer-generator")) {
                ResilienceProcessor breaker = breaker(route);
                if (breaker != null) {
                    states.put(
                            route.getRouteId()
                                    .replace("dialog-platform-", "")
                                    .replace("dialog-answer-generator", "openai"),
                            Map.of(
                                    "state",
                                    breaker.getCircuitBreakerState(),
                                    "bufferedCalls",
                                    breaker.getNumberOfBufferedCalls(),
                                    "failedCalls",
                                    breaker.getNumberOfFailedCalls(),
                                    "notPermittedCalls",
                                    breaker.getNumberOfNotPermittedCalls()));
                }
            }
        }
        return Health.up().withDetails(states).build();
    }

    /** R23: the circuit breaker of one platform's route, or null when it has none. */
    static ResilienceProcessor breaker(Route route) {
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(route.navigate());
        while (!todo.isEmpty()) {
            Object next = todo.poll();
            if (next instanceof ResilienceProcessor breaker) {
                return breaker;
            }
            if (next instanceof Navigate<?> navigate && navigate.hasNext()) {
                for (Object child : navigate.next()) {
                    if (child != null) {
                        todo.add(child);
                    }
                }
            }
        }
        return null;
    }

    /** The breaker state of one platform (tests, ops). */
    String state(String platform) {
        Route route = camel.getRoute("dialog-platform-" + platform);
        ResilienceProcessor breaker = route == null ? null : breaker(route);
        return breaker == null ? null : breaker.getCircuitBreakerState();
    }
}
