package io.carehub;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * WireMock standing in for the Graph API, one server for the whole test run (every cached context
 * points at it). As the context's initializer it points the hub's {@code carehub.whatsapp.graph-base-url} at
 * the server before any bean reads it, and the resource server at the {@link IdentityProvider}.
 */
public final class GraphApiStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final WireMockServer GRAPH_API =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        GRAPH_API.start();
        stubGraphApiMessages();
    }

    /** The Graph API's documented success answer to POST /{version}/{phone-number-id}/messages, with a fresh wamid. */
    public static void stubGraphApiMessages() {
        GRAPH_API.stubFor(post(urlPathMatching("/v23\\.0/[0-9]+/messages"))
                .atPriority(10)
                .willReturn(okJson("""
                        {"messaging_product":"whatsapp",
                         "contacts":[{"input":"{{jsonPath request.body '$.to'}}","wa_id":"{{jsonPath request.body '$.to'}}"}],
                         "messages":[{"id":"wamid.HBgL{{randomValue length=28 type='ALPHANUMERIC'}}"}]}""").withTransformers("response-template")));
        // R52: a send to a business-scoped user ID (`recipient`, no `to`) is answered with the contact's user_id
        GRAPH_API.stubFor(post(urlPathMatching("/v23\\.0/[0-9]+/messages"))
                .atPriority(9)
                .withRequestBody(matchingJsonPath("$.recipient"))
                .willReturn(okJson("""
                        {"messaging_product":"whatsapp",
                         "contacts":[{"input":"{{jsonPath request.body '$.recipient'}}","user_id":"{{jsonPath request.body '$.recipient'}}"}],
                         "messages":[{"id":"wamid.HBgL{{randomValue length=28 type='ALPHANUMERIC'}}"}]}""").withTransformers("response-template")));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "graphApiStub", Map.of("carehub.whatsapp.graph-base-url", GRAPH_API.baseUrl())));
        // R47: the hub trusts the test identity provider's tokens, as it trusts the company's in production
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("identityProvider", IdentityProvider.hubProperties()));
    }
}
