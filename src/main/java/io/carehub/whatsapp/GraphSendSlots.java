package io.carehub.whatsapp;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.springframework.stereotype.Component;

/**
 * R8: the Graph API client's last step before a message request is written to the connection: it waits for the
 * business number's send slot ({@link GraphRateLimiter}) after everything that can take time has happened (the route's
 * steps, the connection leased from the pool and set up), so the request leaves at its slot. Every attempt passes
 * here, the client's own retries and the route's redeliveries (graph-api-errors) too, so none bypasses the rate.
 * Configured on the route graph-api-messages ({@code httpClientConfigurer: "#graphSendSlots"}).
 */
@Component("graphSendSlots")
class GraphSendSlots implements HttpClientConfigurer {

    /** With carehub.outbound.rate-trace: the slot (database clock), its local due time and the departure (µs). */
    static final String SLOT_HEADER = "X-Carehub-Slot";

    static final String DUE_HEADER = "X-Carehub-Due";
    static final String SENT_HEADER = "X-Carehub-Sent";

    private final GraphRateLimiter rateLimiter;
    private final boolean trace;

    GraphSendSlots(GraphRateLimiter rateLimiter, OutboundProperties properties) {
        this.rateLimiter = rateLimiter;
        this.trace = properties.rateTrace();
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "carehub-send-slot", new LastStep());
    }

    /** The business phone number id: the path segment before {@code /messages} ({version}/{phone-number-id}/messages). */
    static String phoneNumberId(String path) {
        String[] segments = path.split("/");
        if (segments.length < 2 || !"messages".equals(segments[segments.length - 1])) {
            throw new IllegalArgumentException("not a Graph API message request: " + path);
        }
        return segments[segments.length - 2];
    }

    private final class LastStep implements ExecChainHandler {
        @Override
        public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
                throws IOException, HttpException {
            GraphRateLimiter.Slot slot = rateLimiter.acquire(phoneNumberId(request.getPath()));
            if (trace) {
                long now = System.nanoTime();
                long wall = epochMicros(Instant.now());
                request.setHeader(SLOT_HEADER, Long.toString(slot.epochMicros()));
                request.setHeader(DUE_HEADER, Long.toString(wall - (now - slot.due()) / 1000));
                request.setHeader(SENT_HEADER, Long.toString(wall));
            }
            return chain.proceed(request, scope);
        }
    }

    private static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
