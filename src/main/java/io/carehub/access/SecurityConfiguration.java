package io.carehub.access;

import static io.carehub.access.Role.AGENT;
import static io.carehub.access.Role.INTEGRATOR;
import static io.carehub.access.Role.OPS;
import static io.carehub.access.Role.PRIVACY_OFFICER;
import static io.carehub.access.Role.SUPERVISOR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * R47, PRODUCT.md §4: deny by default. Spring Security's firewall sees every request (it refuses {@code ;}
 * parameters, encoded slashes, {@code //}, {@code /./} and {@code ..}); every path needs a verified JWT with a role
 * that the matrix below grants, except the webhook (its own HMAC, R2), liveness/readiness and the default profile's
 * development surfaces. The matrix is documented in docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String PROBLEM_401 = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"a valid bearer access token is required\"}";
    static final String PROBLEM_403 = "{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"the access token's roles do not allow this request\"}";

    /**
     * R2: the webhook (and the default profile's Graph API stand-in, which only it calls) pass no authentication
     * filter, so the measured hot path stays as it was; the firewall still applies, it runs before any chain.
     */
    @Bean
    @Order(0)
    SecurityFilterChain webhookChain() {
        return new DefaultSecurityFilterChain(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/webhooks/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/stand-in/graph/**")));
    }

    /**
     * §4: Spring Security parses the request path before its firewall runs, and a {@code ;} parameter in the webhook
     * servlet's own prefix ({@code /webhooks;x/whatsapp}) made that parse fail with a 500. The firewall's rules run
     * first on the webhook's paths, so such a request gets the firewall's 400 like every other refusal.
     */
    @Bean
    FilterRegistrationBean<Filter> webhookFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        RequestRejectedHandler rejected = new HttpStatusRequestRejectedHandler();
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            try {
                firewall.getFirewalledRequest((HttpServletRequest) request);
            } catch (RequestRejectedException e) {
                rejected.handle((HttpServletRequest) request, (HttpServletResponse) response, e);
                return;
            }
            chain.doFilter(request, response);
        });
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            AccessProperties properties,
            ManagementPort managementPort,
            AccessLog accessLog,
            Callers callers)
            throws Exception {
        http.authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                            .permitAll();
                    requests.requestMatchers(
                                    GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                            .permitAll();
                    if (properties.publicApiDocs()) {
                        requests.requestMatchers(
                                        GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .permitAll();
                    } else {
                        requests.requestMatchers(
                                        GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .authenticated();
                    }
                    // R48: Prometheus scrapes Actuator's own, unpublished port without a token; elsewhere it needs ops
                    requests.requestMatchers(new AndRequestMatcher(
                                    managementPort,
                                    PathPatternRequestMatcher.withDefaults().matcher(GET, "/actuator/prometheus")))
                            .permitAll();
                    requests.requestMatchers("/actuator", "/actuator/**").hasRole(OPS.claimValue());
                    requests.requestMatchers(GET, "/api/pools/*/conversations").hasAnyRole(roles(AGENT, SUPERVISOR));
                    requests.requestMatchers(
                                    POST,
                                    "/api/conversations/*/claim",
                                    "/api/conversations/*/reply",
                                    "/api/conversations/*/template",
                                    "/api/conversations/*/close")
                            .hasRole(AGENT.claimValue());
                    requests.requestMatchers(POST, "/api/conversations/*/transfer")
                            .hasAnyRole(roles(AGENT, SUPERVISOR));
                    requests.requestMatchers(GET, "/api/conversations").hasAnyRole(roles(SUPERVISOR, PRIVACY_OFFICER));
                    requests.requestMatchers(GET, "/api/conversations/*/messages", "/api/attachments/*/content")
                            .hasAnyRole(roles(AGENT, SUPERVISOR, PRIVACY_OFFICER));
                    requests.requestMatchers(GET, "/api/privacy/transcripts/export")
                            .hasAnyRole(roles(PRIVACY_OFFICER, INTEGRATOR));
                    requests.requestMatchers(POST, "/api/privacy/analyze")
                            .hasAnyRole(roles(OPS, PRIVACY_OFFICER, INTEGRATOR));
                    requests.requestMatchers(GET, "/api/access-log").hasRole(PRIVACY_OFFICER.claimValue());
                    // R33/R49: erasure requests and their status
                    requests.requestMatchers(POST, "/api/privacy/erasures").hasRole(PRIVACY_OFFICER.claimValue());
                    requests.requestMatchers(GET, "/api/privacy/erasures", "/api/privacy/erasures/*")
                            .hasRole(PRIVACY_OFFICER.claimValue());
                    // R31/R36: the conversation's agent or a supervisor marks it; only the privacy officer reads the
                    // archive
                    requests.requestMatchers(POST, "/api/conversations/*/contract-relevant")
                            .hasAnyRole(roles(AGENT, SUPERVISOR));
                    requests.requestMatchers(GET, "/api/archive/conversations", "/api/archive/conversations/*/messages")
                            .hasRole(PRIVACY_OFFICER.claimValue());
                    requests.requestMatchers(POST, "/api/privacy/access-requests")
                            .hasRole(PRIVACY_OFFICER.claimValue());
                    requests.requestMatchers(GET, "/api/privacy/access-requests/*")
                            .hasRole(PRIVACY_OFFICER.claimValue());
                    // R27/R19: the customer behind an ids-only pool hand-off, for its pool's agents and supervisors
                    requests.requestMatchers(GET, "/api/conversations/*/customer")
                            .hasAnyRole(roles(AGENT, SUPERVISOR));
                    // R41: the loaded route files, their version and the last rejection
                    requests.requestMatchers(GET, "/api/ops/routes").hasRole(OPS.claimValue());
                    // R16/R51: the assigned agent offers an upload link and reveals masked sensitive data
                    requests.requestMatchers(
                                    POST, "/api/conversations/*/upload-link", "/api/conversations/*/messages/*/reveal")
                            .hasRole(AGENT.claimValue());
                    // R40/R45 (i18-redrive): the ops API's dead letters, media downloads, troubleshooting, billing
                    requests.requestMatchers(
                                    GET,
                                    "/api/ops/parked",
                                    "/api/ops/media-downloads",
                                    "/api/ops/messages",
                                    "/api/ops/outbound-failures",
                                    "/api/ops/rejected-updates",
                                    "/api/ops/billing")
                            .hasRole(OPS.claimValue());
                    requests.requestMatchers(
                                    POST,
                                    "/api/ops/parked/redrive",
                                    "/api/ops/parked/*/redrive",
                                    "/api/ops/media-downloads/redrive",
                                    "/api/ops/media-downloads/*/redrive")
                            .hasRole(OPS.claimValue());
                    requests.requestMatchers(DELETE, "/api/ops/parked", "/api/ops/parked/*")
                            .hasRole(OPS.claimValue());
                    // R15: the conversation's agent sends the customer a one-time legitimation link
                    requests.requestMatchers(POST, "/api/conversations/*/legitimation-link")
                            .hasRole(AGENT.claimValue());
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(converter(properties)))
                        .authenticationEntryPoint((request, response, e) -> problem(response, 401, PROBLEM_401)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, e) -> problem(response, 401, PROBLEM_401))
                        .accessDeniedHandler((request, response, e) -> problem(response, 403, PROBLEM_403)))
                // R47: ops' reads of the management endpoints are in the access log, on either port
                .addFilterAfter(new ManagementReadLog(accessLog, callers), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens only, no cookies: nothing for a cross-site request to ride on
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Roles from {@code carehub.security.roles-claim}, the user's id from {@code agent-id-claim}. */
    static JwtAuthenticationConverter converter(AccessProperties properties) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(properties.agentIdClaim());
        return converter;
    }

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::claimValue).toArray(String[]::new);
    }

    private static void problem(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"carehub\"");
        }
        response.setContentType("application/problem+json");
        response.getWriter().write(body);
    }
}
