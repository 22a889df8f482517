package io.carehub.ops.api;

import static io.carehub.ops.api.OpsRequests.badRequest;
import static io.carehub.ops.api.OpsRequests.instant;

import io.carehub.access.AccessLog;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.Statuses;
import io.carehub.documentation.Statuses.BillingLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * R40: the billing report for WhatsApp's invoice: per UTC day, pricing model (CBP conversation-based, PMP
 * per-message) and category, how many charges were billable and free — CBP counted per conversation, PMP per
 * message (see {@link Statuses#billingReport}). JSON or CSV.
 */
@RestController
@Tag(name = "ops: billing", description = "Billing report per day, pricing model and category (ops)")
class BillingReportController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    private static final Duration MAX_RANGE = Duration.ofDays(366);

    private final Statuses statuses;
    private final AccessLog accessLog;
    private final Callers callers;

    BillingReportController(Statuses statuses, AccessLog accessLog, Callers callers) {
        this.statuses = statuses;
        this.accessLog = accessLog;
        this.callers = callers;
    }

    @GetMapping("/api/ops/billing")
    @Operation(
            summary = "Billable and free charges per UTC day, pricing model and category for charges that began in"
                    + " [from, to) (at most 366 days); format json (default) or csv")
    ResponseEntity<?> report(
            @RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "json") String format) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start == null || end == null || !start.isBefore(end)) {
            throw badRequest("'from' and 'to' are required, 'from' before 'to'");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw badRequest("the range may span at most 366 days");
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw badRequest("'format' must be json or csv");
        }
        List<BillingLine> lines = statuses.billingReport(start, end);
        accessLog.other(callers.current(), Role.OPS, AccessLog.Action.BILLING_REPORT, "from=" + start + " to=" + end);
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(lines);
        }
        StringBuilder csv = new StringBuilder("day,pricing_model,category,billable,free\r\n");
        for (BillingLine line : lines) {
            csv.append(line.day())
                    .append(',')
                    .append(csvField(line.pricingModel()))
                    .append(',')
                    .append(csvField(line.category()))
                    .append(',')
                    .append(line.billable())
                    .append(',')
                    .append(line.free())
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"billing.csv\"")
                .body(csv.toString());
    }

    /**
     * RFC 4180: Meta's values are plain words; anything else is quoted, and a leading formula character is defused
     * (the report is opened in spreadsheets).
     */
    private static String csvField(String value) {
        if (value.matches("[A-Za-z0-9_ .]*")) {
            return value;
        }
        String safe = value.matches("(?s)[=+\\-@\t\r].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
