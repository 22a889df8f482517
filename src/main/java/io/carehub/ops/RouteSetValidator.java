package io.carehub.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.URISupport;
import org.springframework.stereotype.Component;

/**
 * R41: checks a whole set of route files before it may replace the running routes. Each file parses with Camel's YAML
 * DSL; every route, configuration and template has an id, unique in the set; every route configuration and template a
 * route names is in the set; every endpoint resolves (component, options, property placeholders); every bean a step,
 * a circuit breaker or a redelivery policy names is in the registry, with the method the step calls. Nothing is
 * started or replaced here.
 */
@Component
class RouteSetValidator {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{bean:([A-Za-z0-9_\\-]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}:]+)(:[^}]*)?}}");

    private final CamelContext camel;

    RouteSetValidator(CamelContext camel) {
        this.camel = camel;
    }

    /** The parsed set, or the first problem found (file and problem). */
    RouteSet validate(RouteFiles files, RouteSet running) throws RouteSetRejectedException {
        if (files.contents().isEmpty()) {
            throw new RouteSetRejectedException(
                    files.directory().toString(), "no route files: R41 never runs without routes");
        }
        RouteSet set = parse(files);
        checkIds(set, running);
        for (Map.Entry<String, RouteSet.Parsed> file : set.parsed().entrySet()) {
            checkReferences(file.getKey(), file.getValue(), set);
            checkTextReferences(file.getKey(), files.contents().get(file.getKey()), file.getValue());
        }
        return set;
    }

    /** Parses every file into Camel's model (nothing is added to the context). */
    RouteSet parse(RouteFiles files) throws RouteSetRejectedException {
        Map<String, RouteSet.Parsed> parsed = new LinkedHashMap<>();
        for (String file : files.contents().keySet()) {
            parsed.put(
                    file,
                    parse(
                            file,
                            ResourceHelper.fromBytes(
                                    files.location(file), files.contents().get(file))));
        }
        return new RouteSet(files, Collections.unmodifiableMap(parsed));
    }

    private RouteSet.Parsed parse(String file, Resource resource) throws RouteSetRejectedException {
        List<RouteDefinition> routes = new ArrayList<>();
        List<RouteConfigurationDefinition> configurations = new ArrayList<>();
        List<RouteTemplateDefinition> templates = new ArrayList<>();
        List<TemplatedRouteDefinition> templatedRoutes = new ArrayList<>();
        try {
            for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(List.of(resource))) {
                if (!(builder instanceof RouteBuilder routeBuilder)) {
                    throw new RouteSetRejectedException(file, "not a YAML route file");
                }
                routeBuilder.setCamelContext(camel);
                if (builder instanceof RouteConfigurationBuilder configurationBuilder) {
                    configurationBuilder.getRouteConfigurationCollection().setCamelContext(camel);
                    configurationBuilder.configuration();
                    configurations.addAll(configurationBuilder
                            .getRouteConfigurationCollection()
                            .getRouteConfigurations());
                }
                routes.addAll(routeBuilder.configureRoutes(camel).getRoutes());
                templates.addAll(routeBuilder.getRouteTemplateCollection().getRouteTemplates());
                templatedRoutes.addAll(
                        routeBuilder.getTemplatedRouteCollection().getTemplatedRoutes());
                if (!routeBuilder.getRestCollection().getRests().isEmpty()) {
                    throw new RouteSetRejectedException(
                            file, "rest definitions are not reloaded from the routes directory");
                }
            }
        } catch (RouteSetRejectedException e) {
            throw e;
        } catch (Exception e) {
            throw new RouteSetRejectedException(file, RouteSetRejectedException.oneLine(e));
        }
        return new RouteSet.Parsed(
                List.copyOf(routes), List.copyOf(configurations), List.copyOf(templates), List.copyOf(templatedRoutes));
    }

    /** Every route, configuration and template has an id, unique in the set and not taken by a route from elsewhere. */
    private void checkIds(RouteSet set, RouteSet running) throws RouteSetRejectedException {
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, RouteSet.Parsed> file : set.parsed().entrySet()) {
            RouteSet.Parsed p = file.getValue();
            for (RouteDefinition route : p.routes()) {
                if (!route.hasCustomIdAssigned()) {
                    throw new RouteSetRejectedException(
                            file.getKey(),
                            "a route from " + sanitize(route.getInput().getEndpointUri())
                                    + " has no id (routes are swapped by id)");
                }
            }
            List<String> ids = new ArrayList<>(p.routeIds());
            ids.addAll(p.configurationIds());
            ids.addAll(p.templateIds());
            for (String id : ids) {
                if (id == null || id.isBlank()) {
                    throw new RouteSetRejectedException(
                            file.getKey(), "a route configuration, template or templated route has no id");
                }
                String other = seen.put(id, file.getKey());
                if (other != null) {
                    throw new RouteSetRejectedException(
                            file.getKey(), "id " + id + " is not unique (also in " + other + ")");
                }
            }
        }
        Set<String> fromFiles = new HashSet<>(running.routeIds());
        for (Route route : camel.getRoutes()) {
            String file = seen.get(route.getRouteId());
            if (file != null && !fromFiles.contains(route.getRouteId())) {
                throw new RouteSetRejectedException(
                        file,
                        "route id " + route.getRouteId() + " is taken by a route not loaded from the routes directory");
            }
        }
    }

    private void checkReferences(String file, RouteSet.Parsed parsed, RouteSet set) throws RouteSetRejectedException {
        Set<String> configurations = new HashSet<>();
        Set<String> templates = new HashSet<>();
        set.parsed().values().forEach(p -> {
            configurations.addAll(p.configurationIds());
            templates.addAll(p.templateIds());
        });
        for (RouteDefinition route : parsed.routes()) {
            String owner = "route " + route.getRouteId();
            for (String id : RouteSet.configurationIdsOf(route)) {
                if (!id.contains("*") && !configurations.contains(id)) {
                    throw new RouteSetRejectedException(file, owner + ": no route configuration " + id);
                }
            }
            endpoint(file, owner, route.getInput().getEndpointUri());
            steps(file, owner, route.getOutputs(), true);
        }
        for (RouteConfigurationDefinition configuration : parsed.configurations()) {
            String owner = "route configuration " + configuration.getId();
            for (OnExceptionDefinition onException : configuration.getOnExceptions()) {
                if (onException.getRedeliveryPolicyRef() != null) {
                    bean(file, owner, onException.getRedeliveryPolicyRef(), null);
                }
                steps(file, owner, onException.getOutputs(), true);
            }
        }
        for (RouteTemplateDefinition template : parsed.templates()) {
            // endpoints hold the template's parameters: checked on the routes made from it, when they are created
            steps(
                    file,
                    "route template " + template.getId(),
                    template.getRoute().getOutputs(),
                    false);
        }
        for (TemplatedRouteDefinition route : parsed.templatedRoutes()) {
            if (!templates.contains(route.getRouteTemplateRef())) {
                throw new RouteSetRejectedException(
                        file, "route " + route.getRouteId() + ": no route template " + route.getRouteTemplateRef());
            }
        }
    }

    /** Every step below these outputs, nested ones (choice, filter, split, circuit breaker and its fallback) too. */
    private void steps(String file, String owner, List<ProcessorDefinition<?>> outputs, boolean endpoints)
            throws RouteSetRejectedException {
        Deque<ProcessorDefinition<?>> todo = new ArrayDeque<>(outputs);
        Set<ProcessorDefinition<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            ProcessorDefinition<?> step = todo.pop();
            if (!seen.add(step)) {
                continue;
            }
            todo.addAll(step.getOutputs());
            if (step instanceof ChoiceDefinition choice) {
                choice.getWhenClauses().forEach(when -> todo.addAll(when.getOutputs()));
                if (choice.getOtherwise() != null) {
                    todo.addAll(choice.getOtherwise().getOutputs());
                }
            }
            if (step instanceof CircuitBreakerDefinition breaker) {
                if (breaker.getOnFallback() != null) {
                    todo.addAll(breaker.getOnFallback().getOutputs());
                }
                if (breaker.getConfiguration() != null) {
                    bean(file, owner, breaker.getConfiguration(), null);
                }
            }
            if (step instanceof BeanDefinition bean && bean.getRef() != null) {
                bean(file, owner, bean.getRef(), bean.getMethod());
            }
            if (step instanceof ProcessDefinition process && process.getRef() != null) {
                bean(file, owner, process.getRef(), null);
            }
            if (endpoints && step instanceof EndpointRequiredDefinition target && target.getEndpointUri() != null) {
                endpoint(file, owner, target.getEndpointUri());
            }
            if (endpoints && step instanceof ToDynamicDefinition dynamic) {
                endpoint(file, owner, dynamic.getUri());
            }
        }
    }

    /** The endpoint resolves: its placeholders, its component and its options; a dynamic one by its component. */
    private void endpoint(String file, String owner, String uri) throws RouteSetRejectedException {
        String resolved;
        try {
            resolved = camel.resolvePropertyPlaceholders(uri);
        } catch (RuntimeException e) {
            throw new RouteSetRejectedException(file, owner + ": " + RouteSetRejectedException.oneLine(e));
        }
        int dynamic = resolved.indexOf("${");
        if (dynamic >= 0) {
            int colon = resolved.indexOf(':');
            if (colon > 0 && colon < dynamic && camel.getComponent(resolved.substring(0, colon)) == null) {
                throw new RouteSetRejectedException(
                        file, owner + ": no component " + resolved.substring(0, colon) + " for " + sanitize(uri));
            }
            return;
        }
        boolean known = camel.hasEndpoint(resolved) != null;
        try {
            Endpoint endpoint = camel.getEndpoint(resolved);
            if (endpoint == null) {
                throw new RouteSetRejectedException(file, owner + ": endpoint " + sanitize(uri) + " does not resolve");
            }
            if (!known) {
                camel.removeEndpoint(endpoint); // only checked here; the swap creates it again
            }
        } catch (RouteSetRejectedException e) {
            throw e;
        } catch (Exception e) {
            throw new RouteSetRejectedException(
                    file, owner + ": endpoint " + sanitize(uri) + ": " + RouteSetRejectedException.oneLine(e));
        }
    }

    private void bean(String file, String owner, String name, String method) throws RouteSetRejectedException {
        Object bean = camel.getRegistry().lookupByName(name);
        if (bean == null) {
            throw new RouteSetRejectedException(file, owner + ": no bean " + name);
        }
        if (method != null
                && Arrays.stream(bean.getClass().getMethods())
                        .noneMatch(m -> m.getName().equals(method))) {
            throw new RouteSetRejectedException(file, owner + ": bean " + name + " has no method " + method);
        }
    }

    /** Beans named in simple expressions (${bean:name}) and property placeholders outside comments. */
    private void checkTextReferences(String file, byte[] content, RouteSet.Parsed parsed)
            throws RouteSetRejectedException {
        Set<String> templateParameters = new HashSet<>();
        for (RouteTemplateDefinition template : parsed.templates()) {
            for (RouteTemplateParameterDefinition parameter : template.getTemplateParameters()) {
                templateParameters.add(parameter.getName());
            }
        }
        StringBuilder code = new StringBuilder();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
            if (!line.stripLeading().startsWith("#")) {
                code.append(line).append('\n');
            }
        }
        Matcher bean = BEAN_EXPRESSION.matcher(code);
        while (bean.find()) {
            bean(file, "expression", bean.group(1), null);
        }
        Matcher placeholder = PLACEHOLDER.matcher(code);
        while (placeholder.find()) {
            String key = placeholder.group(1).trim();
            if (placeholder.group(2) == null
                    && !templateParameters.contains(key)
                    && camel.getPropertiesComponent().resolveProperty(key).isEmpty()) {
                throw new RouteSetRejectedException(file, "unknown property placeholder {{" + key + "}}");
            }
        }
    }

    private static String sanitize(String uri) {
        return uri == null ? "?" : URISupport.sanitizeUri(uri);
    }
}
