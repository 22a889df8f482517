package io.carehub.erasure;

import io.carehub.consent.ErasureRequests;
import io.carehub.consent.ErasureRequests.Request;
import java.time.Clock;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R33: carries out pending erasure requests, soonest due first, on one hub instance at a time (R46: route policy
 * oneInstance on the route erasure-executor). A request that fails stays where its last committed
 * step left it and is resumed by the next run.
 */
@Component("erasureExecutor")
public class ErasureExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureExecutor.class);
    private final ErasureRequests requests;
    private final ErasureSteps steps;
    private final TransactionTemplate tx;
    private final ErasureProperties properties;
    private final Clock clock;

    ErasureExecutor(
            ErasureRequests requests,
            ErasureSteps steps,
            TransactionTemplate tx,
            ErasureProperties properties,
            Clock clock) {
        this.requests = requests;
        this.steps = steps;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Carries out up to a batch of requests; returns how many contacts are gone (held ones not counted). */
    @Handler
    public int run() {
        Integer erased = tx.execute(status -> {
            int done = 0;
            for (Request request : requests.runnable(clock.instant(), properties.batchSize())) {
                try {
                    if (steps.carryOut(request)) {
                        done++;
                        LOG.info("erasure request {} carried out ({})", request.id(), request.reason());
                    } else {
                        LOG.info("erasure request {}: archived records kept, contact held", request.id());
                    }
                } catch (RuntimeException e) {
                    LOG.warn(
                            "erasure request {} failed ({}); the next run resumes it",
                            request.id(),
                            e.getClass().getSimpleName());
                }
            }
            return done;
        });
        return erased == null ? 0 : erased;
    }
}
