package io.carehub.erasure;

import io.carehub.access.AccessLog;
import io.carehub.access.AccessLog.Action;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.consent.ErasureRequests;
import io.carehub.consent.ErasureRequests.Request;
import io.carehub.documentation.ContactQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R33/R49: the privacy officer files a customer's erasure request (by WhatsApp id or BSUID) and follows its status
 * and due date. Nothing is sent to the customer (R34).
 */
@RestController
@RequestMapping("/api/privacy/erasures")
@Tag(name = "erasure", description = "Erasure requests, their status and due date (privacy-officer)")
class ErasureController {

    private static final int MAX_LISTED = 1000;

    private final ErasureRequests requests;
    private final ContactQueries contacts;
    private final Callers callers;
    private final AccessLog accessLog;
    private final Clock clock;

    ErasureController(
            ErasureRequests requests, ContactQueries contacts, Callers callers, AccessLog accessLog, Clock clock) {
        this.requests = requests;
        this.contacts = contacts;
        this.callers = callers;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The customer to erase: exactly one of the WhatsApp id and the business-scoped user id (BSUID). */
    record Subject(String waId, String userId) {}

    /** A request as the privacy officer sees it; {@code overdue}: still pending after its due date. */
    record Status(
            long id,
            String reason,
            Instant requestedAt,
            Instant dueBy,
            String status,
            String step,
            String legalBasis,
            Instant holdUntil,
            Instant completedAt,
            boolean overdue) {}

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "File an erasure request; joins the contact's open one. Due in 5 working days")
    Status request(@RequestBody Subject subject) {
        if (subject == null || (subject.waId() == null) == (subject.userId() == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give exactly one of waId and userId");
        }
        String identifier = subject.waId() != null ? subject.waId() : subject.userId();
        long contact = contacts.idOf(identifier)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such contact"));
        String officer = callers.current().id();
        Request request = requests.request(contact, ErasureRequests.PRIVACY_OFFICER, officer, clock.instant());
        accessLog.contact(callers.current(), Role.PRIVACY_OFFICER, Action.ERASURE_REQUEST, identifier);
        return status(request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One erasure request: status, step, legal basis, due date")
    Status one(@PathVariable long id) {
        Request request = requests.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such erasure request"));
        accessLog.other(callers.current(), Role.PRIVACY_OFFICER, Action.ERASURE_STATUS, "erasure request " + id);
        return status(request);
    }

    @GetMapping
    @Operation(summary = "The open erasure requests, soonest due first (at most 1000)")
    List<Status> open() {
        accessLog.other(callers.current(), Role.PRIVACY_OFFICER, Action.ERASURE_STATUS, "open erasure requests");
        return requests.open(MAX_LISTED).stream().map(this::status).toList();
    }

    private Status status(Request r) {
        boolean overdue = r.status() == ErasureRequests.Status.PENDING
                && r.dueBy() != null
                && r.dueBy().isBefore(clock.instant());
        return new Status(
                r.id(),
                r.reason(),
                r.requestedAt(),
                r.dueBy(),
                r.status().name(),
                r.step().name(),
                r.legalBasis() == null ? null : r.legalBasis().name(),
                r.holdUntil(),
                r.completedAt(),
                overdue);
    }
}
