package io.carehub.ops;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;

/** R41: a set of route files parsed into Camel's model, file by file (names in order), not yet running. */
record RouteSet(RouteFiles files, Map<String, RouteSet.Parsed> parsed) {

    /** What one file defines. */
    record Parsed(
            List<RouteDefinition> routes,
            List<RouteConfigurationDefinition> configurations,
            List<RouteTemplateDefinition> templates,
            List<TemplatedRouteDefinition> templatedRoutes) {

        /** The ids of the routes the file starts: its routes and the routes made from templates. */
        List<String> routeIds() {
            return Stream.concat(
                            routes.stream().map(RouteDefinition::getRouteId),
                            templatedRoutes.stream().map(TemplatedRouteDefinition::getRouteId))
                    .toList();
        }

        List<String> configurationIds() {
            return configurations.stream()
                    .map(RouteConfigurationDefinition::getId)
                    .toList();
        }

        List<String> templateIds() {
            return templates.stream().map(RouteTemplateDefinition::getId).toList();
        }

        /** The route configurations and templates its routes use (by id). */
        Set<String> uses() {
            Set<String> uses = new LinkedHashSet<>();
            for (RouteDefinition route : routes) {
                uses.addAll(configurationIdsOf(route));
            }
            templatedRoutes.forEach(route -> uses.add(route.getRouteTemplateRef()));
            return uses;
        }
    }

    static List<String> configurationIdsOf(RouteDefinition route) {
        String ids = route.getRouteConfigurationId();
        return ids == null
                ? List.of()
                : Arrays.stream(ids.split(","))
                        .map(String::trim)
                        .filter(id -> !id.isEmpty())
                        .toList();
    }

    String version() {
        return files.version();
    }

    /** Every route id of the set, file by file. */
    List<String> routeIds() {
        return parsed.values().stream().flatMap(p -> p.routeIds().stream()).toList();
    }

    /** The file that defines this route, configuration or template id, or null. */
    String fileOf(String id) {
        for (Map.Entry<String, Parsed> file : parsed.entrySet()) {
            Parsed p = file.getValue();
            if (p.routeIds().contains(id)
                    || p.configurationIds().contains(id)
                    || p.templateIds().contains(id)) {
                return file.getKey();
            }
        }
        return null;
    }
}
