package io.carehub.routing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Agent routing ({@code carehub.routing.*}; defaults in application.yml).
 *
 * @param rulesFile     R21 rules file (YAML, hot-reloaded, validated); empty = the built-in routing-rules.yaml
 * @param reloadCheck   how often the route routing-rules-reload checks the file for changes
 * @param overflowCheck how often the route routing-overflow checks waiting conversations
 * @param handOffTtl    R19/R22: how long a hand-off waits in its pool queue before the broker drops it (it names a
 *                      customer; the desktop lists waiting conversations through the agent API as well)
 */
@Validated
@ConfigurationProperties("carehub.routing")
public record RoutingProperties(
        @NotNull String rulesFile,
        @NotNull Duration reloadCheck,
        @NotNull Duration overflowCheck,
        @NotNull Duration handOffTtl) {}
