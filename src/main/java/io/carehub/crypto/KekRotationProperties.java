package io.carehub.crypto;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R19 KEK rotation ({@code carehub.crypto.rotation.*}; defaults in application.yml).
 *
 * @param check     how often the route kek-rotation looks for data keys wrapped by a non-primary KEK
 * @param batchSize how many data keys one transaction re-wraps
 */
@Validated
@ConfigurationProperties("carehub.crypto.rotation")
public record KekRotationProperties(
        @NotNull Duration check, @Min(1) int batchSize) {}
