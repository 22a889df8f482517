package io.carehub.whatsapp;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound messages ({@code carehub.outbound.*}; defaults in application.yml).
 *
 * @param queue                  the outbound queue (message group = conversation: in order per customer)
 * @param consumers              concurrent senders
 * @param ratePerSecond          R8: Graph API throughput per business phone number (WhatsApp default 80, up to 1000)
 * @param rateGuard              slots are spread over 1 s plus this guard against network jitter
 * @param rateLease              R8: send slots an instance takes from the shared rate at once, as a duration (at
 *                               least one slot); every instance shares one rate per number, no per-instance setting
 * @param rateTrace              R8 measurement: every Graph API message request carries its send slot's and its
 *                               departure's wall-clock times as headers (the fault suite's stand-in reads them)
 * @param maxRetries             R8: retries of a retryable Graph API answer before the failure is recorded
 * @param firstBackoff           delay before the first retry; doubles per retry up to maxBackoff
 * @param maxBackoff             ceiling of the retry delay
 * @param requeueAfter           recovery: a message still 'queued' after this long is enqueued again
 * @param requeueCheck           how often the route outbound-requeue looks for such messages
 * @param windowFallbackTemplate R9: template sent instead of a free-form message outside the window (empty: error)
 * @param windowFallbackLanguage language code of the fallback template
 */
@Validated
@ConfigurationProperties("carehub.outbound")
public record OutboundProperties(
        @NotBlank String queue,
        @Min(1) int consumers,
        @Min(1) @Max(1000) int ratePerSecond,
        @NotNull Duration rateGuard,
        @NotNull Duration rateLease,
        boolean rateTrace,
        @Min(0) int maxRetries,
        @NotNull Duration firstBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration requeueAfter,
        @NotNull Duration requeueCheck,
        @NotNull String windowFallbackTemplate,
        @NotBlank String windowFallbackLanguage) {}
