package io.carehub.privacy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The privacy engine ({@code carehub.privacy.*}; defaults in application.yml).
 *
 * @param companyNumbers the company's own phone numbers (hotlines); never personal data
 * @param nonPersonalPatterns regular expressions for numbers that are not personal data (tariff and product
 *                       codes, order numbers): a digit run matching one whole is not taken for an identifier
 * @param region         region for numbers written without country code
 * @param vaultKey       base64 of 32 random bytes; from the environment/secret store (CAREHUB_PRIVACY_VAULT_KEY).
 *                       Required in the prod profile; elsewhere a throwaway key is generated with a WARN log
 * @param sessionTtl     lifetime of a pseudonym session, at most 24 h (R26)
 * @param purgeInterval  how often the route vault-purge deletes expired sessions
 * @param stripPlaceholder what the stripper writes instead of removed personal data (R25)
 * @param maxTextChars   the analyze API rejects longer texts with 413
 * @param maxKnownValues the analyze API rejects more known values than this with 400
 * @param maxKnownValueChars the analyze API rejects a longer known value with 400
 */
@Validated
@ConfigurationProperties("carehub.privacy")
public record PrivacyProperties(
        @NotNull List<String> companyNumbers,
        @NotNull List<String> nonPersonalPatterns,
        @NotBlank String region,
        String vaultKey,
        @NotNull Duration sessionTtl,
        @NotNull Duration purgeInterval,
        @NotNull String stripPlaceholder,
        @Min(1) int maxTextChars,
        @Min(1) int maxKnownValues,
        @Min(1) int maxKnownValueChars) {}
