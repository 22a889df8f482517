package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** R48: the prod profile refuses to start when a hop would go without TLS, naming the setting. */
class ProdTransportPolicyTest {

    private final ProdTransportPolicy policy = new ProdTransportPolicy();

    @Test
    void prodStartsWhenEveryHopUsesTls() {
        assertThatCode(() -> policy.postProcessEnvironment(prod(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void databaseNeedsVerifyFull() {
        for (String url : new String[] {
            "jdbc:postgresql://db:5432/carehub",
            "jdbc:postgresql://db:5432/carehub?sslmode=require",
            "jdbc:postgresql://db:5432/carehub?sslmode=verify-ca"
        }) {
            MockEnvironment environment = prod().withProperty("spring.datasource.url", url);
            assertThatThrownBy(() -> policy.postProcessEnvironment(environment, new SpringApplication()))
                    .as(url)
                    .hasMessageContaining("spring.datasource.url (CAREHUB_DATASOURCE_URL) needs sslmode=verify-full");
        }
    }

    @Test
    void brokerNeedsTlsWithTheHostVerified() {
        for (String url : new String[] {
            "(tcp://a:61616,tcp://b:61616)?ha=true",
            "tcp://a:61616?sslEnabled=false",
            "tcp://a:61616?sslEnabled=true&verifyHost=false"
        }) {
            MockEnvironment environment = prod().withProperty("spring.artemis.broker-url", url);
            assertThatThrownBy(() -> policy.postProcessEnvironment(environment, new SpringApplication()))
                    .as(url)
                    .hasMessageContaining("spring.artemis.broker-url (CAREHUB_BROKER_URL)");
        }
    }

    @Test
    void serverAndManagementPortNeedHttps() {
        MockEnvironment plainServer = prod().withProperty("server.ssl.enabled", "false");
        assertThatThrownBy(() -> policy.postProcessEnvironment(plainServer, new SpringApplication()))
                .hasMessageContaining("server.ssl needs");

        MockEnvironment plainManagement = prod().withProperty("management.server.ssl.key-store", "");
        assertThatThrownBy(() -> policy.postProcessEnvironment(plainManagement, new SpringApplication()))
                .hasMessageContaining("management.server.ssl needs")
                .hasMessageContaining("8081");
    }

    @Test
    void onlyTheProdProfileIsCheckedAndItMayOptOutExplicitly() {
        MockEnvironment plain = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://localhost:5433/postgres");
        assertThatCode(() -> policy.postProcessEnvironment(plain, new SpringApplication()))
                .doesNotThrowAnyException();

        MockEnvironment optedOut = prod().withProperty("spring.datasource.url", "jdbc:postgresql://db/carehub")
                .withProperty("carehub.transport.require-tls", "false");
        assertThatCode(() -> policy.postProcessEnvironment(optedOut, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("carehub.transport.require-tls", "true")
                .withProperty(
                        "spring.datasource.url",
                        "jdbc:postgresql://postgres:5432/carehub?sslmode=verify-full&sslrootcert=/run/carehub-tls/ca.crt")
                .withProperty(
                        "spring.artemis.broker-url",
                        "(tcp://artemis-primary:61616,tcp://artemis-backup:61616)?ha=true&sslEnabled=true&verifyHost=true")
                .withProperty("server.port", "8443")
                .withProperty("server.ssl.key-store", "file:/run/carehub-tls/hub.p12")
                .withProperty("management.server.port", "8081")
                .withProperty("management.server.ssl.key-store", "file:/run/carehub-tls/hub.p12");
        environment.setActiveProfiles("prod");
        return environment;
    }
}
