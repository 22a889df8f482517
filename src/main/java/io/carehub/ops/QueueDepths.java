package io.carehub.ops;

import io.carehub.buffer.BufferProperties;
import io.carehub.routing.LifecycleProperties;
import io.carehub.routing.RoutingRules;
import io.carehub.routing.RoutingRulesSource;
import io.carehub.whatsapp.OutboundProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R42: messages waiting in the hub's queues — buffer, lifecycle, outbound, every agent pool — and in the dead-letter
 * queues, as {@code carehub.queue.messages{queue, kind}} and their sum {@code carehub.dead.letters}. The embedded
 * broker is asked directly; an external one is browsed with the hub's own account (it may browse, never manage the
 * broker), at most {@code carehub.metrics.browse-limit} messages per queue. Read every {@code queue-refresh} on a
 * thread of its own, so a scrape never waits for the broker.
 */
@Component
class QueueDepths {

    /** The dead-letter queue of every carehub queue but the buffer (broker.xml, EmbeddedBrokerConfiguration). */
    static final String OTHER_DEAD_LETTER_QUEUE = "carehub.DLQ";

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);

    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final ConnectionFactory connectionFactory;
    private final RoutingRulesSource rules;
    private final MetricsProperties properties;
    private final Map<String, String> kinds = new LinkedHashMap<>();
    private final MultiGauge depths;
    private volatile double deadLetters = Double.NaN;
    private volatile boolean failing;
    private ScheduledExecutorService timer;

    QueueDepths(
            ObjectProvider<EmbeddedActiveMQ> embedded,
            ConnectionFactory connectionFactory,
            RoutingRulesSource rules,
            MetricsProperties properties,
            BufferProperties buffer,
            LifecycleProperties lifecycle,
            OutboundProperties outbound,
            MeterRegistry registry) {
        this.embedded = embedded;
        this.connectionFactory = connectionFactory;
        this.rules = rules;
        this.properties = properties;
        kinds.put(buffer.queue(), "buffer");
        kinds.put(lifecycle.queue(), "lifecycle");
        kinds.put(outbound.queue(), "outbound");
        kinds.put(buffer.deadLetterQueue(), "dead-letter");
        kinds.put(OTHER_DEAD_LETTER_QUEUE, "dead-letter");
        this.depths = MultiGauge.builder("carehub.queue.messages")
                .description(
                        "Messages waiting in a queue of the hub (kind: buffer, lifecycle, outbound, pool, dead-letter)")
                .register(registry);
        Gauge.builder("carehub.dead.letters", this, self -> self.deadLetters)
                .description("Messages parked in the dead-letter queues (R12, R45)")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        refresh();
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("carehub-queue-depths").daemon().factory());
            long period = properties.queueRefresh().toMillis();
            timer.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Reads every queue's depth now (tests; the timer calls it every queue-refresh). */
    void refresh() {
        try {
            Map<String, Long> counts = counts();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            double parked = 0;
            for (Map.Entry<String, Long> queue : counts.entrySet()) {
                String kind = kind(queue.getKey());
                rows.add(MultiGauge.Row.of(Tags.of("queue", queue.getKey(), "kind", kind), queue.getValue()));
                if (kind.equals("dead-letter")) {
                    parked += queue.getValue();
                }
            }
            depths.register(rows, true);
            deadLetters = parked;
            if (failing) {
                LOG.info("queue depths readable again");
                failing = false;
            }
        } catch (JMSException | RuntimeException e) {
            deadLetters = Double.NaN;
            if (!failing) {
                LOG.warn(
                        "queue depths unavailable ({}): carehub.queue.messages keeps its last values",
                        e.getClass().getSimpleName());
                failing = true;
            }
        }
    }

    private Map<String, Long> counts() throws JMSException {
        Set<String> queues = new LinkedHashSet<>(kinds.keySet());
        for (RoutingRules.Pool pool : rules.current().pools()) {
            queues.add("carehub.pool." + pool.id());
        }
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        return broker != null && broker.getActiveMQServer() != null
                ? embeddedCounts(broker.getActiveMQServer(), queues)
                : browsedCounts(queues);
    }

    /** The embedded broker's own counts, of the known queues and of every other carehub.* queue it has. */
    private static Map<String, Long> embeddedCounts(ActiveMQServer server, Set<String> known) {
        Set<String> queues = new LinkedHashSet<>(known);
        for (String name : server.getActiveMQServerControl().getQueueNames()) {
            if (name.startsWith("carehub.")) {
                queues.add(name);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : queues) {
            Queue queue = server.locateQueue(SimpleString.of(name));
            if (queue != null) {
                counts.put(name, queue.getMessageCount());
            }
        }
        return counts;
    }

    /** An external broker's queues, browsed (up to browse-limit messages each) with one connection. */
    private Map<String, Long> browsedCounts(Set<String> queues) throws JMSException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            for (String name : queues) {
                try (QueueBrowser browser = session.createBrowser(session.createQueue(name))) {
                    long count = 0;
                    Enumeration<?> messages = browser.getEnumeration();
                    while (count < properties.browseLimit() && messages.hasMoreElements()) {
                        messages.nextElement();
                        count++;
                    }
                    counts.put(name, count);
                }
            }
        }
        return counts;
    }

    private String kind(String queue) {
        String kind = kinds.get(queue);
        if (kind != null) {
            return kind;
        }
        if (queue.startsWith("carehub.pool.")) {
            return "pool";
        }
        return queue.endsWith("DLQ") ? "dead-letter" : "other";
    }
}
