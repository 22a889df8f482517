package io.carehub.ops.api;

import static io.carehub.ops.api.OpsRequests.badRequest;
import static io.carehub.ops.api.OpsRequests.instant;
import static io.carehub.ops.api.OpsRequests.notFound;

import io.carehub.access.AccessLog;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.MessageQueries.Traced;
import io.carehub.documentation.RejectedUpdates;
import io.carehub.documentation.RejectedUpdates.Rejected;
import io.carehub.documentation.Statuses;
import io.carehub.documentation.Statuses.ExportedBilling;
import io.carehub.documentation.Statuses.StatusEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * R45: troubleshooting lookups for ops — a message by wamid, outbound failures by Meta's error code and time, and the
 * rejected webhook updates — with metadata only: no text, no payload, no error text, no identifier of the customer.
 */
@RestController
@Tag(name = "ops: troubleshooting", description = "Message lookup, outbound failures, rejected updates (ops)")
class TroubleshootingController {

    /** A message with its status history and billing metadata. */
    record MessageTrace(Traced message, List<StatusEntry> statuses, List<ExportedBilling> billing) {}

    private static final int MAX_LISTED = 1000;

    private final MessageQueries messages;
    private final Statuses statuses;
    private final RejectedUpdates rejected;
    private final AccessLog accessLog;
    private final Callers callers;

    TroubleshootingController(
            MessageQueries messages,
            Statuses statuses,
            RejectedUpdates rejected,
            AccessLog accessLog,
            Callers callers) {
        this.messages = messages;
        this.statuses = statuses;
        this.rejected = rejected;
        this.accessLog = accessLog;
        this.callers = callers;
    }

    // a query parameter, not a path segment: a wamid is base64 and may hold '/' and '+'
    @GetMapping("/api/ops/messages")
    @Operation(
            summary = "A message by wamid: direction, type, times, delivery state, Meta's error code, its status"
                    + " history and billing metadata (404: unknown)")
    MessageTrace message(@RequestParam String wamid) {
        if (wamid.length() > 200) {
            throw badRequest("'wamid' is too long");
        }
        Traced message = messages.traced(wamid).orElse(null);
        List<StatusEntry> history = statuses.history(wamid);
        if (message == null) {
            log(AccessLog.Action.MESSAGE_LOOKUP, "unknown wamid");
            if (history.isEmpty()) {
                throw notFound("no message with this wamid");
            }
        } else {
            accessLog.conversation(
                    callers.current(),
                    Role.OPS,
                    AccessLog.Action.MESSAGE_LOOKUP,
                    message.conversationId(),
                    "message " + message.id());
        }
        return new MessageTrace(message, history, statuses.billingOf(wamid));
    }

    @GetMapping("/api/ops/outbound-failures")
    @Operation(
            summary = "Outbound messages that failed, newest first (at most 1000): by Meta's error code and the time"
                    + " they failed [from, to); each filter optional")
    List<Traced> outboundFailures(
            @RequestParam(required = false) Integer code,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        List<Traced> failures = messages.outboundFailures(code, instant("from", from), instant("to", to), MAX_LISTED);
        log(AccessLog.Action.OUTBOUND_FAILURE_LIST, "code=" + code + " from=" + from + " to=" + to);
        return failures;
    }

    @GetMapping("/api/ops/rejected-updates")
    @Operation(
            summary = "Rejected webhook updates, newest first (at most 1000): time, reason, stored size; never the"
                    + " payload (encrypted)")
    List<Rejected> rejectedUpdates(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<Rejected> list = rejected.list(instant("from", from), instant("to", to), MAX_LISTED);
        log(AccessLog.Action.REJECTED_UPDATE_LIST, "from=" + from + " to=" + to);
        return list;
    }

    private void log(AccessLog.Action action, String target) {
        accessLog.other(callers.current(), Role.OPS, action, target);
    }
}
