package io.carehub.ops;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R41: route reload without a restart ({@code carehub.routes-reload}; defaults in application.yml).
 *
 * @param enabled watch {@code carehub.routes-dir} and swap in a changed set of route files once the whole set is valid
 * @param check how often the files are compared with the loaded set (by content hash, which also works on mounted
 *     volumes where file events are unreliable)
 */
@Validated
@ConfigurationProperties("carehub.routes-reload")
public record RouteReloadProperties(
        @NotNull Boolean enabled, @NotNull Duration check) {}
