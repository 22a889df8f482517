package io.carehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * R42: per-route rate, latency and errors ({@code camel_exchanges_*}, {@code camel_route_policy_*}) in Spring's meter
 * registry, so {@code /actuator/prometheus} shows them. Wired here because Maven Central serves no
 * camel-micrometer-starter for Camel 4.22. Only the route policy: the per-exchange event notifier searches the whole
 * registry on every exchange (measurable in the webhook's CPU profile).
 */
@Configuration(proxyBeanMethods = false)
class CamelMetrics {

    @Bean
    CamelContextConfiguration camelRouteMetrics(MeterRegistry registry) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                MicrometerRoutePolicyFactory routeMetrics = new MicrometerRoutePolicyFactory();
                routeMetrics.setMeterRegistry(registry);
                camel.addRoutePolicyFactory(routeMetrics);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {}
        };
    }
}
