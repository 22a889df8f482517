package io.carehub.crypto;

import java.time.Clock;
import java.time.LocalDate;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R19/R30: destroys the month keys of data that belongs to no contact (rejected updates) once their month is older
 * than {@code carehub.crypto.unattributed.keep} (route {@code unattributed-key-expiry}). Idempotent: instances
 * running it at the same time delete each key once.
 */
@Component("unattributedKeyExpiry")
public class UnattributedKeyExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(UnattributedKeyExpiry.class);

    private final UnattributedKeys keys;
    private final UnattributedKeyProperties properties;
    private final Clock clock;

    UnattributedKeyExpiry(UnattributedKeys keys, UnattributedKeyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many month keys it destroyed. */
    @Handler
    public int expire() {
        // a month's key goes once the whole month is older than keep
        LocalDate before = UnattributedKeys.monthOf(clock.instant().minus(properties.keep()));
        int destroyed = keys.destroyBefore(before, "retention");
        if (destroyed > 0) {
            LOG.info("{} month keys of unattributed data destroyed (months before {})", destroyed, before);
        }
        return destroyed;
    }
}
