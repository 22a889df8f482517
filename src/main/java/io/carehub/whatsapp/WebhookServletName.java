package io.carehub.whatsapp;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Camel's servlet registry is static per servlet name, so two hubs in one JVM (the tests' cached
 * application contexts, the benchmark) would share their webhook routes. Each application context
 * gets its own name for the webhook servlet and the routes that use it, unless one is configured.
 */
public class WebhookServletName implements EnvironmentPostProcessor {

    static final String MAPPING_NAME = "camel.servlet.mapping.servlet-name";
    static final String COMPONENT_NAME = "camel.component.servlet.servlet-name";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(MAPPING_NAME) || environment.containsProperty(COMPONENT_NAME)) {
            return;
        }
        String name = "CarehubWebhookServlet-" + CONTEXTS.incrementAndGet();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "carehubWebhookServletName", Map.of(MAPPING_NAME, name, COMPONENT_NAME, name)));
    }
}
