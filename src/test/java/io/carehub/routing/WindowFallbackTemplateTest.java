package io.carehub.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.GraphApiStub.stubGraphApiMessages;
import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.carehub.MutableClock;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** R9: with a fallback template configured, a free-form message outside the window becomes that template. */
@TestPropertySource(
        properties = {
            "carehub.outbound.window-fallback-template=service_reopen",
            "carehub.outbound.window-fallback-language=de"
        })
@ConversationTest
class WindowFallbackTemplateTest {

    /** This hub's clock ({@link TestClock}). */
    @Autowired
    MutableClock clock;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OutboundMessages outboundMessages;

    @Test
    void freeFormMessageOutsideTheWindowIsReplacedByTheFallbackTemplate() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        clock.advance(Duration.ofHours(26));

        long id = outboundMessages.send(conversation, OutboundContent.text("Sind Sie noch da?"), "agent-4");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "accepted"
                        .equals(jdbc.queryForObject(
                                "select delivery_state from message where id = ?", String.class, id)));
        assertThat(jdbc.queryForObject("select type from message where id = ?", String.class, id))
                .isEqualTo("template");
        GRAPH_API.verify(postRequestedFor(urlEqualTo("/v23.0/106540352242922/messages"))
                .withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                 "template":{"name":"service_reopen","language":{"code":"de"}}}""".formatted(customer))));
    }

    @AfterEach
    void defaultGraphApi() {
        GRAPH_API.resetAll();
        stubGraphApiMessages();
    }

    @Test
    void afterMetasWindowClosedErrorTheNextFreeFormReplyGoesAsTheFallbackTemplate() {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo");
        GRAPH_API.stubFor(WireMock.post(urlEqualTo("/v23.0/106540352242922/messages"))
                .withRequestBody(containing("abgelehnt"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OutboundMessagesTest.RE_ENGAGEMENT_ERROR)));
        long refused = outboundMessages.send(conversation, OutboundContent.text("abgelehnt"), "agent-4");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "failed"
                        .equals(jdbc.queryForObject(
                                "select delivery_state from message where id = ?", String.class, refused)));

        long next = outboundMessages.send(conversation, OutboundContent.text("Sind Sie noch da?"), "agent-4");

        // R9: the hub itself knows the window is closed: no second free-form attempt at Meta
        assertThat(jdbc.queryForObject("select type from message where id = ?", String.class, next))
                .isEqualTo("template");
        GRAPH_API.verify(
                0,
                postRequestedFor(urlEqualTo("/v23.0/106540352242922/messages"))
                        .withRequestBody(containing("Sind Sie noch da?")));
    }
}
