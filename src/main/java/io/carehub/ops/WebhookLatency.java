package io.carehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R42: the webhook's latency as Meta sees it — from the request's arrival to its answer, signature check, buffering
 * and 503s included — as the timer {@code carehub.webhook{method, status}} with a percentile histogram, so Prometheus
 * computes p50 and p99 across instances ({@code histogram_quantile} over {@code carehub_webhook_seconds_bucket}).
 */
class WebhookLatency extends OncePerRequestFilter {

    private final MeterRegistry registry;
    // one timer per method and status, looked up once: this runs on every webhook request
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    WebhookLatency(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            timer(request.getMethod(), response.getStatus()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String method, int status) {
        String method0 = "POST".equals(method) || "GET".equals(method) ? method : "OTHER";
        return timers.computeIfAbsent(
                method0 + status,
                key -> Timer.builder("carehub.webhook")
                        .description(
                                "WhatsApp webhook requests from arrival to answer (R10), by method and HTTP status")
                        .tag("method", method0)
                        .tag("status", String.valueOf(status))
                        .publishPercentileHistogram()
                        .register(registry));
    }
}
