package io.carehub.whatsapp;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * WhatsApp Cloud API settings ({@code carehub.whatsapp.*}; defaults in application.yml).
 *
 * @param appSecret    app secret that signs webhook bodies (R2); secret
 * @param verifyToken  token Meta echoes in the GET handshake (R1); secret
 * @param accessToken  bearer token for the Graph API (media download, outbound); secret
 * @param graphBaseUrl Graph API base URL, e.g. https://graph.facebook.com
 * @param graphVersion Graph API version path segment, e.g. v23.0
 * @param maxBodySize  largest webhook body accepted (R2: 3 MB, larger → 413)
 * @param maxConcurrentBodyReads webhook bodies read at once (they are unsigned until read); more → 503
 * @param bodyReadTimeout a webhook body not received completely within this → 408
 * @param standIn      R43: send outbound messages to the hub's built-in local Graph API stand-in
 *                     (set automatically on embedded defaults without an access token)
 */
@Validated
@ConfigurationProperties("carehub.whatsapp")
public record WhatsappProperties(
        String appSecret,
        String verifyToken,
        String accessToken,
        @NotBlank String graphBaseUrl,
        @NotBlank String graphVersion,
        @NotNull DataSize maxBodySize,
        @Min(1) int maxConcurrentBodyReads,
        @NotNull Duration bodyReadTimeout,
        boolean standIn) {}
