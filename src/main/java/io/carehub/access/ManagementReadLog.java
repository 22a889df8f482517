package io.carehub.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R47: an ops read of a management endpoint (health details, metrics, SBOM, ...), on the application's port or on
 * Actuator's own, is in the access log like every other API call: who, role, what ({@code GET /actuator/metrics}).
 * It sits in the security chain after authorization, which both ports pass; tokenless reads (Prometheus' scrape of
 * the management port, liveness probes) name nobody and read no personal data, so they are not logged.
 */
final class ManagementReadLog extends OncePerRequestFilter {

    private final AccessLog accessLog;
    private final Callers callers;

    ManagementReadLog(AccessLog accessLog, Callers callers) {
        this.accessLog = accessLog;
        this.callers = callers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/actuator") || path.startsWith("/actuator/"))
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = callers.current();
        if (caller.has(Role.OPS)) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            accessLog.otherOrHeld(caller, Role.OPS, AccessLog.Action.MANAGEMENT_READ, request.getMethod() + " " + path);
        }
        chain.doFilter(request, response);
    }
}
