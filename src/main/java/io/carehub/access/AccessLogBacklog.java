package io.carehub.access;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R42/R47: access entries the database could not take during an outage (ops reads of broker-only data, {@link
 * AccessLog#otherOrHeld}) wait, persistent, on the broker queue {@code carehub.access-log} (route
 * {@code access-log-hold}); the route {@code access-log-backlog} writes them with their original time once the
 * database is back. The broker is what readiness needs anyway: without it the read fails instead, so no entry is lost.
 */
@Component
class AccessLogBacklog {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogBacklog.class);

    private final ProducerTemplate camel;

    AccessLogBacklog(ProducerTemplate camel) {
        this.camel = camel;
    }

    /** Puts the entry on the broker (route access-log-hold); throws when the broker does not take it. */
    void hold(AccessLog.HeldEntry entry) {
        camel.sendBody("direct:access-log-hold", entry);
        LOG.warn("access log entry {} held on the broker until the database is back", entry.action());
    }
}
