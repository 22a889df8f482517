package io.carehub.whatsapp;

import io.carehub.ops.RouteReload;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.servlet.ServletEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R10: until Camel has started the webhook routes (it starts after Tomcat), while they stop, and while changed route
 * files are swapped in (R41), Meta gets 503, not 404.
 */
class WebhookReadinessFilter extends OncePerRequestFilter {

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"the hub is starting or stopping, retry later\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookReadinessFilter.class);

    // looked up on the first request, not injected: filters are created before the CamelContext, which must not be
    // hurried
    private final ObjectProvider<CamelContext> camelContext;
    private final ObjectProvider<RouteReload> routeReload;
    private volatile CamelContext camel;
    // found once Camel has started: copying and filtering every route on each webhook request would be per-message work
    private volatile List<String> webhookRouteIds = List.of();

    WebhookReadinessFilter(ObjectProvider<CamelContext> camelContext, ObjectProvider<RouteReload> routeReload) {
        this.camelContext = camelContext;
        this.routeReload = routeReload;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CamelContext camel = this.camel;
        if (camel == null) {
            camel = camelContext.getIfAvailable();
            this.camel = camel;
        }
        RouteReload reload = routeReload.getIfAvailable();
        if (camel != null && webhookRoutesStarted(camel) && (reload == null || !reload.swapping())) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warn(
                "webhook answered 503: {} {} arrived while the webhook routes are not started (Camel context {})",
                request.getMethod(),
                request.getRequestURI(),
                camel == null ? "not created" : camel.getStatus());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("application/problem+json");
        response.setContentLength(PROBLEM.length);
        response.getOutputStream().write(PROBLEM);
    }

    /** Camel is started and so is every route that consumes from its servlet (the routes under /webhooks). */
    private boolean webhookRoutesStarted(CamelContext camel) {
        if (!camel.isStarted()) {
            return false;
        }
        List<String> ids = webhookRouteIds;
        if (ids.isEmpty() || ids.stream().anyMatch(id -> camel.getRoute(id) == null)) {
            // first request after start-up, or a route was removed: look the servlet's routes up again
            ids = camel.getRoutes().stream()
                    .filter(r -> r.getEndpoint() instanceof ServletEndpoint)
                    .map(Route::getRouteId)
                    .toList();
            webhookRouteIds = ids;
        }
        return !ids.isEmpty()
                && ids.stream().allMatch(id -> camel.getRouteController().getRouteStatus(id) == ServiceStatus.Started);
    }
}
