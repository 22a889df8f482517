package io.carehub;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * WireMock playing the company's identity provider (R47), one server for the whole test run: it serves its JWK Set
 * (the documented {@code {"keys":[...]}} shape) at {@link #JWKS_PATH}; the tests sign access tokens with its key.
 * {@link GraphApiStub}, every hub test's initializer, points the hub's resource server at it.
 */
public final class IdentityProvider {

    public static final String JWKS_PATH = "/idp/protocol/openid-connect/certs";

    static final WireMockServer SERVER =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final RSAKey KEY;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("test-idp-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        SERVER.start();
        SERVER.stubFor(get(JWKS_PATH).willReturn(okJson(new JWKSet(KEY.toPublicJWK()).toString())));
    }

    private IdentityProvider() {}

    public static String issuer() {
        return SERVER.baseUrl() + "/idp";
    }

    /** The resource-server properties of a hub that trusts this identity provider (and issues no tokens itself). */
    public static Map<String, Object> hubProperties() {
        return Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                SERVER.baseUrl() + JWKS_PATH,
                "carehub.security.local-issuer.enabled",
                "false");
    }

    /** An agent serving every pool. */
    public static String agent(String agentId) {
        return agentOf(agentId, "*");
    }

    /** An agent serving only {@code pools}. */
    public static String agentOf(String agentId, String... pools) {
        return token(agentId, List.of("agent"), List.of(pools));
    }

    public static String supervisor() {
        return token("sup-1", List.of("supervisor"), null);
    }

    public static String ops() {
        return token("ops-1", List.of("ops"), null);
    }

    public static String privacyOfficer() {
        return token("dpo-1", List.of("privacy-officer"), null);
    }

    public static String integrator() {
        return token("client-analytics", List.of("integrator"), null);
    }

    /** A token of this identity provider: {@code sub}, the roles claim and, when not null, the pools claim. */
    public static String token(String subject, List<String> roles, List<String> pools) {
        return sign(KEY, issuer(), subject, roles, pools);
    }

    /** A token as above, signed with {@code key} and naming {@code issuer} (for the refusal tests). */
    public static String sign(RSAKey key, String issuer, String subject, List<String> roles, List<String> pools) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("roles", roles);
        if (pools != null) {
            claims.claim("pools", pools);
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
