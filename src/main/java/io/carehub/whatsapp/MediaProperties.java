package io.carehub.whatsapp;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * R6 media download settings ({@code carehub.media.*}).
 *
 * @param maxBytes     largest media file stored (bytes kept in PostgreSQL, table attachment); larger → FAILED
 * @param maxAttempts  download attempts before an attachment is marked FAILED
 * @param firstBackoff delay after the first failed attempt; doubles per attempt up to maxBackoff
 * @param maxBackoff   ceiling of the retry delay (media ids stay valid 7 days)
 * @param batchSize    attachments claimed per poll
 * @param timeout      HTTP timeout per Graph API request
 */
@ConfigurationProperties("carehub.media")
public record MediaProperties(
        @DefaultValue("100MB") DataSize maxBytes,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("8") int batchSize,
        @DefaultValue("30s") Duration timeout) {
}
