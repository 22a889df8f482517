package io.carehub.whatsapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/** R2: webhook bodies above the limit get 413 before anything reads them (checked on Content-Length). */
class WebhookBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger SECURITY = LoggerFactory.getLogger("carehub.security");

    private final long limit;

    WebhookBodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared < 0) {
            // Meta always sends Content-Length; without it the size cannot be checked before reading
            SECURITY.warn("webhook refused: POST without Content-Length");
            problem(response, 411, "Length Required", "webhook POST needs a Content-Length header");
            return;
        }
        if (declared > limit) {
            SECURITY.warn("webhook refused: body of {} bytes is larger than {} bytes", declared, limit);
            problem(response, 413, "Payload Too Large", "webhook body larger than " + limit + " bytes");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setHeader("Connection", "close");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
