package io.carehub.ops;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Transport encryption ({@code carehub.transport}; default in application.yml), R48.
 *
 * @param requireTls in the prod profile, refuse to start unless the database (sslmode=verify-full), the broker
 *                   (sslEnabled, host verified) and the HTTP and management ports use TLS ({@link ProdTransportPolicy})
 */
@Validated
@ConfigurationProperties("carehub.transport")
public record TransportProperties(@NotNull Boolean requireTls) {}
