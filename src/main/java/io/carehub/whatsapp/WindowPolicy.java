package io.carehub.whatsapp;

import io.carehub.consent.Consents;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.Conversations;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * R9: a customer message opens the 24-hour window; outside it only templates may be sent, and only
 * to customers who consented to being contacted after 24 hours (R14).
 */
@Component
public class WindowPolicy {

    private final Conversations conversations;
    private final ConversationQueries queries;
    private final Consents consents;
    private final Clock clock;

    public WindowPolicy(Conversations conversations, ConversationQueries queries, Consents consents, Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.consents = consents;
        this.clock = clock;
    }

    /** Throws {@link WindowClosedException} when {@code type} may not be sent in this conversation now. */
    public void check(long conversationId, String type) {
        ConversationQueries.Window window = queries.window(conversationId);
        if (window.expiresAt() != null && window.expiresAt().isAfter(clock.instant())) {
            return; // inside the customer-service window anything goes
        }
        if (!"template".equals(type)) {
            throw new WindowClosedException(
                    WindowClosedException.Reason.WINDOW_CLOSED_NOT_TEMPLATE,
                    "the 24-hour customer-service window is closed: only template messages may be sent");
        }
        if (!consents.mayContactAfter24h(window.contactId())) {
            throw new WindowClosedException(
                    WindowClosedException.Reason.NO_CONSENT_FOR_CONTACT_AFTER_24H,
                    "the customer has not consented to being contacted after 24 hours");
        }
    }

    /** R9: Meta answered 131047: the window is closed now, so the next free-form message is refused here. */
    void closedByMeta(long conversationId) {
        conversations.closeWindow(conversationId, clock.instant());
    }
}
