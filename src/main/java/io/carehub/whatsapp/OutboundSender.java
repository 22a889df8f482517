package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.Messages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
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

    private final Messages messages;
    private final MessageQueries messageQueries;
    private final TransactionTemplate tx;
    private final ProducerTemplate camel;
    private final WindowPolicy window;
    private final OutboundMessages outbound;
    private final OutboundProperties properties;
    private final WhatsappProperties whatsapp;
    private final ObjectMapper mapper;
    private final Environment environment;
    private final MeterRegistry registry;

    public OutboundSender(
            Messages messages,
            MessageQueries messageQueries,
            TransactionTemplate tx,
            ProducerTemplate camel,
            WindowPolicy window,
            OutboundMessages outbound,
            OutboundProperties properties,
            WhatsappProperties whatsapp,
            ObjectMapper mapper,
            Environment environment,
            MeterRegistry registry) {
        this.messages = messages;
        this.messageQueries = messageQueries;
        this.tx = tx;
        this.camel = camel;
        this.window = window;
        this.outbound = outbound;
        this.properties = properties;
        this.whatsapp = whatsapp;
        this.mapper = mapper;
        this.environment = environment;
        this.registry = registry;
    }

    /** A queued message ready for the Graph API. */
    public record OutboundRequest(
            long messageId, long conversationId, String phoneNumberId, String type, String payload) {}

    /** The Graph API's answer. */
    public record GraphAnswer(OutboundRequest request, int status, String body) {}

    /** Thrown while the message row is not visible yet (its transaction commits right after the enqueue). */
    static final class OutboundRowMissingException extends RuntimeException {
        OutboundRowMissingException(long id) {
            super("outbound message " + id + " not found (yet)");
        }
    }

    /** Loads the queued message; null when it was sent before (redelivery) or the window closed meanwhile. */
    public OutboundRequest prepare(@Body String messageId) {
        long id = Long.parseLong(messageId.trim());
        MessageQueries.Outbound row =
                messageQueries.outbound(id).orElseThrow(() -> new OutboundRowMissingException(id));
        if (!"queued".equals(row.deliveryState())) {
            LOG.info("outbound message {} already {}: not sent again", id, row.deliveryState());
            return null;
        }
        long conversationId = row.conversationId();
        String type = row.type();
        try {
            window.check(conversationId, type); // R9: it may have closed while the message was queued
        } catch (WindowClosedException closed) {
            fail(id, null, closed.getReason().name() + ": " + closed.getMessage());
            return null;
        }
        return new OutboundRequest(id, conversationId, row.businessPhoneNumberId(), type, row.payload());
    }

    /** R8: POSTs to the Graph API at the number's rate slot; throttling and 5xx throw to be retried. */
    public GraphAnswer send(@Body OutboundRequest request) {
        messages.countAttempt(request.messageId());
        // the number's rate slot is taken by the HTTP client right before the request is written (GraphSendSlots)
        Exchange answer = camel.send(GRAPH_API_MESSAGES, exchange -> {
            exchange.setProperty("graphBaseUrl", graphBaseUrl());
            exchange.setProperty("phoneNumberId", request.phoneNumberId());
            exchange.getMessage().setBody(request.payload());
            exchange.getMessage().setHeader("Content-Type", "application/json");
            exchange.getMessage().setHeader("Authorization", "Bearer " + whatsapp.accessToken());
        });
        if (answer.getException() != null) {
            rethrowDatabaseOutage(answer.getException());
            throw new GraphApiException(
                    null,
                    "Graph API unreachable: " + answer.getException().getClass().getSimpleName());
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = answer.getMessage().getBody(String.class);
        Integer code = errorCode(body);
        if (GraphApiException.retryable(status, code)) {
            LOG.warn(
                    "Graph API throttled/failed outbound message {}: HTTP {} code {}",
                    request.messageId(),
                    status,
                    code);
            throw new GraphApiException(code, "HTTP " + status + " code " + code + ": " + errorMessage(body));
        }
        return new GraphAnswer(request, status, body);
    }

    /** R12: the send slot's database was unavailable: the route waits in place (database-outage), not a Graph API error. */
    private static void rethrowDatabaseOutage(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException) {
                throw (RuntimeException) cause;
            }
        }
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
        String error = "HTTP " + answer.status() + ": " + errorMessage(answer.body());
        if (code != null && code == RecipientNotSupportedException.CODE) {
            // R52: recorded so that agents get a 409 for this template to customers without phone number
            error = "BSUID_RECIPIENT_NOT_SUPPORTED: " + error;
        }
        fail(id, code, error);
        if (code != null && code == WINDOW_CLOSED_CODE) {
            // R9: Meta says the window is closed: recorded, so the next free-form message is refused by the hub
            window.closedByMeta(answer.request().conversationId());
        }
        if (code != null
                && code == WINDOW_CLOSED_CODE
                && !properties.windowFallbackTemplate().isBlank()
                && !"template".equals(answer.request().type())) {
            try {
                // R9: Meta says the window is closed: the configured template goes instead
                outbound.send(
                        answer.request().conversationId(),
                        OutboundContent.template(
                                properties.windowFallbackTemplate(), properties.windowFallbackLanguage(), null),
                        "system");
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
        tx.executeWithoutResult(status -> messages.accepted(id, wamid)); // with a status that overtook the answer
        LOG.info("outbound message {} accepted by the Graph API as {}", id, wamid);
        count("accepted", null);
    }

    private void fail(long id, Integer code, String error) {
        messages.failed(id, code, error);
        LOG.warn("outbound message {} failed: code {}", id, code);
        count("failed", code);
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

    // R42 metrics: the Graph API's final answer per outbound message, by Meta's error code
    private void count(String outcome, Integer code) {
        Counter.builder("carehub.outbound.sends")
                .description("Outbound messages by the Graph API's final answer (R7/R8) and Meta error code")
                .tag("outcome", outcome)
                .tag("code", code == null ? "none" : String.valueOf(code))
                .register(registry)
                .increment();
    }
}
