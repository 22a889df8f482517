package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.erasure.ErasureExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R42: the Grafana dashboard (ops/grafana/carehub.json) and the Prometheus alert rules (ops/prometheus/alerts.yml)
 * name only metrics the hub serves: after traffic that makes every kind of metric appear, each metric name of their
 * queries is on the scrape endpoint. The rules have the shape Prometheus loads.
 */
@OpsTest
class DashboardMetricsTest {

    static final Path DASHBOARD = Path.of("ops", "grafana", "carehub.json");
    static final Path ALERTS = Path.of("ops", "prometheus", "alerts.yml");

    /** A PromQL word followed by "(" is a function; these words are operators and modifiers. */
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "offset",
            "inf",
            "nan");

    private static final Pattern WORD = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    ErasureExecutor erasures;

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void everyMetricTheDashboardAndTheAlertRulesNameIsOnTheScrapeEndpoint() throws Exception {
        trafficOfEveryKind();
        Set<String> named = new TreeSet<>();
        for (String expression : dashboardQueries()) {
            named.addAll(metricNames(expression));
        }
        for (String expression : alertQueries()) {
            named.addAll(metricNames(expression));
        }
        assertThat(named)
                .as("metrics the dashboard and the rules name")
                .contains(
                        "carehub_queue_messages",
                        "carehub_dead_letters",
                        "carehub_webhook_seconds_bucket",
                        "carehub_outbound_sends_total",
                        "carehub_breaker_state",
                        "carehub_erasure_overdue",
                        "carehub_deletions_total");

        Set<String> served = servedMetrics();
        List<String> missing =
                named.stream().filter(name -> !served.contains(name)).toList();
        assertThat(missing).as("named but not on /actuator/prometheus").isEmpty();
    }

    @Test
    void theAlertRulesHaveTheShapePrometheusLoads() throws IOException {
        JsonNode rules = yaml.readTree(ALERTS.toFile());
        assertThat(rules.path("groups").isArray()).isTrue();
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            assertThat(group.path("name").asText()).isNotBlank();
            assertThat(group.path("rules").isArray()).isTrue();
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertThat(alert).matches("[A-Za-z][A-Za-z0-9_]*");
                assertThat(rule.path("expr").asText()).as("expr of %s", alert).isNotBlank();
                assertThat(rule.path("for").asText()).as("for of %s", alert).matches("\\d+[smhd]");
                assertThat(rule.path("labels").path("severity").asText())
                        .as("severity of %s", alert)
                        .isIn("info", "warning", "critical");
                assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
                assertThat(rule.path("annotations").path("description").asText())
                        .isNotBlank();
                rule.fieldNames()
                        .forEachRemaining(field -> assertThat(field)
                                .as("field of %s", alert)
                                .isIn("alert", "expr", "for", "labels", "annotations", "keep_firing_for"));
            }
        }
        // issue 18: a growing buffer, a non-empty DLQ, an open breaker, overdue erasures, outbound failures by code
        assertThat(alerts)
                .contains(
                        "CarehubBufferGrowing",
                        "CarehubDeadLetters",
                        "CarehubBreakerOpen",
                        "CarehubErasureOverdue",
                        "CarehubOutboundFailures")
                .doesNotHaveDuplicates();
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(
                        metricNames(
                                "histogram_quantile(0.99, sum by (le) (rate(carehub_webhook_seconds_bucket{method=\"POST\"}[5m])))"))
                .containsExactly("carehub_webhook_seconds_bucket");
        assertThat(metricNames("a_total{x=\"y\"} > 1000 and deriv(b{kind=\"buffer\"}[10m]) > 0 or on(job) c offset 5m"))
                .containsExactlyInAnyOrder("a_total", "b", "c");
    }

    /** A text, a duplicate, a rejected update, a failed delivery status, a declined notice carried out as an erasure. */
    private void trafficOfEveryKind() {
        String customer = "4915900001" + (System.nanoTime() % 1000);
        String wamid = "wamid.metrics" + System.nanoTime();
        String text = WebhookPayload.update()
                .contact(customer, "Metrics Test")
                .text(customer, wamid, Instant.now().getEpochSecond(), "Hallo")
                .json();
        assertThat(webhook.postSigned(text).statusCode()).isEqualTo(200);
        assertThat(webhook.postSigned(text).statusCode()).isEqualTo(200); // R5: a duplicate
        assertThat(webhook.postSigned(text.substring(0, text.length() - 10)).statusCode())
                .isEqualTo(200); // parked as a rejected update
        assertThat(webhook.postSigned(WebhookPayload.update()
                                .status("{\"id\":\"" + wamid + ".out\",\"status\":\"failed\",\"timestamp\":\""
                                        + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + customer
                                        + "\",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\"}]}")
                                .json())
                        .statusCode())
                .isEqualTo(200);
        db.awaitOutbound(customer, 1); // the privacy notice went out: the Graph API accepted it
        assertThat(webhook.postSigned(WebhookPayload.update()
                                .contact(customer, "Metrics Test")
                                .message("{\"from\":\"" + customer + "\",\"id\":\"" + wamid
                                        + ".decline\",\"timestamp\":\""
                                        + Instant.now().getEpochSecond()
                                        + "\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\","
                                        + "\"button_reply\":{\"id\":\"consent-decline\",\"title\":\"Ablehnen\"}}}")
                                .json())
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from erasure_request r join contact k on k.id = r.contact_id"
                                        + " where k.wa_id_hash = ?",
                                db.hash(customer))
                        == 1);
        erasures.run(); // R33: the declined customer's data is deleted, and the deletions are counted
        await().atMost(Duration.ofSeconds(60))
                .until(() -> servedMetrics()
                        .containsAll(Set.of(
                                "carehub_documented_total",
                                "carehub_rejected_total",
                                "carehub_outbound_statuses_total",
                                "carehub_outbound_sends_total",
                                "carehub_deletions_total",
                                "carehub_queue_messages")));
    }

    private Set<String> servedMetrics() {
        String scrape = hub.get("/actuator/prometheus", IdentityProvider.ops()).body();
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            Matcher name = WORD.matcher(line);
            if (!line.startsWith("#") && name.lookingAt()) {
                names.add(name.group());
            }
        }
        return names;
    }

    private List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = json.readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("panels").size()).isPositive();
        return dashboard.findValuesAsText("expr");
    }

    private List<String> alertQueries() throws IOException {
        return yaml.readTree(ALERTS.toFile()).findValuesAsText("expr");
    }

    /** The metric names of a PromQL expression: words that are not functions, operators, labels or durations. */
    static Set<String> metricNames(String expression) {
        String rest = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+\\S+", " ");
        Set<String> names = new TreeSet<>();
        Matcher word = WORD.matcher(rest);
        while (word.find()) {
            int next = word.end();
            while (next < rest.length() && rest.charAt(next) == ' ') {
                next++;
            }
            boolean function = next < rest.length() && rest.charAt(next) == '(';
            boolean number = word.start() > 0 && Character.isDigit(rest.charAt(word.start() - 1));
            if (!function && !number && !KEYWORDS.contains(word.group().toLowerCase())) {
                names.add(word.group());
            }
        }
        return names;
    }
}
