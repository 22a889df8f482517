package io.carehub.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * R15/R16, R47: the customer pages are public (a one-time link is the customer's only credential) but framed:
 * CSRF tokens on every form, and security headers on every answer — a CSP that allows only the hub's own assets (no
 * inline script, no CDN) and no framing, no Referer (a link's token is in its URL), no MIME sniffing, HSTS on HTTPS.
 * Nobody stays signed in to the hub: the security context lives for one request.
 */
@Configuration(proxyBeanMethods = false)
public class PagesSecurity {

    /** default-src 'self' covers scripts, styles, images, fonts and connections; the rest is closed. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    /** Every customer page not claimed by a feature's own chain (which applies {@link #frame} too). */
    @Bean
    @Order(8)
    SecurityFilterChain pagesChain(HttpSecurity http) throws Exception {
        frame(http.securityMatcher(CustomerPages.PATHS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /** The frame's security for a chain of customer pages. */
    public static HttpSecurity frame(HttpSecurity http) throws Exception {
        return headers(http)
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }

    /** The frame's security headers alone (the local identity stand-in's pages keep their own session login). */
    public static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http.headers(
                headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .contentTypeOptions(nosniff -> {})
                        // written on HTTPS requests only: the prod profile serves nothing else (R48)
                        .httpStrictTransportSecurity(
                                hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
    }
}
