package io.carehub.documentation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL of the default profile ({@code carehub.postgres.*}; defaults in application.yml).
 *
 * @param port     port on localhost; 0 = random
 * @param password password of its superuser postgres; secret (generated for development, kept under the data dir;
 *                 unused in prod)
 */
@Validated
@ConfigurationProperties("carehub.postgres")
public record PostgresProperties(@Min(0) @Max(65535) int port, String password) {}
