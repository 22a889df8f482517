package io.carehub.privacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R24/R25 end to end: messages full of personal data go through the {@code pseudonymize} and
 * {@code stripPersonalData} processors in Camel routes to a WireMock stand-in for the bot platform
 * and the LLM; not one known value, in any casing or format, may reach it.
 */
class LeakTest {

    private static final Map<String, Object> KNOWN = Map.of(
            "name", "Anna Vogel",
            "address", "Lindenstraße 12a, 10115 Berlin",
            "customerNumber", "K-55012398",
            "contractNumber", "VN-88120934",
            "email", "anna.vogel@web.de",
            "phone", "+49 171 2345678",
            "iban", "DE89 3704 0044 0532 0130 00",
            "dateOfBirth", "12.03.1985");

    private static final List<String> MESSAGES = List.of(
            "hallo ich bin ANNA VOGEL, kundennummer k 550 123 98",
            "meine nummer ist 0171/234 56 78 oder +49 171 2345678 oder 0049-171-2345678",
            "mail: Anna.Vogel@WEB.de, vertrag vn 88120934",
            "ich wohne lindenstrasse 12a in 10115 berlin",
            "iban de89370400440532013000 kontoinhaberin anna vogl",
            "geb. 12.3.1985 — frau vogel hier nochmal 😊",
            "bitte an Anna Vogel, Lindenstr. 12a schicken, danke! VN-88120934",
            "\u200Fanna\u200F vogel\u0000 0171 2345678\uD800");

    private final WireMockServer stub = new WireMockServer(wireMockConfig().dynamicPort());
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        stub.start();
        stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        PiiDetector detector = new PiiDetector(List.of("0800 330 1000"), "DE");
        PseudonymVault vault = new PseudonymVault(
                TestDatabase.jdbc(),
                VaultKey.fromBase64(VaultKey.randomBase64()),
                new MutableClock(Instant.parse("2026-11-25T10:00:00Z")),
                Duration.ofHours(24));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("pseudonymize", PrivacyProcessors.pseudonymize(new Pseudonymizer(detector, vault)));
        camel.getRegistry().bind("stripPersonalData", PrivacyProcessors.strip(new Stripper(detector, "[REDACTED]")));
        String base = "http://localhost:" + stub.port();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bot")
                        .process("pseudonymize")
                        .removeHeaders("*", PrivacyHeaders.SESSION_ID)
                        .setHeader("Content-Type", constant("text/plain"))
                        .to(base.replace("http://", "http://") + "/bot/message?bridgeEndpoint=true");
                from("direct:llm")
                        .process("stripPersonalData")
                        .removeHeaders("*")
                        .setHeader("Content-Type", constant("text/plain"))
                        .to(base + "/llm/chat?bridgeEndpoint=true");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        stub.stop();
    }

    @Test
    void noKnownValueReachesTheBotPlatformOrTheLlm() {
        ProducerTemplate producer = camel.createProducerTemplate();
        for (String message : MESSAGES) {
            producer.send("direct:bot", e -> {
                e.getMessage().setHeader(PrivacyHeaders.SESSION_ID, "leak-test-session");
                e.setProperty(PrivacyHeaders.KNOWN_VALUES, KNOWN);
                e.getMessage().setBody(message);
            });
            producer.send("direct:llm", e -> {
                e.setProperty(PrivacyHeaders.KNOWN_VALUES, KNOWN);
                e.getMessage().setBody(message);
            });
        }

        List<LoggedRequest> requests =
                stub.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(MESSAGES.size() * 2);
        for (LoggedRequest request : requests) {
            String sent = request.getBodyAsString() + " " + request.getUrl() + " " + request.getHeaders();
            assertThat(leaks(sent))
                    .as("sent to %s: %s", request.getUrl(), request.getBodyAsString())
                    .isEmpty();
        }
    }

    /** Every known value, compared in lower case and with separators removed. */
    private static List<String> leaks(String sent) {
        String lower = Folding.fold(sent);
        String alnum = Canonical.alnum(lower);
        String digits = TextScan.digitsOf(sent);
        List<String> leaks = new ArrayList<>();
        for (String word : List.of("anna", "vogel", "vogl", "lindenstr", "lindenstrasse")) {
            if (lower.matches("(?s).*\\b" + word + "\\b.*")) leaks.add(word);
        }
        for (String needle :
                List.of("10115", "55012398", "88120934", "1712345678", "370400440532013000", "annavogel", "webde")) {
            if (alnum.contains(needle) || digits.contains(needle)) leaks.add(needle);
        }
        if (digits.contains("1231985") || digits.contains("12031985")) leaks.add("date of birth");
        return leaks.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
    }
}
