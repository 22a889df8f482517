package io.carehub.ops;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduled jobs on several instances ({@code carehub.jobs.*}; defaults in application.yml).
 *
 * @param claimInterval R46: how often an instance tries to take over the jobs no live instance runs (a stopped
 *                      instance's jobs move to another one within this time, whatever the job's own period)
 */
@Validated
@ConfigurationProperties("carehub.jobs")
public record JobProperties(@NotNull Duration claimInterval) {}
