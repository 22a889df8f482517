package io.carehub.legitimation;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.pages.PagesProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** R15/R43: the local test identity provider is off in the prod profile, which refuses to start with it. */
class LocalIdentityProviderTest {

    @Test
    void prodProfileTurnsTheStandInOffAndRefusesToStartWithIt() throws Exception {
        List<PropertySource<?>> prod =
                new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"));
        assertThat(prod.get(0).getProperty("carehub.legitimation.local-identity-provider.enabled"))
                .isEqualTo(false);

        new ApplicationContextRunner()
                .withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Records.class, LocalIdentityProvider.class)
                .withPropertyValues("carehub.legitimation.local-identity-provider.enabled=true")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("local-identity-provider.enabled is true in the prod profile"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LegitimationProperties.class, PagesProperties.class})
    static class Records {}
}
