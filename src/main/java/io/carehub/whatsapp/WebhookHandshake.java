package io.carehub.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** R1: answers Meta's subscription handshake by echoing {@code hub.challenge}. */
@Component("webhookHandshake")
public class WebhookHandshake {

    private static final Logger SECURITY = LoggerFactory.getLogger("carehub.security");

    private final byte[] verifyToken;

    public WebhookHandshake(WhatsappProperties properties) {
        this.verifyToken = properties.verifyToken().getBytes(StandardCharsets.UTF_8);
    }

    @Handler
    public String answer(Exchange exchange) {
        String mode = exchange.getMessage().getHeader("hub.mode", String.class);
        String token = exchange.getMessage().getHeader("hub.verify_token", String.class);
        String challenge = exchange.getMessage().getHeader("hub.challenge", String.class);
        if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty()) {
            throw new WebhookRejectedException(400, "expected hub.mode=subscribe and hub.challenge");
        }
        if (token == null || !MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
            SECURITY.warn("webhook handshake refused: wrong hub.verify_token");
            throw new WebhookRejectedException(403, "wrong hub.verify_token");
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        return challenge;
    }
}
