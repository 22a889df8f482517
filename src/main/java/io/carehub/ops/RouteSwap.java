package io.carehub.ops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R41: replaces the running routes of the changed files by those of a validated set. Only the affected routes stop,
 * gracefully (Camel's shutdown strategy: in-flight exchanges finish; transacted JMS consumers leave what they did not
 * commit on the broker, so nothing is lost); the routes of unchanged files keep running. A file is affected when it
 * changed, or when its routes use a route configuration or template of a changed or removed file. If the new routes
 * fail to start, the previous ones are put back from the previous files' content.
 */
@Component
class RouteSwap {

    private static final Logger LOG = LoggerFactory.getLogger(RouteSwap.class);

    private final CamelContext camel;
    private final RouteSetValidator validator;

    RouteSwap(CamelContext camel, RouteSetValidator validator) {
        this.camel = camel;
        this.validator = validator;
    }

    /** Swaps {@code running} for {@code next}; returns the affected files (changed, added, removed). */
    Set<String> apply(RouteSet running, RouteSet next) throws Exception {
        Set<String> affected = affected(running, next);
        Set<String> leaving = new LinkedHashSet<>(affected);
        leaving.retainAll(running.parsed().keySet());
        remove(running, leaving);
        try {
            Set<String> arriving = new LinkedHashSet<>(affected);
            arriving.retainAll(next.parsed().keySet());
            add(next, arriving);
        } catch (Exception e) {
            restore(running, next, affected, e);
            throw e;
        }
        return affected;
    }

    private Set<String> affected(RouteSet running, RouteSet next) {
        Set<String> changed = new LinkedHashSet<>();
        for (String file : next.parsed().keySet()) {
            if (!running.parsed().containsKey(file)
                    || !Objects.equals(running.files().hash(file), next.files().hash(file))) {
                changed.add(file);
            }
        }
        for (String file : running.parsed().keySet()) {
            if (!next.parsed().containsKey(file)) {
                changed.add(file);
            }
        }
        Set<String> changedIds = new HashSet<>();
        for (RouteSet set : List.of(running, next)) {
            for (Map.Entry<String, RouteSet.Parsed> file : set.parsed().entrySet()) {
                if (changed.contains(file.getKey())) {
                    changedIds.addAll(file.getValue().configurationIds());
                    changedIds.addAll(file.getValue().templateIds());
                }
            }
        }
        Set<String> affected = new LinkedHashSet<>(changed);
        for (Map.Entry<String, RouteSet.Parsed> file : next.parsed().entrySet()) {
            Set<String> uses = new HashSet<>(file.getValue().uses());
            uses.retainAll(changedIds);
            if (!uses.isEmpty()) {
                affected.add(file.getKey());
            }
        }
        return affected;
    }

    /** Stops the files' routes (graceful, each within the shutdown timeout), then removes them and their definitions. */
    private void remove(RouteSet set, Set<String> files) throws Exception {
        Model model = model();
        List<String> routeIds = new ArrayList<>();
        files.forEach(file -> routeIds.addAll(set.parsed().get(file).routeIds()));
        for (String id : routeIds) {
            if (camel.getRoute(id) != null) {
                camel.getRouteController().stopRoute(id);
            }
        }
        for (String id : routeIds) {
            RouteDefinition definition = model.getRouteDefinition(id);
            if (definition != null) {
                model.removeRouteDefinition(definition);
            }
            if (camel.getRoute(id) != null) {
                camel.removeRoute(id);
            }
        }
        for (String file : files) {
            for (String id : set.parsed().get(file).templateIds()) {
                RouteTemplateDefinition template = model.getRouteTemplateDefinition(id);
                if (template != null) {
                    model.removeRouteTemplateDefinition(template);
                }
            }
            for (String id : set.parsed().get(file).configurationIds()) {
                RouteConfigurationDefinition configuration = model.getRouteConfigurationDefinition(id);
                if (configuration != null) {
                    model.removeRouteConfiguration(configuration);
                }
            }
        }
    }

    /** Adds the files' route configurations and templates first, then their routes, which start at once. */
    private void add(RouteSet set, Set<String> files) throws Exception {
        Model model = model();
        for (String file : files) {
            model.addRouteConfigurations(set.parsed().get(file).configurations());
            model.addRouteTemplateDefinitions(set.parsed().get(file).templates());
        }
        for (String file : files) {
            model.addRouteDefinitions(set.parsed().get(file).routes());
            for (TemplatedRouteDefinition route : set.parsed().get(file).templatedRoutes()) {
                model.addRouteFromTemplatedRoute(route);
            }
        }
    }

    /** The new routes did not start: whatever of them did is removed and the previous files' routes come back. */
    private void restore(RouteSet running, RouteSet next, Set<String> affected, Exception cause) {
        LOG.error(
                "routes of version {} failed to start ({}); putting back version {}",
                next.version(),
                RouteSetRejectedException.oneLine(cause),
                running.version());
        try {
            Set<String> arrived = new LinkedHashSet<>(affected);
            arrived.retainAll(next.parsed().keySet());
            remove(next, arrived);
            Set<String> back = new LinkedHashSet<>(affected);
            back.retainAll(running.parsed().keySet());
            add(validator.parse(running.files()), back); // fresh definitions of the previous content
        } catch (Exception e) {
            LOG.error(
                    "putting back route files version {} failed: {}",
                    running.version(),
                    RouteSetRejectedException.oneLine(e));
        }
    }

    private Model model() {
        return camel.getCamelContextExtension().getContextPlugin(Model.class);
    }
}
