package io.carehub.routing;

import io.carehub.documentation.Conversations;
import io.carehub.routing.RoutingRules.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R21: a conversation waiting longer than its pool's overflow time moves to the overflow pool.
 * Runs on one hub instance at a time (R46: route policy oneInstance on the route routing-overflow).
 */
@Component("overflowSweep")
public class OverflowSweep {

    private static final Logger LOG = LoggerFactory.getLogger(OverflowSweep.class);
    private final Conversations conversations;
    private final TransactionTemplate tx;
    private final RoutingRulesSource rules;
    private final ConversationRouter router;
    private final Clock clock;

    public OverflowSweep(
            Conversations conversations,
            TransactionTemplate tx,
            RoutingRulesSource rules,
            ConversationRouter router,
            Clock clock) {
        this.conversations = conversations;
        this.tx = tx;
        this.rules = rules;
        this.router = router;
        this.clock = clock;
    }

    /** Moves overdue conversations; returns the hand-offs for their new pools' queues. */
    @Handler
    public List<HandOff> sweep() {
        List<HandOff> moved = tx.execute(status -> {
            Instant now = clock.instant();
            List<HandOff> handOffs = new ArrayList<>();
            RoutingRules current = rules.current();
            for (Pool pool : current.pools()) {
                if (pool.overflow() == null) {
                    continue;
                }
                Pool target = current.pool(pool.overflow().toPool()).orElseThrow();
                List<Long> ids = conversations.overflow(
                        pool.id(),
                        target.id(),
                        target.priority(),
                        now,
                        now.minus(Duration.ofMinutes(pool.overflow().afterMinutes())));
                for (long id : ids) {
                    handOffs.add(router.reissue(id, pool.id()));
                }
                if (!ids.isEmpty()) {
                    LOG.info("{} conversations overflowed from pool {} to {}", ids.size(), pool.id(), target.id());
                }
            }
            return handOffs;
        });
        return moved == null ? List.of() : moved;
    }
}
