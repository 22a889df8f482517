package io.carehub.dialog;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.springframework.stereotype.Component;

/**
 * R23/R42: each dialog platform's circuit breaker as {@code carehub.breaker.state{platform, state}}: 1 for the state it
 * is in (CLOSED, OPEN, HALF_OPEN), 0 for the others, NaN while its route is not running. The same breakers as the
 * health component {@code dialogPlatforms}.
 */
@Component
class BreakerStates {

    private static final Map<String, String> ROUTES = Map.of(
            "watsonx", "dialog-platform-watsonx",
            "lex", "dialog-platform-lex",
            "local", "dialog-platform-local",
            "openai", "dialog-answer-generator");
    private static final List<String> STATES = List.of("CLOSED", "OPEN", "HALF_OPEN");

    private final CamelContext camel;

    BreakerStates(CamelContext camel, MeterRegistry registry) {
        this.camel = camel;
        ROUTES.forEach((platform, route) -> {
            for (String state : STATES) {
                Gauge.builder("carehub.breaker.state", this, self -> self.is(route, state))
                        .description("Circuit breaker of a dialog platform (R23): 1 in this state, else 0")
                        .tag("platform", platform)
                        .tag("state", state)
                        .register(registry);
            }
        });
    }

    private double is(String routeId, String state) {
        Route route = camel.getRoute(routeId);
        ResilienceProcessor breaker = route == null ? null : DialogPlatformHealth.breaker(route);
        if (breaker == null) {
            return Double.NaN;
        }
        return state.equals(breaker.getCircuitBreakerState()) ? 1 : 0;
    }
}
