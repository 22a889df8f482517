package io.carehub.privacy;

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
 * R28: {@code GET /api/privacy/transcripts/export?from=2026-11-01&to=2026-11-25} (ops bearer token)
 * streams anonymized transcripts as JSONL ({@code application/x-ndjson}); from inclusive, to
 * exclusive, each a date (UTC midnight) or an ISO instant.
 */
@RestController
public class TranscriptExportController {

    private final TranscriptAnonymizer anonymizer;

    TranscriptExportController(TranscriptAnonymizer anonymizer) {
        this.anonymizer = anonymizer;
    }

    @GetMapping("/api/privacy/transcripts/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam String from, @RequestParam String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) throw new IllegalArgumentException("'from' must be before 'to'");
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
