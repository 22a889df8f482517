package io.carehub.upload;

import io.carehub.pages.OneTimeToken;
import io.carehub.pages.PagesProperties;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import io.carehub.whatsapp.WindowClosedException;
import io.carehub.whatsapp.WindowPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R16: offers a secure upload link in the chat ({@code /u/<token>}). The token is 256 random bits (base64url); only its
 * SHA-256 is filed ({@link UploadLinks}). The link goes as the button of an interactive message, so the documented
 * text (the message's body) never holds it: only the encrypted payload the sender sends to WhatsApp does, and nobody
 * reading the history can use it. Link and message commit together; nothing is filed when the message may not be
 * sent.
 */
@Component
public class UploadOffers {

    private static final Logger LOG = LoggerFactory.getLogger(UploadOffers.class);

    private final UploadLinks links;
    private final OutboundMessages outbound;
    private final WindowPolicy window;
    private final TransactionTemplate tx;
    private final UploadProperties properties;
    private final UploadTexts texts;
    private final PagesProperties pages;
    private final Clock clock;

    UploadOffers(
            UploadLinks links,
            OutboundMessages outbound,
            WindowPolicy window,
            TransactionTemplate tx,
            UploadProperties properties,
            UploadTexts texts,
            PagesProperties pages,
            Clock clock) {
        this.links = links;
        this.outbound = outbound;
        this.window = window;
        this.tx = tx;
        this.properties = properties;
        this.texts = texts;
        this.pages = pages;
        this.clock = clock;
    }

    /** An offered link: its row, the outbound message that carries it, and when it expires. */
    public record Offer(long conversationId, long linkId, long messageId, Instant expiresAt) {}

    /**
     * R16: the agent the conversation is assigned to offers a link; empty when the agent does not hold it (checked
     * under the conversation's row lock with the send).
     *
     * @throws WindowClosedException outside the 24-hour window (a template could not carry the link)
     */
    public Optional<Offer> byAgent(long conversationId, String agentId) {
        return offer(conversationId, agentId, agentId, texts.offer(), agentId);
    }

    /** R16: a configured intent of the dialog platform ({@code carehub.upload.offer-intents}) offers a link. */
    public Optional<Offer> byIntent(long conversationId, List<String> intents) {
        Optional<String> intent =
                intents.stream().filter(properties.offerIntents()::contains).findFirst();
        if (intent.isEmpty()) {
            return Optional.empty();
        }
        return quietly(conversationId, "bot:" + intent.get(), "bot", texts.offer());
    }

    /** R51: the hint about sensitive data in the chat, with a fresh link. */
    Optional<Offer> withSensitiveHint(long conversationId) {
        return quietly(conversationId, "system", "system", texts.sensitiveHint());
    }

    /** A system offer: a closed window is logged, never thrown (it must not block the conversation). */
    private Optional<Offer> quietly(long conversationId, String offeredBy, String actor, String text) {
        try {
            return offer(conversationId, offeredBy, actor, text, null);
        } catch (WindowClosedException closed) {
            LOG.warn("upload link in conversation {} not offered: {}", conversationId, closed.getReason());
            return Optional.empty();
        }
    }

    /** {@code offeredBy} is filed with the link, {@code actor} with the message (agent id, bot, system). */
    private Optional<Offer> offer(long conversationId, String offeredBy, String actor, String text, String assignee) {
        // R9: outside the window a fallback template would replace the message, and the link with it
        window.check(conversationId, "interactive");
        OneTimeToken token = OneTimeToken.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.linkValidity());
        Offer offer = tx.execute(status -> {
            long linkId = links.create(token.hash(), conversationId, offeredBy, now, expires);
            OutboundContent content = OutboundContent.ctaUrl(text, texts.button(), pages.link("/u/" + token.token()));
            long messageId;
            if (assignee == null) {
                messageId = outbound.send(conversationId, content, actor);
            } else {
                var sent = outbound.sendAsAssignee(conversationId, content, assignee);
                if (sent.isEmpty()) {
                    status.setRollbackOnly();
                    return null;
                }
                messageId = sent.getAsLong();
            }
            return new Offer(conversationId, linkId, messageId, expires);
        });
        if (offer != null) {
            LOG.info(
                    "upload link {} offered in conversation {} (message {}), valid until {}",
                    offer.linkId(),
                    conversationId,
                    offer.messageId(),
                    expires);
        }
        return Optional.ofNullable(offer);
    }
}
