package io.carehub.legitimation;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.carehub.Db;
import io.carehub.Legitimations;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R15: with a customer-data endpoint configured, the hub asks it with the customer's access token and its answer
 * (the shape documented in docs/legitimation.md) wins over the ID token's claims. And with Tomcat's access log on,
 * no line carries a link's token.
 */
@ConversationTest
class CustomerDataEndpointTest {

    static final WireMockServer CRM =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final Path ACCESS_LOGS = Path.of("target", "access-logs-legitimation");

    static {
        CRM.start();
        // only this run's lines: an earlier run's log must not decide this one
        try (Stream<Path> files = Files.exists(ACCESS_LOGS) ? Files.list(ACCESS_LOGS) : Stream.empty()) {
            files.forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("carehub.legitimation.identity-provider.customer-data-uri", () -> CRM.baseUrl() + "/customers/me");
        registry.add("server.tomcat.accesslog.enabled", () -> "true");
        registry.add("server.tomcat.accesslog.buffered", () -> "false");
        registry.add(
                "server.tomcat.accesslog.directory",
                () -> ACCESS_LOGS.toAbsolutePath().toString());
    }

    @AfterAll
    static void stop() {
        CRM.stop();
    }

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    Legitimations legitimations;

    @Autowired
    CustomerIdentities identities;

    @Test
    void theCustomerDataEndpointsAnswerWinsOverTheClaimsAndNoAccessLogLineHoldsTheToken() throws IOException {
        CRM.stubFor(get(urlPathEqualTo("/customers/me")).willReturn(okJson("""
                {"salutation": "Frau", "givenName": "Erika", "familyName": "Muster-Endpunkt",
                 "customerNumber": "K-5500", "contractNumbers": ["V-5500-1", "V-5500-2"], "segment": "business",
                 "phoneNumber": null}""")));
        String customer = newCustomer();
        customers.text(customer, "Hallo");
        db.awaitOutbound(customer, 1);

        legitimations.signIn(customer, Legitimations.privateCustomer("Herr", "Token Name", "K-0001"));

        CRM.verify(getRequestedFor(urlPathEqualTo("/customers/me")).withHeader("Authorization", matching("Bearer .+")));
        assertThat(identities.of(db.contactIds(customer).getFirst()))
                .hasValue(new CustomerIdentities.Identity(
                        "BUSINESS", "Frau", "Erika Muster-Endpunkt", "K-5500", "V-5500-1, V-5500-2"));
        String token = legitimations.links(customer).getFirst().replaceAll(".*/l/", "");
        String logged;
        try (Stream<Path> files = Files.list(ACCESS_LOGS)) {
            logged = String.join("\n", files.map(CustomerDataEndpointTest::read).toList());
        }
        assertThat(logged)
                .contains("/pages/legitimation/done")
                .doesNotContain(token)
                .doesNotContain(" /l/");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
