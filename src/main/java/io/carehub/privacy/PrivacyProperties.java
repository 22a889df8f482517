package io.carehub.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code carehub.privacy.*}
 *
 * @param companyNumbers the company's own phone numbers (hotlines); never personal data
 * @param region         region for numbers written without country code
 * @param vaultKey       base64 of 32 random bytes; from the environment/secret store (CAREHUB_PRIVACY_VAULT_KEY).
 *                       Required in the prod profile; elsewhere a throwaway key is generated with a WARN log
 * @param sessionTtl     lifetime of a pseudonym session, at most 24 h (R26)
 * @param purgeInterval  how often expired sessions are deleted
 * @param stripPlaceholder what the stripper writes instead of removed personal data (R25)
 * @param maxTextChars   the analyze API rejects longer texts with 413
 */
@ConfigurationProperties("carehub.privacy")
public record PrivacyProperties(
        @DefaultValue({}) List<String> companyNumbers,
        @DefaultValue("DE") String region,
        String vaultKey,
        @DefaultValue("24h") Duration sessionTtl,
        @DefaultValue("5m") Duration purgeInterval,
        @DefaultValue("[REDACTED]") String stripPlaceholder,
        @DefaultValue("1048576") int maxTextChars) {
}
