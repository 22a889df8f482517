package io.carehub.legitimation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * R15: the one OAuth2 client registration {@code customer-idp}: the company's customer login, read from its OpenID
 * Connect discovery document on first use (a customer login that is down does not stop the hub), or the local
 * stand-in of the default profile. The redirect URI is the page the customer came from plus
 * {@code /pages/login/oauth2/code/customer-idp}.
 */
@Component
class CustomerIdpRegistration implements ClientRegistrationRepository {

    static final String ID = "customer-idp";
    static final String CALLBACK_PATH = "/pages/login/oauth2/code/" + ID;

    private final LegitimationProperties.IdentityProvider idp;
    private final ObjectProvider<LocalIdentityProvider> standIn;
    private final Environment environment;
    private volatile ClientRegistration registration;

    CustomerIdpRegistration(
            LegitimationProperties properties, ObjectProvider<LocalIdentityProvider> standIn, Environment environment) {
        this.idp = properties.identityProvider();
        this.standIn = standIn;
        this.environment = environment;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return ID.equals(registrationId) ? registration() : null;
    }

    /** Whether a customer can sign in at all: an issuer is configured, or the local stand-in runs. */
    boolean configured() {
        return !idp.localStandIn() || standIn.getIfAvailable() != null;
    }

    /** The registration; the identity provider's discovery document is read once, on first use. */
    ClientRegistration registration() {
        ClientRegistration current = registration;
        if (current == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = idp.localStandIn() ? local() : discovered();
                }
                current = registration;
            }
        }
        return current;
    }

    private ClientRegistration discovered() {
        return ClientRegistrations.fromOidcIssuerLocation(idp.issuerUri())
                .registrationId(ID)
                .clientId(idp.clientId())
                .clientSecret(idp.clientSecret())
                .scope(idp.scopes())
                .redirectUri("{baseUrl}" + CALLBACK_PATH)
                .userNameAttributeName("sub")
                .build();
    }

    /** R43: the stand-in on this hub, reached on the loopback address (the redirect URI it accepts on any port). */
    private ClientRegistration local() {
        LocalIdentityProvider provider = standIn.getIfAvailable();
        if (provider == null) {
            throw new IllegalStateException("no identity provider for the legitimation: set "
                    + "carehub.legitimation.identity-provider.issuer-uri (or enable the local stand-in)");
        }
        String base = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        return ClientRegistration.withRegistrationId(ID)
                .clientId(LocalIdentityProvider.CLIENT_ID)
                .clientSecret(provider.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + CALLBACK_PATH)
                .scope(idp.scopes())
                .authorizationUri(base + LocalIdentityProvider.PATH + "/authorize")
                .tokenUri(base + LocalIdentityProvider.PATH + "/token")
                .jwkSetUri(base + LocalIdentityProvider.PATH + "/jwks")
                .issuerUri(base)
                .userNameAttributeName("sub")
                .clientName("LOCAL TEST IDENTITY PROVIDER")
                .build();
    }
}
