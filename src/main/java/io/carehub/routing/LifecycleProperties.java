package io.carehub.routing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The conversation lifecycle queue ({@code carehub.lifecycle.*}; defaults in application.yml), between
 * documentation and the consent gate, chatbot and agent routing (routes/conversation-lifecycle.yaml).
 *
 * @param queue     the lifecycle queue (message group = conversation)
 * @param consumers its concurrent consumers
 */
@Validated
@ConfigurationProperties("carehub.lifecycle")
public record LifecycleProperties(
        @NotBlank String queue, @Min(1) int consumers) {}
