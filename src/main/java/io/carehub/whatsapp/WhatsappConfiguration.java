package io.carehub.whatsapp;

import io.carehub.ops.RouteReload;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WhatsappConfiguration {

    /**
     * R8: the backoff of Meta's retryable answers (route configuration graph-api-errors), built from the validated
     * {@code carehub.outbound.*} durations: a route placeholder would hand Camel "1s" where it needs milliseconds.
     */
    @Bean("graphApiRedelivery")
    RedeliveryPolicy graphApiRedelivery(OutboundProperties outbound) {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setMaximumRedeliveries(outbound.maxRetries());
        policy.setRedeliveryDelay(outbound.firstBackoff().toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(2);
        policy.setMaximumRedeliveryDelay(outbound.maxBackoff().toMillis());
        policy.setRetryAttemptedLogLevel(LoggingLevel.WARN);
        policy.setLogStackTrace(false);
        policy.setLogRetryStackTrace(false);
        policy.setLogExhaustedMessageBody(false);
        return policy;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<WebhookReadinessFilter> webhookReadinessFilter(
            ObjectProvider<CamelContext> camelContext, ObjectProvider<RouteReload> routeReload) {
        FilterRegistrationBean<WebhookReadinessFilter> registration =
                new FilterRegistrationBean<>(new WebhookReadinessFilter(camelContext, routeReload));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(-1); // before the body is read
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebhookBodyLimitFilter> webhookBodyLimitFilter(WhatsappProperties properties) {
        FilterRegistrationBean<WebhookBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new WebhookBodyLimitFilter(
                        properties.maxBodySize().toBytes(),
                        properties.maxConcurrentBodyReads(),
                        properties.bodyReadTimeout()));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(0);
        return registration;
    }
}
