package io.carehub.routing;

import org.springframework.stereotype.Component;

/** R19/R22: the time to live of a pool hand-off in milliseconds, as the route pool-handoff gives it to the broker. */
@Component("handOffTimeToLive")
public class HandOffTimeToLive {

    private final long millis;

    HandOffTimeToLive(RoutingProperties properties) {
        this.millis = properties.handOffTtl().toMillis();
    }

    public long millis() {
        return millis;
    }
}
