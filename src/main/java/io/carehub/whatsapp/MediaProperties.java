package io.carehub.whatsapp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * R6 media download settings ({@code carehub.media.*}; defaults in application.yml).
 *
 * @param maxBytes     largest media file stored (kept in PostgreSQL encrypted, table attachment_chunk); larger → FAILED
 * @param maxAttempts  download attempts before an attachment is marked FAILED
 * @param firstBackoff delay after the first failed attempt; doubles per attempt up to maxBackoff
 * @param maxBackoff   ceiling of the retry delay
 * @param giveUpAfter  R6: no attempt is scheduled later than this after the message came (Meta keeps media 7 days):
 *                     the attachment is then FAILED (ops can re-drive it, R45)
 * @param batchSize    attachments claimed per sweep
 * @param timeout      HTTP timeout per Graph API request
 * @param pollInterval how often the route media-download looks for due attachments
 * @param allowedHosts hosts media is downloaded from, over HTTPS ("*.example.com" = its subdomains); any other
 *                     URL marks the attachment FAILED
 * @param plainHttpHosts hosts of allowedHosts also reached over plain HTTP (development and tests only)
 */
@Validated
@ConfigurationProperties("carehub.media")
public record MediaProperties(
        @NotNull DataSize maxBytes,
        @Min(1) int maxAttempts,
        @NotNull Duration firstBackoff,
        @NotNull Duration maxBackoff,
        @NotNull @DurationMax(days = 7) Duration giveUpAfter,
        @Min(1) int batchSize,
        @NotNull Duration timeout,
        @NotNull Duration pollInterval,
        @NotEmpty List<@NotBlank String> allowedHosts,
        @NotNull List<@NotBlank String> plainHttpHosts) {}
