package io.carehub.dialog;

import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R43: the built-in stand-in platform is always available as "local"; the real platforms are configured. */
@Configuration(proxyBeanMethods = false)
class DialogConfiguration {

    @Bean
    LocalDialogBot localDialogBot() {
        return new LocalDialogBot();
    }

    /**
     * R23: the one circuit breaker configuration, named by every {@code circuitBreaker} of routes/dialog.yaml
     * ({@code configuration: dialogBreaker}); each route still has its own breaker state.
     */
    @Bean("dialogBreaker")
    Resilience4jConfigurationDefinition dialogBreaker(DialogProperties properties) {
        DialogProperties.Breaker breaker = properties.breaker();
        Resilience4jConfigurationDefinition definition = new Resilience4jConfigurationDefinition();
        definition.setFailureRateThreshold(Integer.toString(breaker.failureRateThreshold()));
        definition.setMinimumNumberOfCalls(Integer.toString(breaker.minimumCalls()));
        definition.setSlidingWindowSize(Integer.toString(breaker.windowSize()));
        definition.setWaitDurationInOpenState(Long.toString(breaker.openFor().toSeconds()));
        definition.setPermittedNumberOfCallsInHalfOpenState("1");
        // R42: after its open time the breaker shows HALF_OPEN by itself (health), not only once a call tries it
        definition.setAutomaticTransitionFromOpenToHalfOpenEnabled("true");
        return definition;
    }
}
