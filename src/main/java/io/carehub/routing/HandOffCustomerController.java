package io.carehub.routing;

import io.carehub.access.AccessLog;
import io.carehub.access.AccessLog.Action;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.CustomerIdentities;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R27/R19: the customer behind a pool hand-off ({@link HandOff#customerUrl()}). The hand-off on the broker carries
 * ids only; the agent desktop reads the display data, the legitimation data and the bot's summary here. R47: only an
 * agent of the conversation's pool, its assigned agent or a supervisor; every read is in the access log.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "agents")
class HandOffCustomerController {

    private final ConversationQueries queries;
    private final CustomerIdentities identities;
    private final Callers callers;
    private final AccessLog accessLog;

    HandOffCustomerController(
            ConversationQueries queries, CustomerIdentities identities, Callers callers, AccessLog accessLog) {
        this.queries = queries;
        this.identities = identities;
        this.callers = callers;
        this.accessLog = accessLog;
    }

    /**
     * @param displayName    the legitimated name, else the WhatsApp profile name (or username)
     * @param waId           the customer's phone number, null when WhatsApp withholds it (R52)
     * @param userId         the customer's business-scoped user ID (BSUID), when WhatsApp sent one (R52)
     * @param legitimated    true when the customer authenticated (R15); the next three fields come from it
     * @param botSummary     the chatbot's note for the agent when the conversation comes from a dialog, else null
     */
    record HandOffCustomer(
            long conversationId,
            String displayName,
            String waId,
            String userId,
            boolean legitimated,
            String salutation,
            String customerNumber,
            String contractNumber,
            String botSummary) {}

    @GetMapping("/conversations/{id}/customer")
    @Operation(summary = "The customer of a handed-off conversation: display and legitimation data, the bot's summary")
    HandOffCustomer customer(@PathVariable long id) {
        Role role = mayRead(id);
        accessLog.conversation(callers.current(), role, Action.CUSTOMER_READ, id, null);
        ConversationQueries.Routing conversation = queries.routing(id);
        Optional<CustomerIdentities.Identity> identity = identities.of(conversation.contactId());
        return new HandOffCustomer(
                id,
                identity.map(CustomerIdentities.Identity::name).orElse(conversation.profileName()),
                conversation.waId(),
                conversation.userId(),
                identity.isPresent(),
                identity.map(CustomerIdentities.Identity::salutation).orElse(null),
                identity.map(CustomerIdentities.Identity::customerNumber).orElse(null),
                identity.map(CustomerIdentities.Identity::contractNumber).orElse(null),
                queries.queued(id).botSummary());
    }

    /** R47: agents of the pool it waits in (or came from) and its assigned agent; supervisors every conversation. */
    private Role mayRead(long id) {
        ConversationQueries.Assignment assignment = queries.assignment(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id));
        // R31: a closed archived conversation is the privacy officer's to read, nobody else's
        if (queries.archive(id).filter(a -> "CLOSED".equals(a.status())).isPresent()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "conversation " + id + " is archived (R31): only the privacy officer reads it");
        }
        Caller caller = callers.current();
        if (caller.has(Role.SUPERVISOR)) {
            return Role.SUPERVISOR;
        }
        if (caller.has(Role.AGENT)
                && (caller.servesPool(assignment.pool()) || caller.id().equals(assignment.assignedAgent()))) {
            return Role.AGENT;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "conversation " + id + " is not in your pools");
    }
}
