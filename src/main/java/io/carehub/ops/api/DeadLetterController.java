package io.carehub.ops.api;

import static io.carehub.ops.api.OpsRequests.badRequest;
import static io.carehub.ops.api.OpsRequests.choice;
import static io.carehub.ops.api.OpsRequests.className;
import static io.carehub.ops.api.OpsRequests.instant;
import static io.carehub.ops.api.OpsRequests.notFound;

import io.carehub.access.AccessLog;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.buffer.ParkedMessages;
import io.carehub.buffer.ParkedMessages.Filter;
import io.carehub.buffer.ParkedMessages.Kind;
import io.carehub.buffer.ParkedMessages.Parked;
import io.carehub.privacy.DeletionAudit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * R45: ops inspect, re-drive and delete what the hub parked in its dead-letter queues — metadata only, never a body.
 * Every call is in the access log; a deletion is also in the deletion audit (R35) with its reason.
 */
@RestController
@Tag(name = "ops: dead letters", description = "Parked messages: list, re-drive to their origin queue, delete (ops)")
class DeadLetterController {

    /** What a re-drive or deletion did: how many messages, and their ids. */
    record Outcome(int count, List<String> ids) {}

    private static final int MAX_LISTED = 1000;

    private final ParkedMessages parked;
    private final AccessLog accessLog;
    private final Callers callers;
    private final DeletionAudit deletions;
    private final Clock clock;

    DeadLetterController(
            ParkedMessages parked, AccessLog accessLog, Callers callers, DeletionAudit deletions, Clock clock) {
        this.parked = parked;
        this.accessLog = accessLog;
        this.callers = callers;
        this.deletions = deletions;
        this.clock = clock;
    }

    @GetMapping("/api/ops/parked")
    @Operation(
            summary = "Parked messages (at most 1000): kind, group hash, reason, attempts, times, origin queue, id;"
                    + " filters optional: kind, reason (exception class), parking time [from, to)")
    List<Parked> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to)
            throws JMSException {
        Filter filter = filter(null, kind, reason, from, to);
        List<Parked> list = parked.list(filter, MAX_LISTED);
        log(AccessLog.Action.PARKED_LIST, describe(filter));
        return list;
    }

    @PostMapping("/api/ops/parked/{id}/redrive")
    @Operation(summary = "Re-drive one parked message to its origin queue (404: not parked)")
    Outcome redriveOne(@PathVariable String id) throws JMSException {
        Outcome outcome = outcome(parked.redrive(one(id)));
        log(AccessLog.Action.PARKED_REDRIVE, "id " + id);
        return found(outcome, id);
    }

    @PostMapping("/api/ops/parked/redrive")
    @Operation(
            summary = "Re-drive every parked message the filters select (none: all) to its origin queue, at most"
                    + " 10000 per dead-letter queue and call")
    Outcome redrive(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to)
            throws JMSException {
        Filter filter = filter(null, kind, reason, from, to);
        Outcome outcome = outcome(parked.redrive(filter));
        log(AccessLog.Action.PARKED_REDRIVE, describe(filter) + "; " + outcome.count() + " re-driven");
        return outcome;
    }

    @DeleteMapping("/api/ops/parked/{id}")
    @Operation(summary = "Delete one parked message; 'why' is required and audited (404: not parked)")
    Outcome deleteOne(@PathVariable String id, @RequestParam(required = false) String why) throws JMSException {
        String reason = why(why);
        Outcome outcome = outcome(parked.delete(one(id)));
        audit(outcome, "id " + id, reason);
        return found(outcome, id);
    }

    @DeleteMapping("/api/ops/parked")
    @Operation(
            summary = "Delete the parked messages the filters select; at least one filter and 'why' are required and"
                    + " audited")
    Outcome delete(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String why)
            throws JMSException {
        String because = why(why);
        Filter filter = filter(null, kind, reason, from, to);
        if (filter.equals(Filter.ALL)) {
            throw badRequest("name at least one of kind, reason, from, to: a deletion of everything is not a filter");
        }
        Outcome outcome = outcome(parked.delete(filter));
        audit(outcome, describe(filter), because);
        return outcome;
    }

    private void audit(Outcome outcome, String what, String why) {
        log(AccessLog.Action.PARKED_DELETE, what + "; " + outcome.count() + " deleted; why: " + why);
        if (outcome.count() > 0) {
            deletions.record("parked-message", outcome.count(), why, what, clock.instant());
        }
    }

    private void log(AccessLog.Action action, String target) {
        accessLog.otherOrHeld(callers.current(), Role.OPS, action, target);
    }

    private static Filter filter(String id, String kind, String reason, String from, String to) {
        return new Filter(
                id,
                choice("kind", kind, Kind.class),
                className("reason", reason),
                instant("from", from),
                instant("to", to));
    }

    private static Filter one(String id) {
        return filter(messageId(id), null, null, null, null);
    }

    /** A call on one parked message: 404 when it was not parked. */
    private static Outcome found(Outcome outcome, String id) {
        if (outcome.count() == 0) {
            throw notFound("no parked message " + id);
        }
        return outcome;
    }

    private static String describe(Filter filter) {
        return "kind=" + filter.kind() + " reason=" + filter.reason() + " from=" + filter.from() + " to=" + filter.to();
    }

    private static String messageId(String id) {
        String checked = ParkedMessages.messageId(id);
        if (checked == null) {
            throw badRequest("'id' must be a parked message's id (ID:...)");
        }
        return checked;
    }

    /** R35: a deletion says why; the reason is the operator's words, kept short. */
    private static String why(String why) {
        if (why == null || why.isBlank()) {
            throw badRequest("'why' is required: the deletion audit records the reason");
        }
        if (why.length() > 200) {
            throw badRequest("'why' must be at most 200 characters");
        }
        return why.strip();
    }

    private static Outcome outcome(List<String> ids) {
        return new Outcome(ids.size(), ids);
    }
}
