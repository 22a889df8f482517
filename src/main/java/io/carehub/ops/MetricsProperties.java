package io.carehub.ops;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R42 metrics that the hub gathers itself ({@code carehub.metrics}; defaults in application.yml).
 *
 * @param queueRefresh how often the broker's queue depths are read for {@code carehub.queue.messages}
 * @param browseLimit an external broker's queues are counted by browsing (the hub's role does not manage the broker):
 *     at most this many messages per queue, so a larger backlog shows as this number
 */
@Validated
@ConfigurationProperties("carehub.metrics")
public record MetricsProperties(
        @NotNull Duration queueRefresh, @Min(1) int browseLimit) {}
