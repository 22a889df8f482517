package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.access.AccessProperties;
import io.carehub.buffer.BufferProperties;
import io.carehub.consent.ConsentProperties;
import io.carehub.dialog.DialogProperties;
import io.carehub.documentation.PostgresProperties;
import io.carehub.legitimation.LegitimationProperties;
import io.carehub.legitimation.LegitimationTexts;
import io.carehub.pages.PagesProperties;
import io.carehub.privacy.PrivacyProperties;
import io.carehub.retention.RetentionProperties;
import io.carehub.routing.LifecycleProperties;
import io.carehub.routing.RoutingProperties;
import io.carehub.upload.UploadProperties;
import io.carehub.upload.UploadTexts;
import io.carehub.whatsapp.CustomerTexts;
import io.carehub.whatsapp.MediaProperties;
import io.carehub.whatsapp.OutboundProperties;
import io.carehub.whatsapp.WhatsappProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Every carehub.* key is bound to a validated record whose defaults come from application.yml alone:
 * application.yml binds completely, and a missing or invalid value stops start-up naming the key.
 */
class ConfigurationRecordsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({
        HubProperties.class,
        RouteReloadProperties.class,
        MetricsProperties.class,
        JobProperties.class,
        TransportProperties.class,
        ResidencyProperties.class,
        AccessProperties.class,
        PostgresProperties.class,
        WhatsappProperties.class,
        BufferProperties.class,
        MediaProperties.class,
        OutboundProperties.class,
        LifecycleProperties.class,
        ConsentProperties.class,
        RoutingProperties.class,
        RetentionProperties.class,
        PrivacyProperties.class,
        DialogProperties.class,
        CustomerTexts.class,
        PagesProperties.class,
        UploadProperties.class,
        UploadTexts.class,
        LegitimationProperties.class,
        LegitimationTexts.class
    })
    static class Records {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Records.class)
            .withInitializer(new ConfigDataApplicationContextInitializer());

    @Test
    void applicationYmlBindsEveryRecordWithDurations() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            OutboundProperties outbound = context.getBean(OutboundProperties.class);
            assertThat(outbound.requeueCheck()).isEqualTo(Duration.ofSeconds(15));
            assertThat(outbound.rateGuard()).isEqualTo(Duration.ofMillis(100));
            assertThat(context.getBean(BufferProperties.class).batchWait()).isEqualTo(Duration.ofMillis(20));
            assertThat(context.getBean(DialogProperties.class).breaker().openFor())
                    .isEqualTo(Duration.ofSeconds(30));
            assertThat(context.getBean(CustomerTexts.class).consent().acceptButton())
                    .isEqualTo("Akzeptieren");
            assertThat(context.getBean(AccessProperties.class).accessLogRetention())
                    .isEqualTo(Duration.ofDays(365));
            assertThat(context.getBean(UploadProperties.class).linkValidity()).isEqualTo(Duration.ofHours(24));
            assertThat(context.getBean(UploadTexts.class).button()).isEqualTo("Sicher hochladen");
        });
    }

    @Test
    void anInvalidValueStopsStartUpNamingTheKey() {
        runner.withPropertyValues("carehub.outbound.rate-per-second=1001")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("ratePerSecond"));
    }

    @Test
    void aButtonTitleOverTheCloudApiLimitIsRefused() {
        runner.withPropertyValues("carehub.texts.consent.accept-button=Ja, ich akzeptiere alles")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("acceptButton"));
    }

    @Test
    void aMissingKeyStopsStartUp() {
        runner.withPropertyValues("carehub.routing.reload-check=")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("reloadCheck"));
    }
}
