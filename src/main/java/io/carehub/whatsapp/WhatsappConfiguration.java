package io.carehub.whatsapp;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WhatsappConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<WebhookReadinessFilter> webhookReadinessFilter(ObjectProvider<CamelContext> camelContext) {
        FilterRegistrationBean<WebhookReadinessFilter> registration =
                new FilterRegistrationBean<>(new WebhookReadinessFilter(camelContext));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(-1); // before the body is read
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebhookBodyLimitFilter> webhookBodyLimitFilter(WhatsappProperties properties) {
        FilterRegistrationBean<WebhookBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new WebhookBodyLimitFilter(properties.maxBodySize().toBytes()));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(0);
        return registration;
    }
}
