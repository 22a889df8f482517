package io.carehub.dialog;

import io.carehub.consent.ConsentOutcome;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.ConversationStatus;
import io.carehub.documentation.Conversations;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.routing.RoutingRulesSource;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R23: decides whether a consented conversation talks to a dialog platform or goes to agent routing. A new
 * conversation starts a dialog with the platform configured for its segment; a conversation in a dialog
 * stays there until the dialog ends. Sets header {@value #DIALOG_HEADER} for bot conversations.
 */
@Component("dialogGate")
public class DialogGate {

    public static final String DIALOG_HEADER = "carehubDialogId";
    private static final Logger LOG = LoggerFactory.getLogger(DialogGate.class);

    private final Conversations conversations;
    private final ConversationQueries queries;
    private final CustomerIdentities identities;
    private final Dialogs dialogs;
    private final DialogRouting routing;
    private final RoutingRulesSource rules;

    DialogGate(
            Conversations conversations,
            ConversationQueries queries,
            CustomerIdentities identities,
            Dialogs dialogs,
            DialogRouting routing,
            RoutingRulesSource rules) {
        this.conversations = conversations;
        this.queries = queries;
        this.identities = identities;
        this.dialogs = dialogs;
        this.routing = routing;
        this.rules = rules;
    }

    @Handler
    public void decide(@Body ConsentOutcome outcome, Exchange exchange) {
        exchange.getMessage().removeHeader(DIALOG_HEADER);
        ConversationQueries.Routing conversation = queries.routing(outcome.conversationId());
        Optional<Dialogs.Dialog> dialog = Optional.empty();
        if (conversation.status() == ConversationStatus.BOT) {
            dialog = dialogs.openOf(outcome.conversationId());
        } else if (conversation.status() == ConversationStatus.NEW
                && !outcome.released().isEmpty()) {
            String platform = routing.platformFor(segment(conversation));
            if (!DialogRouting.AGENTS.equals(platform)) {
                dialog = dialogs.start(outcome.conversationId(), platform);
                dialog.ifPresent(started -> LOG.info(
                        "conversation {} talks to dialog platform {} (dialog {})",
                        outcome.conversationId(),
                        platform,
                        started.id()));
            }
        }
        dialog.ifPresent(
                open -> exchange.getMessage().setHeader(DIALOG_HEADER, open.id().toString()));
    }

    /** R20: the segment as far as it is known before any menu: chosen, legitimated or from the business list. */
    private String segment(ConversationQueries.Routing conversation) {
        if (conversation.segment() != null) {
            return conversation.segment();
        }
        Optional<CustomerIdentities.Identity> legitimated = identities.of(conversation.contactId());
        if (legitimated.isPresent()) {
            return legitimated.get().segment();
        }
        return rules.current().isBusinessNumber(conversation.waId(), conversation.userId()) ? "BUSINESS" : null;
    }
}
