package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R7/R8/R9: the steps of the outbound route: prepare a queued message, send it to the Graph API
 * (rate-limited, through the route graph-api-messages), record the answer (wamid or Meta's error).
 */
@Component("outboundSender")
public class OutboundSender {

    /** Re-engagement: the 24-hour window is closed (R9). */
    static final int WINDOW_CLOSED_CODE = 131047;
    /** The route that POSTs to the Graph API (routes/whatsapp-outbound.yaml). */
    static final String GRAPH_API_MESSAGES = "direct:graph-api-messages";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSender.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ProducerTemplate camel;
    private final GraphRateLimiter rateLimiter;
    private final WindowPolicy window;
    private final OutboundMessages outbound;
    private final OutboundProperties properties;
    private final WhatsappProperties whatsapp;
    private final ObjectMapper mapper;
    private final Environment environment;

    public OutboundSender(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ProducerTemplate camel,
            GraphRateLimiter rateLimiter, WindowPolicy window, OutboundMessages outbound, OutboundProperties properties,
            WhatsappProperties whatsapp, ObjectMapper mapper, Environment environment) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.camel = camel;
        this.rateLimiter = rateLimiter;
        this.window = window;
        this.outbound = outbound;
        this.properties = properties;
        this.whatsapp = whatsapp;
        this.mapper = mapper;
        this.environment = environment;
    }

    /** A queued message ready for the Graph API. */
    public record OutboundRequest(long messageId, long conversationId, String phoneNumberId, String type, String payload) {
    }

    /** The Graph API's answer. */
    public record GraphAnswer(OutboundRequest request, int status, String body) {
    }

    /** Thrown while the message row is not visible yet (its transaction commits right after the enqueue). */
    static final class OutboundRowMissingException extends RuntimeException {
        OutboundRowMissingException(long id) {
            super("outbound message " + id + " not found (yet)");
        }
    }

    /** Loads the queued message; null when it was sent before (redelivery) or the window closed meanwhile. */
    public OutboundRequest prepare(@Body String messageId) {
        long id = Long.parseLong(messageId.trim());
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select m.conversation_id, m.type, m.outbound_payload::text as payload, m.delivery_state,
                       c.business_phone_number_id
                  from message m join conversation c on c.id = m.conversation_id
                 where m.id = :id and m.direction = 'OUTBOUND'""", Map.of("id", id));
        if (rows.isEmpty()) {
            throw new OutboundRowMissingException(id);
        }
        Map<String, Object> row = rows.get(0);
        if (!"queued".equals(row.get("delivery_state"))) {
            LOG.info("outbound message {} already {}: not sent again", id, row.get("delivery_state"));
            return null;
        }
        long conversationId = ((Number) row.get("conversation_id")).longValue();
        String type = (String) row.get("type");
        try {
            window.check(conversationId, type); // R9: it may have closed while the message was queued
        } catch (WindowClosedException closed) {
            fail(id, null, closed.getReason().name() + ": " + closed.getMessage());
            return null;
        }
        return new OutboundRequest(id, conversationId, (String) row.get("business_phone_number_id"), type,
                (String) row.get("payload"));
    }

    /** R8: waits for the number's rate slot, then POSTs to the Graph API; throttling and 5xx throw to be retried. */
    public GraphAnswer send(@Body OutboundRequest request) {
        rateLimiter.acquire(request.phoneNumberId());
        jdbc.update("update message set send_attempts = send_attempts + 1 where id = :id", Map.of("id", request.messageId()));
        Exchange answer = camel.send(GRAPH_API_MESSAGES, exchange -> {
            exchange.setProperty("graphBaseUrl", graphBaseUrl());
            exchange.setProperty("phoneNumberId", request.phoneNumberId());
            exchange.getMessage().setBody(request.payload());
            exchange.getMessage().setHeader("Content-Type", "application/json");
            exchange.getMessage().setHeader("Authorization", "Bearer " + whatsapp.accessToken());
        });
        if (answer.getException() != null) {
            throw new GraphApiException(null, "Graph API unreachable: " + answer.getException().getClass().getSimpleName());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getMessage().getBody(String.class);
        Integer code = errorCode(body);
        if (GraphApiException.retryable(status, code)) {
            LOG.warn("Graph API throttled/failed outbound message {}: HTTP {} code {}", request.messageId(), status, code);
            throw new GraphApiException(code, "HTTP " + status + " code " + code + ": " + errorMessage(body));
        }
        return new GraphAnswer(request, status, body);
    }

    /** Stores the wamid, or Meta's error code and message (R7/R9). */
    public void record(@Body GraphAnswer answer) {
        long id = answer.request().messageId();
        JsonNode body = parse(answer.body());
        String wamid = body.path("messages").path(0).path("id").asText(null);
        if (answer.status() == 200 && wamid != null) {
            accepted(id, wamid);
            return;
        }
        Integer code = errorCode(answer.body());
        fail(id, code, "HTTP " + answer.status() + ": " + errorMessage(answer.body()));
        if (code != null && code == WINDOW_CLOSED_CODE && !properties.windowFallbackTemplate().isBlank()
                && !"template".equals(answer.request().type())) {
            try {
                // R9: Meta says the window is closed: the configured template goes instead
                outbound.send(answer.request().conversationId(), OutboundContent.template(
                        properties.windowFallbackTemplate(), properties.windowFallbackLanguage(), null), "system");
            } catch (WindowClosedException noConsent) {
                LOG.warn("fallback template for message {} not allowed: {}", id, noConsent.getReason());
            }
        }
    }

    /** After the last retry: the final outcome is recorded (R8). */
    public void exhausted(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause, @Body OutboundRequest request) {
        Integer code = cause instanceof GraphApiException graph ? graph.getCode() : null;
        fail(request.messageId(), code, "gave up after retries: " + cause.getMessage());
    }

    private void accepted(long id, String wamid) {
        tx.executeWithoutResult(status -> {
            // a status webhook may have overtaken the Graph API's answer and created a placeholder row
            List<Map<String, Object>> placeholder = jdbc.queryForList("""
                    delete from message where wamid = :wamid and type = 'pending' and direction = 'OUTBOUND'
                    returning delivery_state, delivery_updated_at, error_code, error_title""", Map.of("wamid", wamid));
            jdbc.update("""
                    update message set wamid = :wamid, delivery_state = 'accepted', delivery_updated_at = now(),
                                       sent_at = now(), last_error = null
                     where id = :id""", Map.of("wamid", wamid, "id", id));
            if (!placeholder.isEmpty()) {
                Map<String, Object> p = placeholder.get(0);
                jdbc.update("""
                        update message set delivery_state = :state, delivery_updated_at = :at,
                               error_code = :code, error_title = :title
                         where id = :id and delivery_rank(delivery_state) < delivery_rank(:state)""",
                        new MapSqlParameterSource().addValue("state", p.get("delivery_state"))
                                .addValue("at", p.get("delivery_updated_at")).addValue("code", p.get("error_code"))
                                .addValue("title", p.get("error_title")).addValue("id", id));
            }
        });
        LOG.info("outbound message {} accepted by the Graph API as {}", id, wamid);
    }

    private void fail(long id, Integer code, String error) {
        jdbc.update("""
                update message set delivery_state = 'failed', delivery_updated_at = now(), error_code = :code,
                                   last_error = :error
                 where id = :id""",
                new MapSqlParameterSource().addValue("code", code).addValue("error", error).addValue("id", id));
        LOG.warn("outbound message {} failed: code {}", id, code);
    }

    private String graphBaseUrl() {
        if (whatsapp.standIn()) {
            return "http://localhost:" + environment.getProperty("local.server.port", "8080") + GraphApiStandIn.PATH;
        }
        return whatsapp.graphBaseUrl().replaceAll("/+$", "");
    }

    private JsonNode parse(String body) {
        try {
            return body == null ? mapper.missingNode() : mapper.readTree(body);
        } catch (Exception notJson) {
            return mapper.missingNode();
        }
    }

    private Integer errorCode(String body) {
        JsonNode code = parse(body).path("error").path("code");
        return code.canConvertToInt() ? code.asInt() : null;
    }

    private String errorMessage(String body) {
        JsonNode error = parse(body).path("error");
        String message = error.path("message").asText("no error body");
        String details = error.path("error_data").path("details").asText("");
        return details.isEmpty() ? message : message + " (" + details + ")";
    }
}
