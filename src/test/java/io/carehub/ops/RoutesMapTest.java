package io.carehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * R41 and the routes as the map of the system: every file in routes/ parses with Camel's YAML DSL, every
 * route has an id and a one-line description citing its requirement, and every consumer that touches the
 * database names the one database-outage route configuration.
 */
class RoutesMapTest {

    private static final Path ROUTES = Path.of("routes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern CITES_REQUIREMENT = Pattern.compile("^R\\d+.*");
    /** Consumers that touch no database: the webhook (R10) and the rules-file reload. */
    private static final Set<String> WITHOUT_DATABASE =
            Set.of("whatsapp-webhook-handshake", "whatsapp-webhook-receive", "routing-rules-reload");

    @Test
    void everyRouteFileParsesWithCamelsYamlDsl() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            for (Path file : routeFiles()) {
                Resource resource = ResourceHelper.fromString(file.getFileName().toString(), Files.readString(file));
                PluginHelper.getRoutesLoader(camel).loadRoutes(resource);
            }
            List<RouteDefinition> routes = camel.getCamelContextExtension()
                    .getContextPlugin(Model.class)
                    .getRouteDefinitions();
            assertThat(routes)
                    .extracting(RouteDefinition::getRouteId)
                    .contains("whatsapp-webhook-receive", "buffer-to-documentation", "whatsapp-outbound", "vault-purge")
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void everyRouteHasAnIdAndAOneLineDescriptionCitingItsRequirement() {
        for (Map.Entry<String, JsonNode> definition : definitions()) {
            String kind = definition.getKey();
            if (!Set.of("route", "routeTemplate", "routeConfiguration").contains(kind)) {
                continue;
            }
            JsonNode node = definition.getValue();
            String id = node.path("id").asText("");
            String description = node.path("description").asText("");
            assertThat(id).as("%s without id", kind).isNotBlank();
            assertThat(description)
                    .as("description of %s %s", kind, id)
                    .isNotBlank()
                    .doesNotContain("\n");
            if (!kind.equals("routeConfiguration") || id.equals("database-outage") || id.equals("graph-api-errors")) {
                assertThat(description)
                        .as("description of %s %s cites its requirement", kind, id)
                        .matches(CITES_REQUIREMENT);
            }
        }
    }

    @Test
    void everyConsumerThatTouchesTheDatabaseWaitsOutAnOutageInPlace() {
        List<String> consumers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> definition : definitions()) {
            JsonNode route = definition.getValue();
            String uri = route.path("from").path("uri").asText("");
            boolean consumer = uri.startsWith("jms:") || uri.startsWith("jms-batch:") || uri.startsWith("timer:");
            String id = route.path("id").asText();
            if (!definition.getKey().equals("route") || !consumer || WITHOUT_DATABASE.contains(id)) {
                continue;
            }
            consumers.add(id);
            assertThat(route.path("routeConfigurationId").asText("").split(","))
                    .as("route configurations of %s", id)
                    .contains("database-outage");
        }
        assertThat(consumers)
                .contains(
                        "buffer-to-documentation",
                        "conversation-lifecycle",
                        "whatsapp-outbound",
                        "media-download",
                        "outbound-requeue",
                        "routing-overflow",
                        "dialog-expiry",
                        "vault-purge");
    }

    @Test
    void everyQueueTheHubWritesToIsARouteStep() {
        String map =
                String.join("\n", routeFiles().stream().map(RoutesMapTest::read).toList());
        assertThat(map)
                .contains("to:\n            uri: \"jms-batch:queue:{{carehub.buffer.queue}}\"")
                .contains("to:\n            uri: \"jms-batch:queue:{{carehub.lifecycle.queue}}\"")
                .contains("to:\n            uri: \"jms-batch:queue:{{carehub.outbound.queue}}\"")
                // R19: hand-offs expire
                .contains("uri: \"jms:queue:carehub.pool.${header.carehubPool}?jmsMessageType=Text"
                        + "&explicitQosEnabled=true&timeToLive=${bean:handOffTimeToLive.millis}\"");
    }

    // i18-instances: one-instance jobs
    /** R46: every scheduled job runs on one instance (route policy oneInstance), but what each instance keeps itself. */
    @Test
    void everyScheduledJobRunsOnOneInstanceUnlessItIsInstanceLocal() {
        // the routing rules live in each instance's memory: every instance reloads its own copy
        Set<String> instanceLocal = Set.of("routing-rules-reload");
        List<String> jobs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> definition : definitions()) {
            JsonNode route = definition.getValue();
            String id = route.path("id").asText();
            if (!definition.getKey().equals("route")
                    || !route.path("from").path("uri").asText("").startsWith("timer:")
                    || instanceLocal.contains(id)) {
                continue;
            }
            jobs.add(id);
            assertThat(route.path("routePolicyRef").asText(""))
                    .as("route policy of %s", id)
                    .isEqualTo("oneInstance");
        }
        assertThat(jobs).containsExactlyInAnyOrderElementsOf(OneInstancePolicyTest.JOBS);
    }

    private static List<Map.Entry<String, JsonNode>> definitions() {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        for (Path file : routeFiles()) {
            try {
                for (JsonNode item : YAML.readTree(file.toFile())) {
                    item.fields().forEachRemaining(all::add);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            }
        }
        return all;
    }

    private static List<Path> routeFiles() {
        try (Stream<Path> files = Files.list(ROUTES)) {
            List<Path> yaml =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).isNotEmpty();
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // i18-parking: poison parking on every queue the hub consumes
    /** R12/R45: every JMS listener sets a poison aside and parks it with its labels (the buffer's consumer does so). */
    @Test
    void everyQueueListenerParksPoisonMessages() {
        List<String> listeners = new ArrayList<>();
        for (Map.Entry<String, JsonNode> definition : definitions()) {
            JsonNode route = definition.getValue();
            if (!definition.getKey().equals("route")
                    || !route.path("from").path("uri").asText("").startsWith("jms:")) {
                continue;
            }
            String id = route.path("id").asText();
            listeners.add(id);
            assertThat(route.path("routeConfigurationId").asText("").split(","))
                    .as("route configurations of %s", id)
                    .contains("poison-parking");
        }
        assertThat(listeners).contains("conversation-lifecycle", "whatsapp-outbound", "access-log-backlog");
    }
}
