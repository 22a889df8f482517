package io.carehub.buffer;

import jakarta.jms.ConnectionFactory;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.springframework.stereotype.Component;

/**
 * Camel component {@code jms-batch:<queue>}: consumes a JMS queue in batches of up to {@code batchSize}
 * messages gathered within {@code batchWaitMs}, one local broker transaction per batch, on
 * {@code concurrentConsumers} threads (see {@link JmsBatchConsumer}).
 */
@Component("jms-batch")
public class JmsBatchComponent extends DefaultComponent {

    private final ConnectionFactory connectionFactory;

    public JmsBatchComponent(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JmsBatchConsumer.Settings settings = new JmsBatchConsumer.Settings(remaining,
                getAndRemoveParameter(parameters, "batchSize", Integer.class, 100),
                getAndRemoveParameter(parameters, "batchWaitMs", Long.class, 20L),
                getAndRemoveParameter(parameters, "concurrentConsumers", Integer.class, 1),
                getAndRemoveParameter(parameters, "rollbackBackoffMs", Long.class, 500L),
                getAndRemoveParameter(parameters, "maxRollbackBackoffMs", Long.class, 30_000L));
        if (settings.batchSize() < 1 || settings.concurrentConsumers() < 1 || settings.batchWaitMs() < 0
                || settings.rollbackBackoffMs() < 0 || settings.maxRollbackBackoffMs() < settings.rollbackBackoffMs()) {
            throw new IllegalArgumentException("jms-batch: batchSize and concurrentConsumers must be >= 1, batchWaitMs >= 0,"
                    + " 0 <= rollbackBackoffMs <= maxRollbackBackoffMs");
        }
        return new JmsBatchEndpoint(uri, this, connectionFactory, settings);
    }
}
