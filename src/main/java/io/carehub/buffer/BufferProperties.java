package io.carehub.buffer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Failover buffer settings ({@code carehub.buffer.*}).
 *
 * @param encryptionKey       R11: base64 of 32 random bytes (AES-256-GCM); secret. Or use keysetFile.
 * @param keysetFile          alternative to encryptionKey: a Tink JSON keyset file (allows key rotation)
 * @param groupKey            key for the pseudonymous message-group id derived from the WhatsApp id
 * @param queue               the buffer queue
 * @param deadLetterQueue     R12: where messages go after maxDeliveryAttempts (inspect and re-drive)
 * @param consumers           concurrent consumers of the buffer queue (order kept per customer, R13)
 * @param batchSize           most updates one consumer documents in one database and broker transaction
 * @param batchWaitMs         how long a consumer waits for a batch to fill before documenting what it has
 * @param maxDeliveryAttempts broker deliveries before a message is parked in the dead-letter queue
 * @param redeliveryDelay     first broker redelivery delay (0: at once, which keeps each customer's order); multiplied
 *                            by redeliveryMultiplier up to maxRedeliveryDelay
 * @param redeliveryMultiplier backoff factor between broker redeliveries
 * @param maxRedeliveryDelay  ceiling of the broker redelivery delay
 * @param duplicateIdCacheSize R5: how many recent duplicate-detection ids the broker remembers
 * @param journalBufferTimeout default profile only: how long the embedded broker's journal gathers
 *                            writes before one sync (shared by concurrent commits)
 * @param embeddedAcceptor    default profile only: extra TCP acceptor of the embedded broker (empty: in-VM only)
 * @param embeddedMemory      default profile only: how much of the hub's heap the embedded broker keeps buffered updates
 *                            in; a larger backlog is paged to disk (data-dir/artemis/paging) and read back in order
 */
@ConfigurationProperties("carehub.buffer")
public record BufferProperties(
        String encryptionKey,
        String keysetFile,
        String groupKey,
        @DefaultValue("carehub.buffer") String queue,
        @DefaultValue("carehub.buffer.DLQ") String deadLetterQueue,
        @DefaultValue("8") int consumers,
        @DefaultValue("100") int batchSize,
        @DefaultValue("20") long batchWaitMs,
        @DefaultValue("20") int maxDeliveryAttempts,
        @DefaultValue("0s") Duration redeliveryDelay,
        @DefaultValue("2.0") double redeliveryMultiplier,
        @DefaultValue("5m") Duration maxRedeliveryDelay,
        @DefaultValue("200000") int duplicateIdCacheSize,
        @DefaultValue("500us") java.time.Duration journalBufferTimeout,
        @DefaultValue("") String embeddedAcceptor,
        @DefaultValue("64MB") DataSize embeddedMemory) {
}
