package io.carehub.legitimation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R15: the legitimation ({@code carehub.legitimation.*}): one-time links, the customer's identity provider (OpenID
 * Connect, authorization code with PKCE), how its claims map to the customer's data, and the attempt limits.
 *
 * @param linkTtl               how long a link is valid
 * @param intents               dialog-platform intents after which the bot sends the link (empty = agents only)
 * @param identityProvider      the company's customer login
 * @param claims                names of the claims (ID token, userinfo) holding the customer's data
 * @param attempts              R15: link-page requests allowed per contact and per client address in a window
 * @param localIdentityProvider the labelled local stand-in of the default profile
 */
@Validated
@ConfigurationProperties("carehub.legitimation")
public record LegitimationProperties(
        @NotNull Duration linkTtl,
        List<String> intents,
        @Valid @NotNull IdentityProvider identityProvider,
        @Valid @NotNull Claims claims,
        @Valid @NotNull Attempts attempts,
        @Valid @NotNull LocalIdentityProvider localIdentityProvider) {

    public LegitimationProperties {
        intents = intents == null ? List.of() : List.copyOf(intents);
    }

    /**
     * @param issuerUri       OpenID Connect issuer (discovery at its /.well-known/openid-configuration); empty = the
     *                        local stand-in (default profile only)
     * @param clientId        the hub's client id at the identity provider
     * @param clientSecret    its secret; secret: CAREHUB_LEGITIMATION_IDENTITY_PROVIDER_CLIENT_SECRET
     * @param scopes          requested scopes ({@code openid} first)
     * @param customerDataUri optional REST endpoint answering the customer's data for the access token
     *                        (docs/legitimation.md); empty = the claims alone
     */
    public record IdentityProvider(
            String issuerUri,
            String clientId,
            String clientSecret,
            @NotEmpty List<String> scopes,
            String customerDataUri) {

        boolean localStandIn() {
            return issuerUri == null || issuerUri.isBlank();
        }
    }

    /**
     * @param salutation      claim with the salutation (Frau, Herr, ...)
     * @param givenName       claim with the given name
     * @param familyName      claim with the family name
     * @param name            claim with the full name (used when given and family name are missing)
     * @param customerNumber  claim with the customer number
     * @param contractNumbers claim with the contract numbers (a list, or one string)
     * @param segment         claim with the segment
     * @param businessValues  values of the segment claim meaning a business customer (case ignored); others: private
     * @param phoneNumber     claim with the customer's phone number, compared with the chat's WhatsApp number
     */
    public record Claims(
            @NotBlank String salutation,
            @NotBlank String givenName,
            @NotBlank String familyName,
            @NotBlank String name,
            @NotBlank String customerNumber,
            @NotBlank String contractNumbers,
            @NotBlank String segment,
            @NotEmpty List<String> businessValues,
            @NotBlank String phoneNumber) {}

    /**
     * @param perContact link-page requests per contact in a window
     * @param perAddress link-page requests per client address in a window (unknown links included)
     * @param window     the window
     */
    public record Attempts(
            @Positive int perContact,
            @Positive int perAddress,
            @NotNull Duration window) {}

    /** @param enabled true = the LOCAL TEST IDENTITY PROVIDER at /stand-in/idp (refused in the prod profile) */
    public record LocalIdentityProvider(boolean enabled) {}
}
