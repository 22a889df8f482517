package io.carehub.legitimation;

import io.carehub.access.AccessLog;
import io.carehub.access.AccessLog.Action;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.ConversationQueries;
import io.carehub.routing.AgentActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R15/R47: the agent the conversation is assigned to sends the customer a one-time legitimation link. The answer
 * says until when it is valid, never the link: only the customer holds it. Every call is in the access log and in
 * {@code agent_action}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "legitimation", description = "One-time sign-in links for customers (R15)")
class LegitimationController {

    record Sent(long conversationId, Instant expiresAt) {}

    private final LegitimationOffer offer;
    private final ConversationQueries queries;
    private final AgentActions actions;
    private final Callers callers;
    private final AccessLog accessLog;
    private final Clock clock;

    LegitimationController(
            LegitimationOffer offer,
            ConversationQueries queries,
            AgentActions actions,
            Callers callers,
            AccessLog accessLog,
            Clock clock) {
        this.offer = offer;
        this.queries = queries;
        this.actions = actions;
        this.callers = callers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @PostMapping("/conversations/{id}/legitimation-link")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Send the customer a one-time sign-in link (valid carehub.legitimation.link-ttl, single use); "
                    + "409 outside the 24-hour window or when the conversation is not assigned to the caller")
    Sent send(@PathVariable long id) {
        var agent = callers.current();
        if (queries.status(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id);
        }
        if (queries.claimedBy(id).filter(agent.id()::equals).isEmpty()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "conversation " + id + " is not assigned to you; claim it first");
        }
        Instant expiresAt;
        try {
            expiresAt = offer.offer(id, agent.id());
        } catch (LegitimationOffer.NotConfiguredException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        actions.record(id, agent.id(), Action.LEGITIMATION_LINK.name(), null, clock.instant());
        accessLog.conversation(agent, Role.AGENT, Action.LEGITIMATION_LINK, id, null);
        return new Sent(id, expiresAt);
    }
}
