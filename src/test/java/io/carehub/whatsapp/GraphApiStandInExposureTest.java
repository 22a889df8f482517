package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.ops.SecretsEnvironmentPostProcessor;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * R43/§4 Security: the local Graph API stand-in records customers' messages, so it exists only in the default
 * profile, answers loopback clients only, and the prod profile refuses to start with it.
 */
class GraphApiStandInExposureTest {

    private static final WhatsappProperties PROPERTIES = new WhatsappProperties(
            "stand-in-secret",
            null,
            null,
            "https://graph.facebook.com",
            "v23.0",
            DataSize.ofMegabytes(3),
            32,
            Duration.ofSeconds(10),
            true);

    private final GraphApiStandIn standIn = new GraphApiStandIn(
            new ObjectMapper(),
            new SignatureVerifier(PROPERTIES),
            new MockEnvironment().withProperty("local.server.port", "1"));

    @AfterEach
    void stop() {
        standIn.destroy();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        return request;
    }

    private static ObjectNode message() {
        return new ObjectMapper()
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("to", "4915100000001")
                .put("type", "text");
    }

    @Test
    void answersLoopbackClients() {
        for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            assertThat(standIn.send("v23.0", "106540352242922", message(), from(loopback)))
                    .containsKey("messages");
            assertThat(standIn.sent(from(loopback))).isNotEmpty();
        }
    }

    @Test
    void refusesEveryOtherClient() {
        for (String remote : new String[] {"203.0.113.7", "10.0.0.5", "192.168.1.20", "2001:db8::1", "unknown"}) {
            assertThatThrownBy(() -> standIn.sent(from(remote)))
                    .as(remote)
                    .isInstanceOfSatisfying(
                            ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
            assertThatThrownBy(() -> standIn.send("v23.0", "106540352242922", message(), from(remote)))
                    .as(remote)
                    .isInstanceOf(ResponseStatusException.class);
        }
        assertThat(standIn.sent(from("127.0.0.1"))).isEmpty();
    }

    @Test
    void existsOnlyInTheDefaultProfile() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withBean(ObjectMapper.class)
                .withBean(SignatureVerifier.class, () -> new SignatureVerifier(PROPERTIES))
                .withUserConfiguration(GraphApiStandIn.class)
                .withPropertyValues("carehub.whatsapp.stand-in=true");

        runner.run(context -> assertThat(context).hasSingleBean(GraphApiStandIn.class));
        runner.withPropertyValues("spring.profiles.active=prod")
                .run(context -> assertThat(context).doesNotHaveBean(GraphApiStandIn.class));
    }

    @Test
    void theProdProfileRefusesToStartWithTheStandIn() {
        MockEnvironment environment = new MockEnvironment().withProperty("carehub.whatsapp.stand-in", "true");
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> new SecretsEnvironmentPostProcessor(new DeferredLogs())
                        .postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("carehub.whatsapp.stand-in");
    }
}
