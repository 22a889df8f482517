package io.carehub.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The benchmark's naive baseline route ({@code /bench/baseline}) takes unauthenticated POSTs like the webhook does, so
 * both pass the same security: the firewall and no authentication filter. A source of the benchmark's hub only (no
 * {@code @Configuration}, so no test context scans it).
 */
class BaselineAccess {

    @Bean
    @Order(1)
    SecurityFilterChain benchmarkBaselineChain() {
        return new DefaultSecurityFilterChain(
                PathPatternRequestMatcher.withDefaults().matcher("/bench/**"));
    }
}
