package io.carehub.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R47: identities and roles ({@code carehub.security.*}). The issuer and JWKS of the company's identity provider
 * are Spring's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code jwk-set-uri}.
 *
 * @param rolesClaim     top-level claim with the caller's roles (agent, supervisor, ops, privacy-officer, integrator)
 * @param agentIdClaim   claim that names the user (the agent id in every action)
 * @param poolsClaim     claim with an agent's pools; without it the pools come from {@code agents}
 * @param agents         known agents by id and their pools (when the token has no pools claim; {@code *} = all);
 *                       a transfer's target agent must be listed here or have acted before
 * @param publicApiDocs  true = OpenAPI description and Swagger UI without a token (default profile only)
 * @param accessLogRetention how long access-log entries are kept (route access-log-purge)
 * @param localIssuer    the labelled local token issuer of the default profile
 */
@Validated
@ConfigurationProperties("carehub.security")
public record AccessProperties(
        @NotBlank String rolesClaim,
        @NotBlank String agentIdClaim,
        @NotBlank String poolsClaim,
        Map<String, List<String>> agents,
        boolean publicApiDocs,
        @NotNull Duration accessLogRetention,
        @Valid @NotNull LocalIssuer localIssuer) {

    public AccessProperties {
        agents = agents == null ? Map.of() : Map.copyOf(agents); // empty value in application.yml: no agents listed
    }

    /**
     * @param enabled      true = this hub issues development tokens at /oauth2/token (refused in the prod profile)
     * @param clientSecret the development users' client secret; secret (dev: generated into the data dir)
     */
    public record LocalIssuer(boolean enabled, String clientSecret) {}
}
