package io.carehub.buffer;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * Camel component {@code jms-batch:queue:<queue>}. As a consumer it reads a JMS queue in batches of up to
 * {@code batchSize} messages gathered within {@code batchWait}, one local broker transaction per batch, on
 * {@code concurrentConsumers} threads (see {@link JmsBatchConsumer}). As a producer it sends a list of
 * {@link JmsBatchMessage}s in one broker transaction (see {@link JmsBatchProducer}). A message that fails alone
 * is set aside and retried {@code poisonAttempts} times in all, {@code poisonBackoff} apart (doubling), then parked
 * in {@code deadLetterQueue} (default: the queue's name + {@code .DLQ}; see {@link PoisonParking}). Times are
 * durations ({@code 20ms}, {@code 30s}).
 */
@Component("jms-batch")
public class JmsBatchComponent extends DefaultComponent {

    private static final String QUEUE_PREFIX = "queue:";

    private final ConnectionFactory connectionFactory;

    public JmsBatchComponent(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String queue = remaining.startsWith(QUEUE_PREFIX) ? remaining.substring(QUEUE_PREFIX.length()) : remaining;
        if (queue.isBlank()) {
            throw new IllegalArgumentException(
                    "jms-batch: a queue name is required, e.g. jms-batch:queue:carehub.buffer");
        }
        JmsBatchConsumer.Settings settings = new JmsBatchConsumer.Settings(
                queue,
                getAndRemoveParameter(parameters, "batchSize", Integer.class, 100),
                duration(parameters, "batchWait", "20ms"),
                getAndRemoveParameter(parameters, "concurrentConsumers", Integer.class, 1),
                duration(parameters, "rollbackBackoff", "500ms"),
                duration(parameters, "maxRollbackBackoff", "30s"),
                new PoisonParking.Settings(
                        getAndRemoveParameter(parameters, "deadLetterQueue", String.class, queue + ".DLQ"),
                        getAndRemoveParameter(parameters, "poisonAttempts", Integer.class, 5),
                        duration(parameters, "poisonBackoff", "1s")));
        if (settings.batchSize() < 1
                || settings.concurrentConsumers() < 1
                || settings.batchWaitMs() < 0
                || settings.rollbackBackoffMs() < 0
                || settings.maxRollbackBackoffMs() < settings.rollbackBackoffMs()
                || settings.poison().attempts() < 1
                || settings.poison().backoffMs() < 0
                || settings.poison().deadLetterQueue().isBlank()) {
            throw new IllegalArgumentException(
                    "jms-batch: batchSize, concurrentConsumers and poisonAttempts must be >= 1, batchWait >= 0,"
                            + " 0 <= rollbackBackoff <= maxRollbackBackoff, poisonBackoff >= 0, a deadLetterQueue");
        }
        return new JmsBatchEndpoint(uri, this, connectionFactory, settings);
    }

    private long duration(Map<String, Object> parameters, String name, String defaultValue) {
        String value = getAndRemoveParameter(parameters, name, String.class, defaultValue);
        Duration duration = DurationStyle.detectAndParse(value.trim());
        return duration.toMillis();
    }
}
