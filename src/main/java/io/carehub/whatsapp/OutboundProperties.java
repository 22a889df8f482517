package io.carehub.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound messages ({@code carehub.outbound.*}).
 *
 * @param queue                     the outbound queue (message group = conversation: in order per customer)
 * @param consumers                 concurrent senders
 * @param ratePerSecond             R8: Graph API throughput per business phone number (WhatsApp default 80, up to 1000)
 * @param rateGuardMs               slots are spread over 1 s plus this guard against network jitter
 * @param instances                 hub instances sending for the same numbers; each uses ratePerSecond / instances
 * @param requeueAfterMs            recovery: a message still 'queued' after this long is enqueued again
 * @param windowFallbackTemplate    R9: template sent instead of a free-form message outside the window (empty: error)
 * @param windowFallbackLanguage    language code of the fallback template
 */
@Validated
@ConfigurationProperties("carehub.outbound")
public record OutboundProperties(
        @DefaultValue("carehub.outbound") String queue,
        @DefaultValue("4") int consumers,
        @DefaultValue("80") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(1000) int ratePerSecond,
        @DefaultValue("100") @jakarta.validation.constraints.Min(0) int rateGuardMs,
        @DefaultValue("1") @jakarta.validation.constraints.Min(1) int instances,
        @DefaultValue("60000") long requeueAfterMs,
        @DefaultValue("") String windowFallbackTemplate,
        @DefaultValue("de") String windowFallbackLanguage) {
}
