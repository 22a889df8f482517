package io.carehub.retention;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.access.AccessLog;
import io.carehub.access.AccessLog.Action;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.MessageHistory;
import io.carehub.routing.AgentActions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R31/R36/R47: the conversation's agent or a supervisor marks a conversation contract-relevant; only the privacy
 * officer reads the archive. Every call is in the access log, the mark also in {@code agent_action}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "archive", description = "Contract-relevant conversations (§257 HGB archive)")
class ArchiveController {

    private static final int MAX_PAGE_SIZE = 200;

    private final ContractRelevance relevance;
    private final ConversationQueries queries;
    private final MessageHistory history;
    private final AgentActions actions;
    private final Callers callers;
    private final AccessLog accessLog;
    private final ObjectMapper mapper;
    private final Clock clock;

    ArchiveController(
            ContractRelevance relevance,
            ConversationQueries queries,
            MessageHistory history,
            AgentActions actions,
            Callers callers,
            AccessLog accessLog,
            ObjectMapper mapper,
            Clock clock) {
        this.relevance = relevance;
        this.queries = queries;
        this.history = history;
        this.actions = actions;
        this.callers = callers;
        this.accessLog = accessLog;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The request body; {@code archiveClass} defaults to COMMERCIAL_LETTER. */
    record Mark(ArchiveClass archiveClass) {}

    @PostMapping("/conversations/{id}/contract-relevant")
    @Operation(
            summary = "Mark contract-relevant ({\"archiveClass\":\"COMMERCIAL_LETTER\"|\"ACCOUNTING_RECORD\"}): a "
                    + "legitimated customer's conversation is archived 6 or 10 years; 409 for anybody else's")
    ContractRelevance.Marked mark(@PathVariable long id, @RequestBody(required = false) Mark mark) {
        Caller caller = callers.current();
        if (queries.status(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id);
        }
        // R47: the agent the conversation is assigned to, or a supervisor
        boolean assigned = caller.has(Role.AGENT)
                && queries.claimedBy(id).filter(caller.id()::equals).isPresent();
        if (!assigned && !caller.has(Role.SUPERVISOR)) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "only the agent of conversation " + id + " or a supervisor marks it");
        }
        ArchiveClass archiveClass =
                mark == null || mark.archiveClass() == null ? ArchiveClass.COMMERCIAL_LETTER : mark.archiveClass();
        ContractRelevance.Marked marked;
        try {
            marked = relevance.mark(id, archiveClass, caller.id());
        } catch (ContractRelevance.NotLegitimatedException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        }
        Role role = assigned ? Role.AGENT : Role.SUPERVISOR;
        actions.record(
                id,
                caller.id(),
                Action.CONTRACT_RELEVANT.name(),
                mapper.createObjectNode().put("archiveClass", archiveClass.name()),
                clock.instant());
        accessLog.conversation(caller, role, Action.CONTRACT_RELEVANT, id, archiveClass.name());
        return marked;
    }

    @GetMapping("/archive/conversations")
    @Operation(summary = "Archived conversations (privacy officer), the oldest mark first")
    List<ConversationQueries.Archived> archived(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        List<ConversationQueries.Archived> archived = queries.archived(size, (long) page * size);
        accessLog.conversations(
                callers.current(),
                Role.PRIVACY_OFFICER,
                Action.ARCHIVE_LIST,
                archived.stream().map(ConversationQueries.Archived::id).toList(),
                "archive");
        return archived;
    }

    @GetMapping("/archive/conversations/{id}/messages")
    @Operation(summary = "The messages of an archived conversation (privacy officer), newest first")
    List<MessageHistory.Row> messages(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        checkPage(page, size);
        if (queries.archive(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no archived conversation " + id);
        }
        accessLog.conversation(callers.current(), Role.PRIVACY_OFFICER, Action.HISTORY_READ, id, "archive");
        return history.page(id, size, (long) page * size);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
