package io.carehub.whatsapp;

import org.apache.camel.component.servlet.CamelHttpTransportServlet;
import org.apache.camel.component.servlet.ServletComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * R2: the webhook's servlet, Camel's HTTP transport servlet on Spring Boot's Tomcat, and the {@code servlet}
 * component the webhook routes ({@code servlet:/whatsapp}) bind to by its name. Registered here because Maven
 * Central serves no camel-servlet-starter for Camel 4.22; the keys are the starter's, so the configuration reads
 * the same as Camel's documentation.
 */
@Configuration(proxyBeanMethods = false)
class WebhookServletConfiguration {

    @Bean
    ServletRegistrationBean<CamelHttpTransportServlet> webhookServlet(
            @Value("${camel.servlet.mapping.context-path}") String contextPath,
            @Value("${" + WebhookServletName.MAPPING_NAME + "}") String servletName) {
        ServletRegistrationBean<CamelHttpTransportServlet> registration =
                new ServletRegistrationBean<>(new CamelHttpTransportServlet(), contextPath);
        registration.setName(servletName);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean("servlet")
    ServletComponent servletComponent(@Value("${" + WebhookServletName.COMPONENT_NAME + "}") String servletName) {
        ServletComponent component = new ServletComponent();
        component.setServletName(servletName);
        return component;
    }
}
