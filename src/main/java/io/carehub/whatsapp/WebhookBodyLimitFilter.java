package io.carehub.whatsapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R2: webhook bodies above the limit get 413 before anything reads them (checked on Content-Length).
 * A body within the limit is read once here: if it is not UTF-8 (RFC 8259 JSON always is) it gets 400,
 * since the route reads the body as characters and could neither verify nor parse it (it was a 500).
 * §4 Security: bodies arrive before their signature can be checked, so slow or huge unsigned bodies must not
 * exhaust threads or heap: at most {@code maxConcurrentReads} bodies are read at once (more → 503 at once), and a
 * body not complete within {@code readTimeout} → 408; both close the connection.
 */
class WebhookBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger SECURITY = LoggerFactory.getLogger("carehub.security");
    /** A legitimate body is read in well under this; a request finding every permit taken waits no longer. */
    private static final long PERMIT_WAIT_MILLIS = 100;

    private final long limit;
    private final int maxConcurrentReads;
    private final long readTimeoutNanos;
    private final Semaphore reads;

    WebhookBodyLimitFilter(long limit, int maxConcurrentReads, Duration readTimeout) {
        this.limit = limit;
        this.maxConcurrentReads = maxConcurrentReads;
        this.readTimeoutNanos = readTimeout.toNanos();
        this.reads = new Semaphore(maxConcurrentReads);
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
        if (!acquire()) {
            SECURITY.warn("webhook refused: {} bodies are being read already", maxConcurrentReads);
            response.setHeader("Retry-After", "1");
            problem(response, 503, "Service Unavailable", "too many webhook bodies in transit, retry later");
            return;
        }
        byte[] body;
        try {
            body = readWithinDeadline(request.getInputStream(), (int) declared);
        } catch (SocketTimeoutException | BodyTooSlowException e) {
            SECURITY.warn("webhook refused: body of {} bytes not received in time", declared);
            problem(response, 408, "Request Timeout", "webhook body not received in time");
            return;
        } finally {
            reads.release();
        }
        if (!isUtf8(body)) {
            SECURITY.warn("webhook refused: body of {} bytes is not UTF-8", body.length);
            problem(response, 400, "Bad Request", "webhook body is not UTF-8 encoded JSON");
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
    }

    private boolean acquire() {
        try {
            return reads.tryAcquire(PERMIT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Up to {@code length} bytes (fewer if the stream ends), given up once the read timeout has passed. */
    private byte[] readWithinDeadline(InputStream in, int length) throws IOException, BodyTooSlowException {
        long deadline = System.nanoTime() + readTimeoutNanos;
        byte[] body = new byte[Math.min(length, 64 * 1024)];
        int read = 0;
        while (read < length) {
            if (read == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int n = in.read(body, read, body.length - read);
            if (n < 0) {
                break;
            }
            read += n;
            if (read < length && System.nanoTime() - deadline > 0) {
                throw new BodyTooSlowException();
            }
        }
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private static final class BodyTooSlowException extends Exception {
        BodyTooSlowException() {
            super(null, null, false, false);
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The request with the body this filter already read. */
    private static final class ReadBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the webhook body is read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        // JSON is UTF-8 (RFC 8259); the servlet default for a writer would be ISO-8859-1
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
