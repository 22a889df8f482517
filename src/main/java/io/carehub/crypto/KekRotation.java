package io.carehub.crypto;

import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R19 KEK rotation without downtime: re-wraps, in batches, the data keys still wrapped by a key other than the KEK
 * keyset's primary (route {@code kek-rotation}). Runs on one hub instance at a time (R46: route policy oneInstance
 * on the route kek-rotation); each batch commits on its own, so a restart resumes where it stopped.
 */
@Component("kekRotation")
public class KekRotation {

    private static final Logger LOG = LoggerFactory.getLogger(KekRotation.class);

    private final ContactKeys keys;
    private final UnattributedKeys unattributed;
    private final TransactionTemplate tx;
    private final KekRotationProperties properties;

    KekRotation(
            ContactKeys keys, UnattributedKeys unattributed, TransactionTemplate tx, KekRotationProperties properties) {
        this.keys = keys;
        this.unattributed = unattributed;
        this.tx = tx;
        this.properties = properties;
    }

    /** Re-wraps up to carehub.crypto.rotation.batch-size keys (contacts' and months') per batch until none is left. */
    @Handler
    public int rewrap() {
        int total = 0;
        while (true) {
            Integer done = tx.execute(status -> {
                int contacts = keys.rewrap(properties.batchSize());
                return contacts + unattributed.rewrap(properties.batchSize() - contacts);
            });
            int count = done == null ? 0 : done;
            total += count;
            if (count < properties.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("{} data keys re-wrapped with the primary key-encryption key", total);
        }
        return total;
    }
}
