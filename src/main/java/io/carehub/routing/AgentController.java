package io.carehub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.access.AccessLog;
import io.carehub.access.AccessLog.Action;
import io.carehub.access.AccessProperties;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.ConversationStatus;
import io.carehub.documentation.Conversations;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R22/R47: the agent desktop's API. The verified access token names the agent ({@link Callers}); agents list and
 * claim only conversations of their own pools and act only on conversations assigned to them, each state change
 * atomic in SQL; supervisors list every pool and reassign. Every action is documented in {@code agent_action} and in
 * the access log, every pool list there too.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "agents", description = "Agent desktop: list, claim, reply, template, transfer, close")
class AgentController {

    private static final Set<String> REPLY_TYPES = Set.of("text", "image", "document", "audio", "video", "interactive");

    private final Conversations conversations;
    private final ConversationQueries queries;
    private final AgentActions actions;
    private final OutboundMessages outbound;
    private final RoutingRulesSource rules;
    private final ConversationRouter router;
    private final ProducerTemplate camel;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Callers callers;
    private final AccessLog accessLog;
    private final AccessProperties access;

    AgentController(
            Conversations conversations,
            ConversationQueries queries,
            AgentActions actions,
            OutboundMessages outbound,
            RoutingRulesSource rules,
            ConversationRouter router,
            ProducerTemplate camel,
            ObjectMapper mapper,
            Clock clock,
            Callers callers,
            AccessLog accessLog,
            AccessProperties access) {
        this.conversations = conversations;
        this.queries = queries;
        this.actions = actions;
        this.outbound = outbound;
        this.rules = rules;
        this.router = router;
        this.camel = camel;
        this.mapper = mapper;
        this.clock = clock;
        this.callers = callers;
        this.accessLog = accessLog;
        this.access = access;
    }

    record PoolEntry(
            long conversationId,
            String pool,
            String routingState,
            String segment,
            String topic,
            int priority,
            Instant queuedAt,
            String assignedAgent,
            String preferredAgentId,
            String displayName,
            String waId,
            String userId,
            String historyUrl) {}

    record Claimed(long conversationId, String agentId, Instant claimedAt) {}

    record Accepted(long conversationId, long messageId) {}

    record Transfer(String toPool, String toAgent) {}

