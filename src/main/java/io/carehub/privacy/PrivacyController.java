package io.carehub.privacy;

import io.carehub.access.AccessLog;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/privacy/analyze} (R47: roles ops, privacy-officer or integrator): {@code {"text": "...", "knownValues": {...}?}}
 * → {@code {"entities": [{"type","start","end","score"}]}}, offsets in UTF-16 code units.
 */
@RestController
@RequestMapping("/api/privacy")
public class PrivacyController {

    record AnalyzeRequest(String text, Map<String, Object> knownValues) {}

    record AnalyzeResponse(List<Entity> entities) {}

    static final class TextTooLongException extends RuntimeException {
        TextTooLongException(int length, int max) {
            super("text has " + length + " chars, at most " + max + " are analyzed");
        }
    }

    private final PiiDetector detector;
    private final int maxTextChars;
    private final int maxKnownValues;
    private final int maxKnownValueChars;

    private final Callers callers;
    private final AccessLog accessLog;

    @org.springframework.beans.factory.annotation.Autowired
    PrivacyController(PiiDetector detector, PrivacyProperties properties, Callers callers, AccessLog accessLog) {
        this(
                detector,
                properties.maxTextChars(),
                properties.maxKnownValues(),
                properties.maxKnownValueChars(),
                callers,
                accessLog);
    }

    PrivacyController(
            PiiDetector detector,
            int maxTextChars,
            int maxKnownValues,
            int maxKnownValueChars,
            Callers callers,
            AccessLog accessLog) {
        this.detector = detector;
        this.maxTextChars = maxTextChars;
        this.maxKnownValues = maxKnownValues;
        this.maxKnownValueChars = maxKnownValueChars;
        this.callers = callers;
        this.accessLog = accessLog;
    }

    @PostMapping(path = "/analyze", consumes = "application/json", produces = "application/json")
    AnalyzeResponse analyze(@RequestBody AnalyzeRequest request) {
        if (request == null || request.text() == null) throw new IllegalArgumentException("'text' is required");
        if (request.text().length() > maxTextChars)
            throw new TextTooLongException(request.text().length(), maxTextChars);
        Caller caller = callers.current(); // R47: an analysis reads personal data: in the access log, without the text
        accessLog.other(
                caller,
                caller.firstOf(Role.PRIVACY_OFFICER, Role.OPS, Role.INTEGRATOR),
                AccessLog.Action.ANALYZE,
                null);
        KnownValues known = KnownValues.fromMap(request.knownValues(), maxKnownValues, maxKnownValueChars);
        return new AnalyzeResponse(detector.detect(request.text(), known));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid analyze request", e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Unreadable analyze request",
                "body must be JSON {\"text\": string, \"knownValues\": {key: string | [string]}}");
    }

    @ExceptionHandler(TextTooLongException.class)
    ProblemDetail tooLong(TextTooLongException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Text too long", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
