package io.carehub.legitimation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.carehub.pages.PagesProperties;
import io.carehub.pages.PagesSecurity;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * R15/R43: the LOCAL TEST IDENTITY PROVIDER of the default profile, so that the legitimation works offline: Spring
 * Authorization Server as an OpenID Connect provider under {@value #PATH}, with form login for the test customers of
 * {@link LocalCustomers} (their claims go into the ID token). It is an authorization server of its own, beside the
 * local token issuer: its client, keys, settings and token generator are set on its own filter chain, none is a
 * bean. The prod profile refuses to start with it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "carehub.legitimation.local-identity-provider.enabled", havingValue = "true")
public class LocalIdentityProvider {

    static final String PATH = "/stand-in/idp";
    static final String CLIENT_ID = "carehub-customer-login";

    private static final Logger LOG = LoggerFactory.getLogger(LocalIdentityProvider.class);

    private final String clientSecret;
    private final LocalCustomers customers = new LocalCustomers();
    private final PagesProperties pages;
    private final LegitimationProperties properties;

    LocalIdentityProvider(Environment environment, PagesProperties pages, LegitimationProperties properties) {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("carehub.legitimation.local-identity-provider.enabled is true in the prod "
                    + "profile: the local test identity provider is for development only; configure the customers' "
                    + "identity provider (carehub.legitimation.identity-provider.issuer-uri) instead");
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        this.pages = pages;
        this.properties = properties;
        LOG.warn(
                "LOCAL TEST IDENTITY PROVIDER: customers sign in at {} with the test customers {} - never in "
                        + "production",
                PATH + "/login",
                customers.builtIn());
    }

    /** The test customers; tests add their own. */
    @Bean
    LocalCustomers localCustomers() {
        return customers;
    }

    String clientSecret() {
        return clientSecret;
    }

    @Bean
    @Order(6)
    SecurityFilterChain localIdentityProviderChain(HttpSecurity http) throws Exception {
        JWKSource<SecurityContext> keys = keys();
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        http.setSharedObject(RegisteredClientRepository.class, new InMemoryRegisteredClientRepository(client(encoder)));
        http.setSharedObject(AuthorizationServerSettings.class, settings());
        http.setSharedObject(JWKSource.class, keys);
        http.setSharedObject(OAuth2TokenGenerator.class, tokens(keys));
        http.setSharedObject(OAuth2AuthorizationService.class, new InMemoryOAuth2AuthorizationService());
        http.setSharedObject(OAuth2AuthorizationConsentService.class, new InMemoryOAuth2AuthorizationConsentService());
        PagesSecurity.headers(http.securityMatcher(PATH + "/**"))
                .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(PATH + "/login", PATH + "/cancel")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage(PATH + "/login")
                        .loginProcessingUrl(PATH + "/login")
                        .failureUrl(PATH + "/login?error"))
                // beside the authorization server's own providers (client authentication, code, token)
                .authenticationProvider(customerLogin(encoder))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(PATH + "/login"),
                        PathPatternRequestMatcher.withDefaults().matcher(PATH + "/authorize")));
        return http.build();
    }

    /** Whether the stand-in may send a customer back to {@code redirectUri} (its client's callback on this hub). */
    boolean allowedRedirect(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return CustomerIdpRegistration.CALLBACK_PATH.equals(uri.getPath())
                && uri.getQuery() == null
                && ("127.0.0.1".equals(uri.getHost())
                        || (pages.baseUrl().getHost().equals(uri.getHost())
                                && pages.baseUrl().getPort() == uri.getPort()));
    }

    /** R15: the hub's client: authorization code with PKCE required, its callback on this hub. */
    private RegisteredClient client(PasswordEncoder encoder) {
        RegisteredClient.Builder client = RegisteredClient.withId(CLIENT_ID)
                .clientId(CLIENT_ID)
                .clientSecret(encoder.encode(clientSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // a loopback IP redirect matches on any port (RFC 8252): the hub's own, whichever it is
                .redirectUri("http://127.0.0.1" + CustomerIdpRegistration.CALLBACK_PATH)
                .redirectUri(pages.link(CustomerIdpRegistration.CALLBACK_PATH))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build());
        properties.identityProvider().scopes().forEach(client::scope);
        return client.build();
    }

    private static AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder()
                .authorizationEndpoint(PATH + "/authorize")
                .tokenEndpoint(PATH + "/token")
                .jwkSetEndpoint(PATH + "/jwks")
                .oidcUserInfoEndpoint(PATH + "/userinfo")
                .oidcLogoutEndpoint(PATH + "/logout")
                .tokenRevocationEndpoint(PATH + "/revoke")
                .tokenIntrospectionEndpoint(PATH + "/introspect")
                .build();
    }

    /** The ID token carries the test customer's claims, as the company's identity provider would. */
    private OAuth2TokenGenerator<?> tokens(JWKSource<SecurityContext> keys) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwt.setJwtCustomizer(context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                customers
                        .claims(context.getPrincipal().getName())
                        .ifPresent(claims -> context.getClaims().claims(all -> all.putAll(claims)));
            }
        });
        return new DelegatingOAuth2TokenGenerator(
                jwt, new OAuth2AccessTokenGenerator(), new OAuth2RefreshTokenGenerator());
    }

    private DaoAuthenticationProvider customerLogin(PasswordEncoder encoder) {
        String password = encoder.encode(LocalCustomers.PASSWORD);
        UserDetailsService users = username -> customers
                .claims(username)
                .map(claims -> User.withUsername(username)
                        .password(password)
                        .roles("CUSTOMER")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such test customer"));
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    /** A fresh signing key per start: the stand-in's tokens die with the process. */
    private static JWKSource<SecurityContext> keys() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
