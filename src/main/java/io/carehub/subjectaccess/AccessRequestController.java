package io.carehub.subjectaccess;

import io.carehub.access.AccessLog;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.documentation.AttachmentQueries;
import io.carehub.documentation.ContactQueries;
import io.carehub.documentation.MessageHistory;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * R50: a privacy officer's access request. {@code POST /api/privacy/access-requests} with {@code {"waId":"…"}} or
 * {@code {"userId":"…"}} (in the body, so the identifier stays out of URLs and their logs) streams everything stored
 * about the contact as a zip; the answer's {@value #EXPORT_ID} header names the export, whose progress
 * {@code GET /api/privacy/access-requests/{id}} shows while the zip streams. R47: both are for privacy officers only;
 * the export is in the access log and in the table of exports (who, which contact, when, how far).
 */
@RestController
@RequestMapping("/api/privacy/access-requests")
class AccessRequestController {

    static final String EXPORT_ID = "Carehub-Export-Id";

    record AccessRequest(String waId, String userId) {}

    private final ContactQueries contacts;
    private final MessageHistory messages;
    private final AttachmentQueries attachments;
    private final AccessExports exports;
    private final AccessRequestArchive archive;
    private final Callers callers;
    private final AccessLog accessLog;

    AccessRequestController(
            ContactQueries contacts,
            MessageHistory messages,
            AttachmentQueries attachments,
            AccessExports exports,
            AccessRequestArchive archive,
            Callers callers,
            AccessLog accessLog) {
        this.contacts = contacts;
        this.messages = messages;
        this.attachments = attachments;
        this.exports = exports;
        this.archive = archive;
        this.callers = callers;
        this.accessLog = accessLog;
    }

    @PostMapping
    ResponseEntity<StreamingResponseBody> export(@RequestBody AccessRequest request) {
        if ((blank(request.waId())) == (blank(request.userId()))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give exactly one of waId and userId");
        }
        ContactQueries.Exported contact = contacts.exported(blank(request.waId()) ? request.userId() : request.waId())
                .orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no contact with this identifier"));
        Caller caller = callers.current();
        UUID id = exports.start(
                contact.id(),
                caller,
                Role.PRIVACY_OFFICER,
                messages.countOfContact(contact.id()),
                attachments.storedBytesOfContact(contact.id()));
        accessLog.contactById(
                caller, Role.PRIVACY_OFFICER, AccessLog.Action.ACCESS_REQUEST, contact.id(), "export " + id);
        StreamingResponseBody body = out -> archive.write(id, contact, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("access-request-" + id + ".zip")
                                .build()
                                .toString())
                .header(EXPORT_ID, id.toString())
                .header(HttpHeaders.LINK, "</api/privacy/access-requests/" + id + ">; rel=\"monitor\"")
                .body(body);
    }

    @GetMapping("/{id}")
    AccessExports.Status status(@PathVariable UUID id) {
        return exports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no export " + id));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
