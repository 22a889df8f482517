package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.access.AccessLog;
import io.carehub.access.AccessProperties;
import io.carehub.access.Callers;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.CryptoProperties;
import io.carehub.crypto.LookupHash;
import org.apache.camel.Processor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The wiring only (no web server, broker or Boot auto-configuration): beans the routes and APIs use. */
class PrivacyConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PrivacyProperties.class, AccessProperties.class, CryptoProperties.class})
    static class Properties {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(
                    Properties.class,
                    PrivacyConfiguration.class,
                    PrivacyController.class,
                    TranscriptExportController.class,
                    // R47: the APIs record their callers in the access log
                    Callers.class,
                    AccessLog.class,
                    // R19: the access log finds contacts by lookup hash; the export decrypts with the contacts' keys
                    LookupHash.class,
                    ContactKeys.class,
                    DeletionAudit.class)
            .withBean(NamedParameterJdbcTemplate.class, TestDatabase::jdbc)
            .withBean(java.time.Clock.class, java.time.Clock::systemUTC)
            .withPropertyValues(
                    "carehub.privacy.company-numbers=0800 330 1000",
                    "carehub.crypto.kek=" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                    "carehub.crypto.lookup-key=privacy-configuration-test-lookup-key")
            // the defaults live in application.yml only
            .withInitializer(new ConfigDataApplicationContextInitializer());

    @Test
    void exposesTheNamedProcessorsForYamlRoutes() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("pseudonymize")).isInstanceOf(Processor.class);
            assertThat(context.getBean("reidentify")).isInstanceOf(Processor.class);
            assertThat(context.getBean("stripPersonalData")).isInstanceOf(Processor.class);
            assertThat(context).hasSingleBean(PrivacyController.class).hasSingleBean(TranscriptExportController.class);
        });
    }

    @Test
    void refusesToStartInProdWithoutAVaultKey() {
        runner.withPropertyValues("spring.profiles.active=prod")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("carehub.privacy.vault-key is required"));
    }

    @Test
    void startsInProdWithAConfiguredVaultKey() {
        runner.withPropertyValues("spring.profiles.active=prod", "carehub.privacy.vault-key=" + VaultKey.randomBase64())
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void failsLoudlyOnACompanyNumberThatIsNoPhoneNumber() {
        runner.withPropertyValues("carehub.privacy.company-numbers=hotline")
                .run(context -> assertThat(context).hasFailed());
    }
}