    @GetMapping("/pools/{pool}/conversations")
    @Operation(summary = "Conversations waiting in (or claimed from) a pool, highest priority and oldest first")
    List<PoolEntry> pool(
            @PathVariable String pool,
            @Parameter(description = "WAITING or CLAIMED") @RequestParam(defaultValue = "WAITING") String state) {
        if (!state.equals(ConversationStatus.WAITING.name()) && !state.equals(ConversationStatus.CLAIMED.name())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state must be WAITING or CLAIMED");
        }
        if (rules.current().pool(pool).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no pool '" + pool + "' in the routing rules");
        }
        Caller caller = caller();
        if (!caller.has(Role.SUPERVISOR) && !caller.servesPool(pool)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "pool '" + pool + "' is not one of yours");
        }
        List<ConversationQueries.InPool> listed = queries.inPool(pool, ConversationStatus.valueOf(state));
        accessLog.conversations(
                caller,
                caller.firstOf(Role.SUPERVISOR, Role.AGENT),
                Action.POOL_LIST,
                listed.stream().map(ConversationQueries.InPool::id).toList(),
                "pool " + pool);
        return listed.stream()
                .map(c -> new PoolEntry(
                        c.id(),
                        c.pool(),
                        c.status().name(),
                        c.segment(),
                        c.topic(),
                        c.priority(),
                        c.queuedAt(),
                        c.assignedAgent(),
                        c.preferredAgent(),
                        c.displayName(),
                        c.waId(),
                        c.userId(),
                        "/api/conversations/" + c.id() + "/messages"))
                .toList();
    }

    @PostMapping("/conversations/{id}/claim")
    @Operation(summary = "Claim a waiting conversation; exactly one agent wins, the others get 409")
    Claimed claim(@PathVariable long id) {
        Caller agent = caller();
        Instant now = clock.instant();
        if (!conversations.claim(id, agent.id(), agent.pools(), now)) {
            String state = state(id);
            String pool = queries.assignment(id)
                    .map(ConversationQueries.Assignment::pool)
                    .orElse(null);
            if (pool != null && !agent.servesPool(pool)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "conversation " + id + " is not in your pools");
            }
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "conversation " + id + " is " + state + ", it cannot be claimed");
        }
        audit(id, agent, Role.AGENT, Action.CLAIM, null);
        return new Claimed(id, agent.id(), now);
    }

    @PostMapping("/conversations/{id}/reply")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary =
                    "Reply as the assigned agent: {\"type\":\"text\",\"text\":{\"body\":\"…\"}}, image/document/"
                            + "audio/video with link or id, or interactive (Graph API message objects); 409 outside the 24-hour window")
    Accepted reply(@PathVariable long id, @RequestBody JsonNode request) {
        Caller agent = caller();
        String type = request.path("type").asText("");
        if (!REPLY_TYPES.contains(type) || !request.path(type).isObject()) {
            throw new ResponseStatusException(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "reply needs type (one of " + REPLY_TYPES + ") and the matching object, e.g. {\"type\":\"text\","
                            + "\"text\":{\"body\":\"Hallo\"}}");
        }
        requireAssigned(id, agent.id());
        long messageId = outbound.sendAsAssignee(id, new OutboundContent(type, request.get(type)), agent.id())
                .orElseThrow(() -> notClaimed(id));
        audit(
                id,
                agent,
                Role.AGENT,
                Action.REPLY,
                mapper.createObjectNode().put("messageId", messageId).put("type", type));
        return new Accepted(id, messageId);
    }

    @PostMapping("/conversations/{id}/template")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send an approved template: {\"name\":\"…\",\"language\":{\"code\":\"de\"},\"components\":[…]}")
    Accepted template(@PathVariable long id, @RequestBody JsonNode template) {
        Caller agent = caller();
        if (!template.path("name").isTextual()
                || !template.path("language").path("code").isTextual()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "template needs name and language.code");
        }
        requireAssigned(id, agent.id());
        long messageId = outbound.sendAsAssignee(id, new OutboundContent("template", template), agent.id())
                .orElseThrow(() -> notClaimed(id));
        audit(
                id,
                agent,
                Role.AGENT,
                Action.TEMPLATE,
                mapper.createObjectNode()
                        .put("messageId", messageId)
                        .put("template", template.path("name").asText()));
        return new Accepted(id, messageId);
    }

    @PostMapping("/conversations/{id}/transfer")
    @Operation(
            summary = "Transfer to another pool ({\"toPool\":\"…\"}, waits there again) or agent ({\"toAgent\":\"…\"})")
    Map<String, Object> transfer(@PathVariable long id, @RequestBody Transfer transfer) {
        Caller caller = caller();
        // R47: the assigned agent hands its conversation on; a supervisor reassigns any open conversation
        boolean assigned = caller.has(Role.AGENT)
                && queries.claimedBy(id).filter(caller.id()::equals).isPresent();
        if (!assigned && !caller.has(Role.SUPERVISOR)) {
            requireAssigned(id, caller.id());
        }
        ObjectNode details = mapper.createObjectNode();
        Instant now = clock.instant();
        if (transfer.toPool() != null && transfer.toAgent() == null) {
            if (rules.current().pool(transfer.toPool()).isEmpty()) {
                throw new ResponseStatusException(
                        HttpStatus.UNPROCESSABLE_ENTITY, "no pool '" + transfer.toPool() + "'");
            }
            boolean moved = assigned
                    ? conversations.transferToPool(id, caller.id(), transfer.toPool(), now)
                    : conversations.reassignToPool(id, transfer.toPool(), now);
            if (!moved) {
                throw notClaimed(id);
            }
            camel.sendBody("direct:pool-handoff", router.reissue(id, null));
            details.put("toPool", transfer.toPool());
        } else if (transfer.toAgent() != null && transfer.toPool() == null) {
            if (!knownAgent(transfer.toAgent())) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "no known agent with that id");
            }
            boolean moved = assigned
                    ? conversations.transferToAgent(id, caller.id(), transfer.toAgent(), now)
                    : conversations.reassignToAgent(id, transfer.toAgent(), now);
            if (!moved) {
                throw notClaimed(id);
            }
            details.put("toAgent", transfer.toAgent());
        } else {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, "give exactly one of toPool or toAgent");
        }
        if (assigned) {
            audit(id, caller, Role.AGENT, Action.TRANSFER, details);
        } else {
            audit(id, caller, Role.SUPERVISOR, Action.REASSIGN, details);
        }
        return Map.of("conversationId", id, "transferred", details);
    }

    @PostMapping("/conversations/{id}/close")
    @Operation(summary = "Close the conversation; the customer's next message opens a new one")
    Map<String, Object> close(@PathVariable long id) {
        Caller agent = caller();
        requireAssigned(id, agent.id());
        if (!conversations.close(id, agent.id(), clock.instant())) {
            throw notClaimed(id);
        }
        audit(id, agent, Role.AGENT, Action.CLOSE, null);
        return Map.of("conversationId", id, "status", ConversationStatus.CLOSED.name());
    }

    private void requireAssigned(long id, String agentId) {
        Optional<String> assigned = queries.claimedBy(id);
        if (assigned.isEmpty() || !assigned.get().equals(agentId)) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "conversation " + id + " is " + state(id) + (assigned.isEmpty() ? "" : " by another agent")
                            + "; claim it first");
        }
    }

    /** The conversation changed between the check and the transition (another request won). */
    private ResponseStatusException notClaimed(long id) {
        return new ResponseStatusException(
                HttpStatus.CONFLICT, "conversation " + id + " is " + state(id) + "; claim it first");
    }

    private String state(long id) {
        return queries.status(id)
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id));
    }

    /** The caller, from the verified token; its id is stored with every action, so it keeps the agent id format. */
    private Caller caller() {
        Caller caller = callers.current();
        if (!caller.id().matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "the token's user id must be 1-100 characters [A-Za-z0-9._@-]");
        }
        return caller;
    }

    /** R47: a transfer's target agent is configured (carehub.security.agents) or has acted before. */
    private boolean knownAgent(String agentId) {
        return !agentId.isBlank() && (access.agents().containsKey(agentId) || actions.hasActed(agentId));
    }

    private void audit(long conversationId, Caller caller, Role role, Action action, JsonNode details) {
        actions.record(conversationId, caller.id(), action.name(), details, clock.instant());
        accessLog.conversation(caller, role, action, conversationId, null);
    }
}
