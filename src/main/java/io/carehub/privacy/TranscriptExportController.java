package io.carehub.privacy;

import io.carehub.access.AccessLog;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * R28: {@code GET /api/privacy/transcripts/export?from=2026-11-01&to=2026-11-25} (R47: roles privacy-officer or integrator)
 * streams anonymized transcripts as JSONL ({@code application/x-ndjson}); from inclusive, to
 * exclusive, each a date (UTC midnight) or an ISO instant.
 */
@RestController
public class TranscriptExportController {

    private final TranscriptAnonymizer anonymizer;
    private final Callers callers;
    private final AccessLog accessLog;

    TranscriptExportController(TranscriptAnonymizer anonymizer, Callers callers, AccessLog accessLog) {
        this.anonymizer = anonymizer;
        this.callers = callers;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/privacy/transcripts/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam String from, @RequestParam String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) throw new IllegalArgumentException("'from' must be before 'to'");
        Caller caller = callers.current();
        accessLog.other(
                caller,
                caller.firstOf(Role.PRIVACY_OFFICER, Role.INTEGRATOR),
                AccessLog.Action.EXPORT,
                start + ".." + end);
        StreamingResponseBody body = out -> anonymizer.export(start, end, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(body);
    }

    static Instant instant(String name, String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a date (2026-11-25) or an instant (2026-11-25T10:00:00Z)");
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid export request");
        return problem;
    }
}
