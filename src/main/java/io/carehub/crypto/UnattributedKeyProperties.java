package io.carehub.crypto;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R19/R30 keys of data that belongs to no contact ({@code carehub.crypto.unattributed.*}; defaults in
 * application.yml).
 *
 * @param keep  a month's key is destroyed once the whole month is older than this (after the data's own retention)
 * @param check how often the route unattributed-key-expiry looks for such keys
 */
@Validated
@ConfigurationProperties("carehub.crypto.unattributed")
public record UnattributedKeyProperties(
        @NotNull Duration keep, @NotNull Duration check) {}
