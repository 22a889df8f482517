package io.carehub.legitimation;

import io.carehub.pages.PagesSecurity;
import io.carehub.pages.ProblemPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.SecurityFilterChain;

/**
 * R15: the legitimation's pages and the OpenID Connect authorization-code flow with PKCE (Spring Security's OAuth2
 * client): the link page puts the link's id into the session and sends the customer to
 * {@value #AUTHORIZATION_BASE}/customer-idp, which redirects to the identity provider only for a session holding
 * a link; the provider sends the customer back to {@code /pages/login/oauth2/code/customer-idp}. The customer is
 * never signed in to the hub: the outcome is stored, the session ends, the browser goes to the outcome's page.
 */
@Configuration(proxyBeanMethods = false)
class LegitimationSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(LegitimationSecurity.class);

    static final String AUTHORIZATION_BASE = "/pages/oauth2/authorization";
    static final String LINK_ATTRIBUTE = "carehub.legitimation.link";

    @Bean
    @Order(7)
    SecurityFilterChain legitimationChain(
            HttpSecurity http, CustomerIdpRegistration registrations, LegitimationCompletion completion)
            throws Exception {
        OAuth2AuthorizedClientRepository clients = new HttpSessionOAuth2AuthorizedClientRepository();
        PagesSecurity.frame(http.securityMatcher(
                        "/l/**", AUTHORIZATION_BASE + "/**", "/pages/login/**", "/pages/legitimation/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .authorizedClientRepository(clients)
                        .loginPage(ProblemPage.LINK_UNKNOWN.path())
                        .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION_BASE)
                                .authorizationRequestResolver(withPkceForALink(registrations)))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri("/pages/login/oauth2/code/*"))
                        .successHandler((request, response, authentication) -> finish(
                                request,
                                response,
                                linkOf(request) == null
                                        ? LegitimationCompletion.Outcome.UNKNOWN
                                        : completion.signedIn(
                                                linkOf(request),
                                                ((OAuth2User) authentication.getPrincipal()).getAttributes(),
                                                accessToken(clients, authentication, request))))
                        .failureHandler((request, response, exception) ->
                                finish(request, response, completion.failed(linkOf(request), error(exception)))));
        return http.build();
    }

    /** R15: PKCE (S256) on every authorization request, and an authorization request only for a link's session. */
    private static OAuth2AuthorizationRequestResolver withPkceForALink(CustomerIdpRegistration registrations) {
        DefaultOAuth2AuthorizationRequestResolver pkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return linkOf(request) == null ? null : pkce.resolve(request);
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return linkOf(request) == null ? null : pkce.resolve(request, registrationId);
            }
        };
    }

    private static Long linkOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Long) session.getAttribute(LINK_ATTRIBUTE);
    }

    private static org.springframework.security.oauth2.core.OAuth2AccessToken accessToken(
            OAuth2AuthorizedClientRepository clients, Authentication authentication, HttpServletRequest request) {
        OAuth2AuthorizedClient client =
                clients.loadAuthorizedClient(CustomerIdpRegistration.ID, authentication, request);
        return client == null ? null : client.getAccessToken();
    }

    private static String error(AuthenticationException exception) {
        String error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : "server_error";
        LOG.info("sign-in at the identity provider failed: {}", error); // an OAuth2 error code, no personal data
        LOG.debug("sign-in failure", exception);
        return error;
    }

    /** The session (the link, the tokens) ends with the flow; the browser goes to the outcome's page. */
    private static void finish(
            HttpServletRequest request, HttpServletResponse response, LegitimationCompletion.Outcome outcome)
            throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + outcome.path());
    }
}
