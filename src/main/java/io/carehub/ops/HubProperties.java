package io.carehub.ops;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own directories ({@code carehub.data-dir}, {@code carehub.routes-dir}; defaults in application.yml).
 *
 * @param dataDir   where the embedded broker journal, the embedded PostgreSQL and dev secrets live (default profile)
 * @param routesDir directory holding routes/*.yaml, loaded from the file system (R41)
 */
@Validated
@ConfigurationProperties("carehub")
public record HubProperties(
        @NotBlank String dataDir, @NotBlank String routesDir) {}
