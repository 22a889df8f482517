package io.carehub.legitimation;

import io.carehub.pages.PagesProperties;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import io.carehub.whatsapp.WindowPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R15: sends the customer a one-time legitimation link, asked for by the conversation's agent or by a bot intent.
 * The link goes as the button of an interactive message inside the 24-hour window (a template could not carry it),
 * so the documented text holds no token.
 */
@Component
public class LegitimationOffer {

    /** No customer login is configured (no issuer, no local stand-in): nobody can sign in. */
    static final class NotConfiguredException extends RuntimeException {
        NotConfiguredException() {
            super("no identity provider is configured for the legitimation (carehub.legitimation.identity-provider."
                    + "issuer-uri)");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LegitimationOffer.class);

    private final LegitimationLinks links;
    private final OutboundMessages outbound;
    private final WindowPolicy window;
    private final CustomerIdpRegistration registration;
    private final PagesProperties pages;
    private final LegitimationProperties properties;
    private final LegitimationTexts texts;

    LegitimationOffer(
            LegitimationLinks links,
            OutboundMessages outbound,
            WindowPolicy window,
            CustomerIdpRegistration registration,
            PagesProperties pages,
            LegitimationProperties properties,
            LegitimationTexts texts) {
        this.links = links;
        this.outbound = outbound;
        this.window = window;
        this.registration = registration;
        this.pages = pages;
        this.properties = properties;
        this.texts = texts;
    }

    /**
     * Sends a new link in the conversation on behalf of {@code requestedBy} (agent id or {@code bot:<intent>}).
     *
     * @return when the link expires
     * @throws io.carehub.whatsapp.WindowClosedException outside the 24-hour window
     */
    public Instant offer(long conversationId, String requestedBy) {
        if (!registration.configured()) {
            throw new NotConfiguredException();
        }
        window.check(conversationId, "interactive"); // R9: no link is made that could not be sent
        LegitimationLinks.Issued link = links.issue(conversationId, requestedBy, properties.linkTtl());
        String text = texts.link()
                .replace("{minutes}", Long.toString(properties.linkTtl().toMinutes()));
        String actor = requestedBy.startsWith("bot:") ? "bot" : requestedBy;
        outbound.send(
                conversationId, OutboundContent.ctaUrl(text, texts.button(), pages.link("/l/" + link.token())), actor);
        LOG.info("legitimation link sent in conversation {}, expires at {}", conversationId, link.expiresAt());
        return link.expiresAt();
    }

    /** R15: the dialog platform recognized a configured intent: the bot sends the link (never fails the turn). */
    public Optional<Instant> offerByIntent(long conversationId, List<String> intents) {
        Optional<String> intent =
                intents.stream().filter(properties.intents()::contains).findFirst();
        if (intent.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(offer(conversationId, "bot:" + intent.get()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "conversation {}: no legitimation link sent after intent {}: {}",
                    conversationId,
                    intent.get(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
