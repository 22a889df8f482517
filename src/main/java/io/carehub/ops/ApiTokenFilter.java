package io.carehub.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer-token protection of the agent/ops APIs (PRODUCT.md §4 security). A valid token also makes
 * the actuator health details visible (show-details: when-authorized).
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final Logger SECURITY = LoggerFactory.getLogger("carehub.security");

    private final List<byte[]> tokens;

    ApiTokenFilter(List<String> tokens) {
        this.tokens = tokens.stream()
                .filter(t -> !t.isBlank())
                .map(t -> t.trim().getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean valid = validToken(request.getHeader("Authorization"));
        if (valid) {
            chain.doFilter(new AuthenticatedRequest(request), response);
            return;
        }
        if (isOpen(path)) {
            chain.doFilter(request, response);
            return;
        }
        SECURITY.warn(
                "API request refused: {} token, {} {}",
                request.getHeader("Authorization") == null ? "missing" : "invalid",
                request.getMethod(),
                path);
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"carehub\"");
        response.setContentType("application/problem+json");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"a valid bearer token (carehub.api.tokens) is required\"}");
    }

    private static boolean isOpen(String path) {
        return !path.startsWith("/api/")
                && !path.equals("/api")
                && (!path.startsWith("/actuator")
                        || path.startsWith("/actuator/health")
                        || path.equals("/actuator/prometheus")
                        || path.equals("/actuator"));
    }

    private boolean validToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            match |= MessageDigest.isEqual(token, given); // constant time, no early exit
        }
        return match;
    }

    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private static final Principal API_CLIENT = () -> "api-client";

        AuthenticatedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return API_CLIENT;
        }
    }
}
