package io.carehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R42: the webhook latency timer wraps every other webhook filter, so a 503 or 413 is timed too. */
@Configuration(proxyBeanMethods = false)
class OpsMetricsConfiguration {

    @Bean
    FilterRegistrationBean<WebhookLatency> webhookLatency(MeterRegistry registry) {
        FilterRegistrationBean<WebhookLatency> registration =
                new FilterRegistrationBean<>(new WebhookLatency(registry));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(-2); // before the readiness (-1) and body-limit (0) filters
        return registration;
    }
}
