package io.carehub.access;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * R43/R47: LOCAL TOKEN ISSUER for the two-command start: Spring Authorization Server hands out access tokens for a
 * few development users, one per role, by the client-credentials grant at {@code /oauth2/token}; the hub verifies
 * them with the issuer's in-memory key. Development only: the prod profile refuses to start with it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "carehub.security.local-issuer.enabled", havingValue = "true")
class LocalTokenIssuer {

    /** The development users (client ids) and their role; the development agent serves every pool. */
    static final Map<String, Role> USERS = users();

    private static final Logger LOG = LoggerFactory.getLogger(LocalTokenIssuer.class);

    private final AccessProperties properties;

    LocalTokenIssuer(AccessProperties properties, Environment environment) {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("carehub.security.local-issuer.enabled is true in the prod profile: the "
                    + "local token issuer is for development only; configure the identity provider "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri and jwk-set-uri) instead");
        }
        if (properties.localIssuer().clientSecret() == null
                || properties.localIssuer().clientSecret().isBlank()) {
            throw new IllegalStateException("carehub.security.local-issuer.client-secret is empty");
        }
        this.properties = properties;
        LOG.warn(
                "LOCAL TOKEN ISSUER: this hub issues development access tokens for {} at /oauth2/token "
                        + "(client secret: carehub.security.local-issuer.client-secret) - never in production",
                USERS.keySet());
    }

    @Bean
    @Order(5)
    SecurityFilterChain localIssuerChain(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    RegisteredClientRepository localIssuerClients() {
        // stored hashed (salted: the issuer refuses two clients with the same stored secret)
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<RegisteredClient> clients = USERS.keySet().stream()
                .map(id -> RegisteredClient.withId(id)
                        .clientId(id)
                        .clientSecret(encoder.encode(properties.localIssuer().clientSecret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        // a working day: the README's walkthrough takes longer than the default 5 minutes
                        .tokenSettings(TokenSettings.builder()
                                .accessTokenTimeToLive(Duration.ofHours(8))
                                .build())
                        .build())
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** A fresh signing key per start: development tokens die with the process. */
    @Bean
    JWKSource<SecurityContext> localIssuerKeys() throws Exception {
        RSAKey key =
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder localIssuerDecoder(JWKSource<SecurityContext> localIssuerKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(localIssuerKeys);
    }

    @Bean
    AuthorizationServerSettings localIssuerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** The development user's role (and for the agent every pool) in the claims the resource server reads. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> localIssuerClaims() {
        return context -> {
            Role role = USERS.get(context.getRegisteredClient().getClientId());
            if (role == null || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().claim(properties.rolesClaim(), List.of(role.claimValue()));
            if (role == Role.AGENT) {
                context.getClaims().claim(properties.poolsClaim(), List.of("*"));
            }
        };
    }

    private static Map<String, Role> users() {
        Map<String, Role> users = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            users.put("dev-" + role.claimValue(), role);
        }
        return Map.copyOf(users);
    }
}
