package io.carehub.privacy;

import io.carehub.crypto.ContactKeys;
import java.time.Clock;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Wires the privacy engine; the processors are named for YAML routes ({@code process: {ref: pseudonymize}}), and
 * the route vault-purge (routes/retention.yaml) calls {@code pseudonymVault.purgeExpired} (R26/R32).
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrivacyConfiguration.class);

    @Bean
    PiiDetector piiDetector(PrivacyProperties properties) {
        return new PiiDetector(properties.companyNumbers(), properties.nonPersonalPatterns(), properties.region());
    }

    @Bean
    Stripper stripper(PiiDetector detector, PrivacyProperties properties) {
        return new Stripper(detector, properties.stripPlaceholder());
    }

    @Bean
    PseudonymVault pseudonymVault(
            NamedParameterJdbcTemplate jdbc, PrivacyProperties properties, Environment environment, Clock clock) {
        String key = properties.vaultKey();
        if (key == null || key.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new IllegalStateException("carehub.privacy.vault-key is required in the prod profile (R26)");
            }
            log.warn("carehub.privacy.vault-key not set: using a throwaway key; pseudonyms will not survive a restart "
                    + "and other instances cannot read them");
            key = VaultKey.randomBase64();
        }
        return new PseudonymVault(jdbc, VaultKey.fromBase64(key), clock, properties.sessionTtl());
    }

    @Bean
    Pseudonymizer pseudonymizer(PiiDetector detector, PseudonymVault vault) {
        return new Pseudonymizer(detector, vault);
    }

    @Bean
    ReIdentifier reIdentifier(PseudonymVault vault) {
        return new ReIdentifier(vault);
    }

    @Bean
    TranscriptAnonymizer transcriptAnonymizer(NamedParameterJdbcTemplate jdbc, ContactKeys keys, Stripper stripper) {
        return new TranscriptAnonymizer(jdbc, keys, stripper);
    }

    @Bean("pseudonymize")
    Processor pseudonymize(Pseudonymizer pseudonymizer) {
        return PrivacyProcessors.pseudonymize(pseudonymizer);
    }

    @Bean("reidentify")
    Processor reidentify(ReIdentifier reIdentifier) {
        return PrivacyProcessors.reidentify(reIdentifier);
    }

    @Bean("stripPersonalData")
    Processor stripPersonalData(Stripper stripper) {
        return PrivacyProcessors.strip(stripper);
    }
}
