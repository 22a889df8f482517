package io.carehub.buffer;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Default profile (R43): the embedded Artemis broker gets the same buffer semantics a production
 * broker is configured with (see the broker.xml used by docker-compose).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
class EmbeddedBrokerConfiguration {

    static final String OTHER_DEAD_LETTER_QUEUE = "carehub.DLQ";
    static final long OTHER_REDELIVERY_DELAY_MS = 1_000;
    static final long OTHER_MAX_REDELIVERY_DELAY_MS = 300_000;

    @Bean
    ArtemisConfigurationCustomizer bufferAddressSettings(BufferProperties buffer) {
        return configuration -> {
            // R12: never Artemis' default of dropping after 10 attempts: park in an explicit DLQ
            AddressSettings settings = new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(buffer.deadLetterQueue()))
                    .setMaxDeliveryAttempts(buffer.maxDeliveryAttempts())
                    .setRedeliveryDelay(buffer.redeliveryDelay().toMillis())
                    .setRedeliveryMultiplier(buffer.redeliveryMultiplier())
                    .setMaxRedeliveryDelay(buffer.maxRedeliveryDelay().toMillis())
                    .setAutoCreateDeadLetterResources(false)
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE);
            // every other carehub queue (lifecycle, outbound, pools) parks poison messages in carehub.DLQ; their
            // per-message listeners have no backoff of their own, so the broker delays redeliveries (1 s doubling to 5
            // min)
            configuration.addAddressSetting(
                    "carehub.#",
                    new AddressSettings(settings)
                            .setDeadLetterAddress(SimpleString.of(OTHER_DEAD_LETTER_QUEUE))
                            .setRedeliveryDelay(OTHER_REDELIVERY_DELAY_MS)
                            .setRedeliveryMultiplier(2.0)
                            .setMaxRedeliveryDelay(OTHER_MAX_REDELIVERY_DELAY_MS));
            // the broker shares the hub's heap, and the buffer is where a backlog builds (database outage, paused
            // consumer): beyond embedded-memory its updates are paged to disk (journalled like the messages, read
            // back in order) instead of taking up to half the heap (Artemis' global default). A cap on the buffer
            // address alone: a global one would page the pool queues too, where agent desktops may use selectors
            configuration.addAddressSetting(
                    buffer.queue(),
                    new AddressSettings(settings)
                            .setMaxSizeBytes(buffer.embeddedMemory().toBytes()));
            configuration.setIDCacheSize(buffer.duplicateIdCacheSize());
            // commits of concurrent webhook POSTs share one journal sync; a short window keeps latency low
            configuration.setJournalBufferTimeout_NIO(
                    (int) buffer.journalBufferTimeout().toNanos());
            configuration.setJournalBufferTimeout_AIO(
                    (int) buffer.journalBufferTimeout().toNanos());
            configuration.setPersistIDCache(true);
            if (!buffer.embeddedAcceptor().isBlank()) {
                try {
                    configuration.addAcceptorConfiguration("tcp", buffer.embeddedAcceptor());
                } catch (Exception e) {
                    throw new IllegalStateException("invalid carehub.buffer.embedded-acceptor", e);
                }
            }
        };
    }
}
