package io.carehub.access;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** R47: the access log keeps its entries {@code carehub.security.access-log-retention} (route access-log-purge). */
@Component("accessLogRetention")
class AccessLogRetention {

    private final AccessLog accessLog;
    private final AccessProperties properties;
    private final Clock clock;

    AccessLogRetention(AccessLog accessLog, AccessProperties properties, Clock clock) {
        this.accessLog = accessLog;
        this.properties = properties;
        this.clock = clock;
    }

    public int purge() {
        return accessLog.purgeBefore(clock.instant().minus(properties.accessLogRetention()));
    }
}
