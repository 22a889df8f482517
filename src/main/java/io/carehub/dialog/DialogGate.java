package io.carehub.dialog;

import io.carehub.consent.ConsentOutcome;
import io.carehub.routing.RoutingRulesSource;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private final NamedParameterJdbcTemplate jdbc;
    private final Dialogs dialogs;
    private final DialogRouting routing;
    private final RoutingRulesSource rules;

    DialogGate(NamedParameterJdbcTemplate jdbc, Dialogs dialogs, DialogRouting routing, RoutingRulesSource rules) {
        this.jdbc = jdbc;
        this.dialogs = dialogs;
        this.routing = routing;
        this.rules = rules;
    }

    @Handler
    public void decide(@Body ConsentOutcome outcome, Exchange exchange) {
        exchange.getMessage().removeHeader(DIALOG_HEADER);
        Map<String, Object> conversation = jdbc.queryForMap("""
                select c.routing_state, c.segment, c.contact_id, k.wa_id
                  from conversation c join contact k on k.id = c.contact_id where c.id = :id""",
                Map.of("id", outcome.conversationId()));
        String state = (String) conversation.get("routing_state");
        Optional<Dialogs.Dialog> dialog = Optional.empty();
        if ("BOT".equals(state)) {
            dialog = dialogs.openOf(outcome.conversationId());
        } else if ("NEW".equals(state) && !outcome.released().isEmpty()) {
            String platform = routing.platformFor(segment(conversation));
            if (!DialogRouting.AGENTS.equals(platform)) {
                dialog = dialogs.start(outcome.conversationId(), platform);
                dialog.ifPresent(started -> LOG.info("conversation {} talks to dialog platform {} (dialog {})",
                        outcome.conversationId(), platform, started.id()));
            }
        }
        dialog.ifPresent(open -> exchange.getMessage().setHeader(DIALOG_HEADER, open.id().toString()));
    }

    /** R20: the segment as far as it is known before any menu: chosen, legitimated or from the business list. */
    private String segment(Map<String, Object> conversation) {
        if (conversation.get("segment") != null) {
            return (String) conversation.get("segment");
        }
        Optional<String> legitimated = jdbc.queryForList("select segment from customer_identity where contact_id = :contact",
                Map.of("contact", conversation.get("contact_id")), String.class).stream().findFirst();
        if (legitimated.isPresent()) {
            return legitimated.get();
        }
        return rules.current().isBusinessNumber((String) conversation.get("wa_id")) ? "BUSINESS" : null;
    }
}
