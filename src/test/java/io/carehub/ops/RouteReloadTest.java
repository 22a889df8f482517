package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * R41: ops edit routes/*.yaml and the hub takes the change without a restart, as a whole set that was validated first:
 * a valid change swaps while the webhook is under load and nothing is lost; a broken file changes nothing and is named
 * on one log line; a file removed on purpose takes its routes with it.
 */
@OpsTest
@ExtendWith(OutputCaptureExtension.class)
class RouteReloadTest {

    private static final String BROKEN = "zz-broken.yaml";

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    CamelContext camel;

    @Autowired
    ObjectMapper mapper;

    private String original;

    @BeforeEach
    void startFromRoutesAsCommitted() {
        RoutesDirectory.restore();
        // settled: two reads of the loaded version 500 ms apart agree
        AtomicReference<String> last = new AtomicReference<>("");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String version = routes().path("version").asText();
                    return version.equals(last.getAndSet(version));
                });
        original = routes().path("version").asText();
    }

    @AfterEach
    void putRoutesBack() {
        RoutesDirectory.restore();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> routes().path("version").asText().equals(original));
    }

    @Test
    void aValidChangeTakesEffectWithoutARestartWhileTheWebhookIsUnderLoad() throws Exception {
        String run = "wamid.reload" + System.nanoTime();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> senders = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            int customer = thread;
            senders.add(load.submit(() -> {
                while (!stop.get()) {
                    String wamid = run + "-" + sent.getAndIncrement();
                    postUntilAccepted(customer, wamid, retried);
                }
                return null;
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= 40);
            // the webhook's file and the documentation's file change together: both swap while updates arrive
            RoutesDirectory.write(
                    "documentation.yaml",
                    RoutesDirectory.read("documentation.yaml")
                            .replace(
                                    "description: \"R5/R13/R17: decrypt buffered updates",
                                    "description: \"R5/R13/R17 (reloaded): decrypt buffered updates"));
            RoutesDirectory.write(
                    "whatsapp-inbound.yaml",
                    RoutesDirectory.read("whatsapp-inbound.yaml")
                            .replace(
                                    "description: \"R2/R3/R10/R11: verify signature",
                                    "description: \"R2/R3/R10/R11 (reloaded): verify signature"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> description("buffer-to-documentation").contains("(reloaded)")
                            && description("whatsapp-webhook-receive").contains("(reloaded)"));
            int atSwap = sent.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= atSwap + 40);
        } finally {
            stop.set(true);
            for (Future<?> sender : senders) {
                sender.get(120, TimeUnit.SECONDS);
            }
            load.shutdown();
        }

        JsonNode routes = routes();
        assertThat(routes.path("version").asText()).isNotEqualTo(original);
        assertThat(routes.findValuesAsText("status")).containsOnly("Started");
        assertThat(camel.getRouteController().getRouteStatus("buffer-to-documentation"))
                .isEqualTo(ServiceStatus.Started);
        assertThat(hub.get("/actuator/prometheus", IdentityProvider.ops()).body())
                .contains("carehub_routes_version{version=\""
                        + routes.path("version").asText() + "\"} 1.0")
                .doesNotContain("carehub_routes_version{version=\"" + original + "\"}");
        // nothing lost, nothing doubled: every acknowledged update documented exactly once
        int total = sent.get();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> db.count("select count(*) from message where wamid like ?", run + "-%") == total);
        assertThat(db.count("select count(distinct wamid) from message where wamid like ?", run + "-%"))
                .isEqualTo(total);
    }

    @Test
    void aBrokenFileIsRejectedOnOneLogLineAndChangesNothing(CapturedOutput output) {
        List<String> ids = routeIds();
        String probe = """
                - route:
                    id: reload-probe
                    description: "R41: a route added by the test"
                    from:
                      uri: direct:reload-probe
                      steps:
                        %s
                """;
        List<String> broken = List.of(
                probe.formatted("- nosuchstep: {}"),
                probe.formatted("- bean:\n            ref: noSuchBean"),
                probe.formatted("- bean:\n            ref: outboundSender\n            method: noSuchMethod"),
                probe.formatted("- to:\n            uri: \"timer:probe?noSuchOption=1\""),
                probe.formatted("- to:\n            uri: \"nosuchcomponent:probe\""),
                probe.formatted("- to:\n            uri: \"direct:{{carehub.no-such-key}}\""),
                probe.replace("id: reload-probe", "id: vault-purge").formatted("- log:\n            message: x"),
                probe.replace("from:", "routeConfigurationId: no-such-configuration\n    from:")
                        .formatted("- log:\n            message: x"));
        for (String yaml : broken) {
            int before = output.getAll().length();
            String lastRejected = routes().at("/lastRejection/version").asText();
            RoutesDirectory.write(BROKEN, yaml);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !routes().at("/lastRejection/version").asText().equals(lastRejected));
            String logged = output.getAll().substring(before);
            assertThat(logged.lines().filter(line -> line.contains(BROKEN)))
                    .as("log lines naming the file for %s", yaml)
                    .hasSize(1)
                    .allMatch(line -> line.contains("rejected") && line.contains("the running routes"));
            JsonNode routes = routes();
            assertThat(routes.path("version").asText()).isEqualTo(original);
            assertThat(routes.at("/lastRejection/file").asText()).isEqualTo(BROKEN);
            assertThat(routeIds()).isEqualTo(ids);
            assertThat(camel.getRoute("reload-probe")).isNull();
        }
        // a broken edit of a running file: its routes keep running and keep documenting
        RoutesDirectory.write(
                "documentation.yaml",
                RoutesDirectory.read("documentation.yaml").replace("ref: contactDocumentation", "ref: noSuchBean"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> routes().at("/lastRejection/file").asText().equals("documentation.yaml"));
        String wamid = "wamid.reload-broken" + System.nanoTime();
        postUntilAccepted(9, wamid, new AtomicInteger());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message where wamid = ?", wamid) == 1);
        assertThat(routes().path("version").asText()).isEqualTo(original);
    }

    @Test
    void aFileRemovedOnPurposeRemovesItsRoutes() {
        RoutesDirectory.write("reload-probe.yaml", """
                - route:
                    id: reload-probe
                    description: "R41: a route added by the test"
                    from:
                      uri: direct:reload-probe
                      steps:
                        - setBody:
                            constant: probed
                """);
        await().atMost(Duration.ofSeconds(30)).until(() -> routeIds().contains("reload-probe"));
        assertThat(camel.createProducerTemplate().requestBody("direct:reload-probe", "x", String.class))
                .isEqualTo("probed");

        RoutesDirectory.delete("reload-probe.yaml");
        RoutesDirectory.delete("crypto.yaml");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !routeIds().contains("reload-probe") && !routeIds().contains("kek-rotation"));
        assertThat(camel.getRoute("reload-probe")).isNull();
        assertThat(camel.getRoute("kek-rotation")).isNull();
        assertThat(camel.getRoute("unattributed-key-expiry")).isNull();
        assertThat(routes().findValuesAsText("name")).doesNotContain("reload-probe.yaml", "crypto.yaml");
        assertThat(camel.getRoute("buffer-to-documentation")).isNotNull();
    }

    /** Posts one text as Meta does: a 503 (routes swapping) is retried, as Meta retries every non-200. */
    private void postUntilAccepted(int customer, String wamid, AtomicInteger retried) {
        String body = WebhookPayload.update()
                .contact("4915900000" + customer, "Reload Test")
                .text("4915900000" + customer, wamid, Instant.now().getEpochSecond(), "Hallo")
                .json();
        await("webhook accepts " + wamid)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    int status = webhook.postSigned(body).statusCode();
                    assertThat(status).as("webhook answer for %s", wamid).isIn(200, 503);
                    if (status == 503) {
                        retried.incrementAndGet();
                    }
                    return status == 200;
                });
    }

    private String description(String routeId) {
        return camel.getRoute(routeId) == null
                ? ""
                : String.valueOf(camel.getRoute(routeId).getDescription());
    }

    private List<String> routeIds() {
        return routes().findValuesAsText("id");
    }

    private JsonNode routes() {
        HttpResponse<String> answer = hub.get("/api/ops/routes", IdentityProvider.ops());
        assertThat(answer.statusCode()).isEqualTo(200);
        try {
            return mapper.readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
