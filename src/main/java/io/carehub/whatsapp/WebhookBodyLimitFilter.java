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
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R2: webhook bodies above the limit get 413 before anything reads them (checked on Content-Length).
 * A body within the limit is read once here: if it is not UTF-8 (RFC 8259 JSON always is) it gets 400,
 * since the route reads the body as characters and could neither verify nor parse it (it was a 500).
 */
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
        byte[] body = request.getInputStream().readNBytes((int) declared);
        if (!isUtf8(body)) {
            SECURITY.warn("webhook refused: body of {} bytes is not UTF-8", body.length);
            problem(response, 400, "Bad Request", "webhook body is not UTF-8 encoded JSON");
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
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
