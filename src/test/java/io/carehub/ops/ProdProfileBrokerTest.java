package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * R44/R46: the prod profile talks only to the external broker. Spring Boot starts an embedded Artemis
 * whenever its classes are on the class path unless told not to; two instances sharing a data volume then
 * blocked at start-up on the embedded journal's lock (found by the fault suite's two-instance case).
 */
class ProdProfileBrokerTest {

    @Test
    void prodProfileStartsNoEmbeddedBroker() throws Exception {
        List<PropertySource<?>> prod =
                new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"));

        assertThat(prod.get(0).getProperty("spring.artemis.mode")).isEqualTo("native");
        assertThat(prod.get(0).getProperty("spring.artemis.embedded.enabled")).isEqualTo(false);
    }
}
