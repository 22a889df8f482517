package io.carehub.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** R23/R25: a platform bean exists only when the platform is configured. */
class DialogPlatformsConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DialogProperties.class)
    static class Infrastructure {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, DialogPlatformsConfiguration.class)
            // the defaults live in application.yml only
            .withInitializer(new ConfigDataApplicationContextInitializer());

    @Test
    void nothingConfiguredCreatesNoPlatform() {
        context.run(app -> assertThat(app)
                .hasNotFailed()
                .doesNotHaveBean("watsonxAssistant")
                .doesNotHaveBean("lexBot")
                .doesNotHaveBean("openAiAnswerGenerator"));
    }

    @Test
    void configuredPlatformsAreCreated() {
        context.withPropertyValues(
                        "carehub.dialog.watsonx.url=https://api.eu-de.assistant.watson.cloud.ibm.com/instances/abc",
                        "carehub.dialog.watsonx.api-key=key",
                        "carehub.dialog.watsonx.assistant-id=assistant",
                        "carehub.dialog.lex.bot-id=BOTID12345",
                        "carehub.dialog.lex.bot-alias-id=TSTALIASID",
                        "carehub.dialog.lex.access-key-id=AKIAIOSFODNN7EXAMPLE",
                        "carehub.dialog.lex.secret-access-key=secret",
                        "carehub.dialog.openai.enabled=true",
                        "carehub.dialog.openai.api-key=sk-test")
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    assertThat(app.getBean("watsonxAssistant", DialogPlatform.class)
                                    .name())
                            .isEqualTo("watsonx");
                    assertThat(app.getBean("lexBot", DialogPlatform.class).name())
                            .isEqualTo("lex");
                    assertThat(app).getBean("openAiAnswerGenerator").isInstanceOf(AnswerGenerator.class);
                });
    }

    @Test
    void configuredPlatformWithoutItsSecretStopsStartUpNamingTheKey() {
        context.withPropertyValues(
                        "carehub.dialog.watsonx.url=https://api.eu-de.assistant.watson.cloud.ibm.com/i/abc",
                        "carehub.dialog.watsonx.assistant-id=assistant")
                .run(app -> assertThat(app)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("carehub.dialog.watsonx.api-key"));
    }
}
