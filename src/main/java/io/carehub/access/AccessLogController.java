package io.carehub.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** R47: the privacy officer reads the access log by contact, by user and by time; the query is logged too. */
@RestController
@Tag(name = "access log", description = "Who read personal data or acted, when (privacy-officer)")
class AccessLogController {

    private static final int MAX_ENTRIES = 1000;

    private final AccessLog accessLog;
    private final Callers callers;

    AccessLogController(AccessLog accessLog, Callers callers) {
        this.accessLog = accessLog;
        this.callers = callers;
    }

    @GetMapping("/api/access-log")
    @Operation(summary = "Access-log entries, newest first (at most 1000); every filter optional, from inclusive")
    List<AccessLog.Entry> find(
            @RequestParam(required = false) String waId,
            @RequestParam(required = false) String userId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        List<AccessLog.Entry> entries = accessLog.find(waId, userId, start, end, MAX_ENTRIES);
        accessLog.other(callers.current(), Role.PRIVACY_OFFICER, AccessLog.Action.ACCESS_LOG_READ, null);
        return entries;
    }

    private static Instant instant(String name, String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "'" + name + "' must be an instant (2026-11-25T10:00:00Z)");
        }
    }
}
