package io.carehub;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole hub on its embedded defaults (real Artemis, real
 * PostgreSQL) behind a random HTTP port, with WireMock standing in for the Graph API.
 */
@AutoConfigureMetrics
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "carehub.data-dir=target/test-data/${random.uuid}",
        "carehub.postgres.port=0",
        "carehub.whatsapp.app-secret=" + IngestTestSupport.APP_SECRET,
        "carehub.whatsapp.verify-token=test-verify-token",
        "carehub.whatsapp.access-token=test-access-token",
        "carehub.buffer.encryption-key=" + IngestTestSupport.BUFFER_KEY,
        "carehub.buffer.consumers=4",
        "carehub.api.tokens=" + IngestTestSupport.API_TOKEN,
        "carehub.media.max-attempts=3",
        "carehub.media.first-backoff=50ms",
        "carehub.media.poll-interval=100ms",
        "carehub.media.timeout=5s",
        "carehub.outbound.first-backoff=100ms",
        "carehub.outbound.max-backoff=800ms",
        "carehub.outbound.max-retries=20",
        // the chatbot has its own tests (io.carehub.dialog); here conversations go straight to agent routing
        "carehub.dialog.routing.private-customers=agents",
        "carehub.dialog.routing.business=agents",
        "carehub.dialog.routing.unknown=agents"})
public abstract class IngestTestSupport {

    public static final String APP_SECRET = "test-app-secret";
    public static final String BUFFER_KEY = "q6Xb2zr6m0v1l4kq9C4mQb7Qj3Yl8aJd0sT9uVxWzAE=";
    public static final String API_TOKEN = "test-api-token";
    /** wa_id and wamid in the fixtures, replaced per test so tests sharing a database stay apart. */
    static final String FIXTURE_WA_ID = "16505551234";
    static final String FIXTURE_WAMID_PREFIX = "wamid.HBgL";
    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    protected static final WireMockServer GRAPH_API = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        GRAPH_API.start();
        stubGraphApiMessages();
    }

    /** The Graph API's documented success answer to POST /{version}/{phone-number-id}/messages, with a fresh wamid. */
    protected static void stubGraphApiMessages() {
        GRAPH_API.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v23\\.0/[0-9]+/messages"))
                .atPriority(10)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"messaging_product":"whatsapp",
                         "contacts":[{"input":"{{jsonPath request.body '$.to'}}","wa_id":"{{jsonPath request.body '$.to'}}"}],
                         "messages":[{"id":"wamid.HBgL{{randomValue length=28 type='ALPHANUMERIC'}}"}]}""")
                        .withTransformers("response-template")));
    }

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("carehub.whatsapp.graph-base-url", GRAPH_API::baseUrl);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected CamelContext camel;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A fixture from src/test/resources/whatsapp/, with its customer and message ids made unique. */
    protected static Fixture fixture(String name) {
        return fixture(name, "49" + String.format("%011d", UNIQUE.incrementAndGet()),
                Long.toString(UNIQUE.incrementAndGet(), 36));
    }

    /** A fixture with the same customer and message-id tag as {@code sameIdsAs}. */
    protected static Fixture fixture(String name, Fixture sameIdsAs) {
        return fixture(name, sameIdsAs.waId(), sameIdsAs.tag());
    }

    private static Fixture fixture(String name, String waId, String tag) {
        try {
            String json = Files.readString(Path.of("src/test/resources/whatsapp", name + ".json"));
            return new Fixture(json.replace(FIXTURE_WA_ID, waId).replace(FIXTURE_WAMID_PREFIX, FIXTURE_WAMID_PREFIX + tag),
                    waId, tag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Fixture(String json, String waId, String tag) {
        public String wamid(String fixtureWamid) {
            return fixtureWamid.replace(FIXTURE_WAMID_PREFIX, FIXTURE_WAMID_PREFIX + tag);
        }
    }

    protected HttpResponse<String> postSigned(String body) {
        return postSigned(body.getBytes(StandardCharsets.UTF_8));
    }

    protected HttpResponse<String> postSigned(byte[] body) {
        return post(body, "sha256=" + sign(body));
    }

    protected HttpResponse<String> post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    protected HttpResponse<String> httpGet(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String sign(byte[] body) {
        return WebhookSignature.hex(APP_SECRET, body);
    }

    protected long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
