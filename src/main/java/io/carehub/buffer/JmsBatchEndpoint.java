package io.carehub.buffer;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** Endpoint of {@link JmsBatchComponent}: a batch consumer, and a producer that sends a list in one transaction. */
final class JmsBatchEndpoint extends DefaultEndpoint {

    private final ConnectionFactory connectionFactory;
    private final JmsBatchConsumer.Settings settings;

    JmsBatchEndpoint(
            String uri,
            JmsBatchComponent component,
            ConnectionFactory connectionFactory,
            JmsBatchConsumer.Settings settings) {
        super(uri, component);
        this.connectionFactory = connectionFactory;
        this.settings = settings;
    }

    @Override
    public Producer createProducer() {
        return new JmsBatchProducer(this, connectionFactory, settings.queue());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        JmsBatchConsumer consumer = new JmsBatchConsumer(this, processor, connectionFactory, settings);
        configureConsumer(consumer);
        return consumer;
    }
}
