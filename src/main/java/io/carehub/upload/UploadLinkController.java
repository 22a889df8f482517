package io.carehub.upload;

import io.carehub.access.AccessLog;
import io.carehub.access.AccessLog.Action;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.MessageQueries;
import io.carehub.routing.AgentActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R16/R51/R47: the assigned agent offers the customer a secure upload link, and reveals a message's sensitive data
 * (IBAN, ID number) that the history shows masked. Both are the assigned agent's alone and are in the access log;
 * the link itself is never shown to the agent, only sent to the customer.
 */
@RestController
@RequestMapping("/api/conversations/{id}")
@Tag(name = "agents", description = "Agent desktop: list, claim, reply, template, transfer, close")
class UploadLinkController {

    private final UploadOffers offers;
    private final ConversationQueries queries;
    private final MessageQueries messages;
    private final AgentActions actions;
    private final Callers callers;
    private final AccessLog accessLog;
    private final Clock clock;

    UploadLinkController(
            UploadOffers offers,
            ConversationQueries queries,
            MessageQueries messages,
            AgentActions actions,
            Callers callers,
            AccessLog accessLog,
            Clock clock) {
        this.offers = offers;
        this.queries = queries;
        this.messages = messages;
        this.actions = actions;
        this.callers = callers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    record Offered(long conversationId, long messageId, Instant expiresAt) {}

    record Revealed(long messageId, String text, List<String> kinds) {}

    @PostMapping("/upload-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send the customer a one-time secure upload link (R16) as the assigned agent; 409 outside the "
                    + "24-hour window")
    Offered offer(@PathVariable long id) {
        Caller agent = assignedAgent(id);
        UploadOffers.Offer offer = offers.byAgent(id, agent.id()).orElseThrow(() -> notAssigned(id));
        actions.record(id, agent.id(), Action.UPLOAD_LINK.name(), null, clock.instant());
        accessLog.conversation(agent, Role.AGENT, Action.UPLOAD_LINK, id, "message " + offer.messageId());
        return new Offered(id, offer.messageId(), offer.expiresAt());
    }

    @PostMapping("/messages/{messageId}/reveal")
    @Operation(summary = "The assigned agent reads a message's masked IBAN or ID number in clear (R51, access-logged)")
    Revealed reveal(@PathVariable long id, @PathVariable long messageId) {
        Caller agent = assignedAgent(id);
        MessageQueries.Sensitive message = messages.sensitive(messageId)
                .filter(m -> m.conversationId() == id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "conversation " + id + " has no message " + messageId + " to reveal"));
        accessLog.conversation(agent, Role.AGENT, Action.SENSITIVE_REVEAL, id, "message " + messageId);
        return new Revealed(messageId, message.text(), message.kinds());
    }

    /** R47: the caller is the agent the conversation is assigned to. */
    private Caller assignedAgent(long id) {
        Caller caller = callers.current();
        if (!caller.id().matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "the token's user id must be 1-100 characters [A-Za-z0-9._@-]");
        }
        if (!queries.exists(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id);
        }
        if (!queries.claimedBy(id).filter(caller.id()::equals).isPresent()) {
            throw notAssigned(id);
        }
        return caller;
    }

    private static ResponseStatusException notAssigned(long id) {
        return new ResponseStatusException(
                HttpStatus.CONFLICT, "conversation " + id + " is not assigned to you; claim it first");
    }
}
