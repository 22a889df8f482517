package io.carehub.ops;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * R42: readiness needs the routes: Camel started and every route that should run (auto-startup) started. Part of the
 * readiness group with the broker, not the database: the webhook answers without it (R10).
 */
@Component("routes")
class RoutesHealth implements HealthIndicator {

    private final CamelContext camel;
    private final RouteReload reload;

    RoutesHealth(CamelContext camel, RouteReload reload) {
        this.camel = camel;
        this.reload = reload;
    }

    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.down()
                    .withDetail("camel", String.valueOf(camel.getStatus()))
                    .build();
        }
        List<String> notStarted = new ArrayList<>();
        int started = 0;
        for (Route route : camel.getRoutes()) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            if (status == ServiceStatus.Started) {
                started++;
            } else if (!Boolean.FALSE.equals(route.isAutoStartup())) {
                notStarted.add(route.getRouteId());
            }
        }
        Health.Builder health = notStarted.isEmpty() ? Health.up() : Health.down();
        health.withDetail("started", started);
        if (!notStarted.isEmpty()) {
            health.withDetail("notStarted", notStarted);
        }
        RouteReload.Status status = reload.status();
        if (status.version() != null) {
            health.withDetail("version", status.version());
        }
        return health.build();
    }
}
