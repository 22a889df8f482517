package io.carehub.dialog;

import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R23: the call to a dialog platform inside its route's circuit breaker, and the switch to the configured
 * fallback while a platform is unavailable. The session is opened on the first turn on a platform.
 */
@Component("dialogCalls")
public class DialogCalls {

    private static final Logger LOG = LoggerFactory.getLogger(DialogCalls.class);

    private final Dialogs dialogs;
    private final DialogRouting routing;

    DialogCalls(Dialogs dialogs, DialogRouting routing) {
        this.dialogs = dialogs;
        this.routing = routing;
    }

    /** Sends the pseudonymized text; failures are thrown to the circuit breaker. */
    @Handler
    public DialogReply call(
            @Body String pseudonymizedText,
            @Header(DialogGate.DIALOG_HEADER) String dialog,
            @Header(DialogTurns.PLATFORM_HEADER) String platformName) {
        UUID dialogId = UUID.fromString(dialog);
        DialogPlatform platform = routing.platform(platformName);
        Dialogs.Dialog current = dialogs.find(dialogId).orElseThrow();
        String session = current.platformSessionId();
        if (session == null || !platformName.equals(current.platform())) {
            session = platform.openSession(dialogId.toString());
            dialogs.session(dialogId, platformName, session);
        }
        DialogReply reply = platform.send(new DialogTurn(dialogId.toString(), session, pseudonymizedText));
        if (reply.platformSessionId() != null && !reply.platformSessionId().equals(session)) {
            dialogs.session(
                    dialogId, platformName, reply.platformSessionId()); // the platform re-created an expired session
        }
        return reply;
    }

    /** Fallback of the circuit breaker: no answer (body null); the cause is logged without content. */
    public void unavailable(Exchange exchange) {
        Throwable cause = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        LOG.warn(
                "dialog platform {} unavailable for dialog {}: {}",
                exchange.getMessage().getHeader(DialogTurns.PLATFORM_HEADER),
                exchange.getMessage().getHeader(DialogGate.DIALOG_HEADER),
                cause == null
                        ? "circuit breaker open"
                        : cause.getClass().getSimpleName()
                                + (cause instanceof DialogPlatformException failure
                                        ? " status " + failure.status()
                                        : ""));
        exchange.getMessage().setBody(null);
    }

    /** Sets header {@value DialogTurns#PLATFORM_HEADER} to the unavailable platform's fallback (another platform or agents). */
    public void fallback(Exchange exchange) {
        String failed = exchange.getMessage().getHeader(DialogTurns.PLATFORM_HEADER, String.class);
        String next = routing.fallback(failed);
        if (next.equals(failed)) {
            next = DialogRouting.AGENTS;
        }
        LOG.info(
                "dialog {} falls back from {} to {}",
                exchange.getMessage().getHeader(DialogGate.DIALOG_HEADER),
                failed,
                next);
        exchange.getMessage().setHeader(DialogTurns.PLATFORM_HEADER, next);
    }
}
