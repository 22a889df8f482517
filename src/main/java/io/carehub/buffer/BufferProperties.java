package io.carehub.buffer;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Failover buffer settings ({@code carehub.buffer.*}; defaults in application.yml).
 *
 * @param encryptionKey       R11: base64 of 32 random bytes (AES-256-GCM); secret. Or use keysetFile.
 * @param keysetFile          alternative to encryptionKey: a Tink JSON keyset file (allows key rotation)
 * @param groupKey            R13: key for the pseudonymous message-group id derived from the WhatsApp id; its own
 *                            secret, never the app secret
 * @param queue               the buffer queue
 * @param deadLetterQueue     R12: where messages go after maxDeliveryAttempts (inspect and re-drive)
 * @param consumers           concurrent consumers of the buffer queue (order kept per customer, R13)
 * @param batchSize           most updates one consumer documents in one database and broker transaction
 * @param batchWait           how long a consumer waits for a batch to fill before documenting what it has
 * @param maxDeliveryAttempts broker deliveries of one copy before the broker itself parks it in the dead-letter queue:
 *                            the backstop for a message that never completes (a crash on every delivery); at least
 *                            3 (a poison's failed delivery in a batch, alone, and the one that sets it aside)
 * @param poisonAttempts      R12/R45: attempts before a message that fails for a reason other than an outage is parked
 *                            in the dead-letter queue (with its origin, attempts and a content-free reason)
 * @param poisonBackoff       delay before a set-aside message's next attempt, doubling per attempt; meanwhile the
 *                            consumer goes on with the other customers
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
 * @param consumerEnabled     false = keep updates in the buffer without documenting them (maintenance)
 */
@Validated
@ConfigurationProperties("carehub.buffer")
public record BufferProperties(
        String encryptionKey,
        String keysetFile,
        String groupKey,
        @NotBlank String queue,
        @NotBlank String deadLetterQueue,
        @Min(1) int consumers,
        @Min(1) int batchSize,
        @NotNull Duration batchWait,
        @Min(3) int maxDeliveryAttempts,
        @Min(1) int poisonAttempts,
        @NotNull Duration poisonBackoff,
        @NotNull Duration redeliveryDelay,
        @DecimalMin("1.0") double redeliveryMultiplier,
        @NotNull Duration maxRedeliveryDelay,
        @Min(1) int duplicateIdCacheSize,
        @NotNull Duration journalBufferTimeout,
        @NotNull String embeddedAcceptor,
        @NotNull DataSize embeddedMemory,
        boolean consumerEnabled) {}
