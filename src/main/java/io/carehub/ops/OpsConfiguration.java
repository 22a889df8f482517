package io.carehub.ops;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiProperties properties) {
        FilterRegistrationBean<ApiTokenFilter> registration =
                new FilterRegistrationBean<>(new ApiTokenFilter(properties.tokens()));
        registration.addUrlPatterns("/api/*", "/actuator/*", "/actuator");
        registration.setOrder(1);
        return registration;
    }
}
