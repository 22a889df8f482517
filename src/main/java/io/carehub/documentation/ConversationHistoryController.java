package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.access.AccessLog;
import io.carehub.access.AccessLog.Action;
import io.carehub.access.Caller;
import io.carehub.access.Callers;
import io.carehub.access.Role;
import io.carehub.privacy.SensitiveData;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R18: agents and the customer resume a conversation: its history, paged, newest first, with attachments. R47: an
 * agent reads only conversations of their pools or assigned to them; every read is in the access log.
 */
@RestController
@RequestMapping("/api")
class ConversationHistoryController {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationHistoryController.class);
    private static final int MAX_PAGE_SIZE = 200;

    private final ConversationQueries queries;
    private final MessageHistory messages;
    private final AttachmentQueries attachments;
    private final ObjectMapper mapper;
    private final Callers callers;
    private final AccessLog accessLog;
    private final SensitiveData sensitive;

    ConversationHistoryController(
            ConversationQueries queries,
            MessageHistory messages,
            AttachmentQueries attachments,
            ObjectMapper mapper,
            Callers callers,
            AccessLog accessLog,
            SensitiveData sensitive) {
        this.queries = queries;
        this.messages = messages;
        this.attachments = attachments;
        this.mapper = mapper;
        this.callers = callers;
        this.accessLog = accessLog;
        this.sensitive = sensitive;
    }

    record AttachmentView(
            long id, String mediaId, String mimeType, String filename, Long sizeBytes, String state, String href) {}

    record MessageView(
            long id,
            String wamid,
            String direction,
            String type,
            String rawType,
            String text,
            JsonNode details,
            String contextWamid,
            Instant sentAt,
            Instant documentedAt,
            String deliveryState,
            Integer errorCode,
            String errorTitle,
            List<AttachmentView> attachments,
            List<String> sensitiveData) {}

    record MessagePage(long conversationId, int page, int size, long totalElements, List<MessageView> messages) {}

    @GetMapping("/conversations")
    List<ConversationQueries.Summary> conversations(
            @RequestParam(required = false) String waId, @RequestParam(required = false) String userId) {
        // R52: a customer without a known phone number is found by BSUID
        if ((waId == null) == (userId == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give exactly one of waId and userId");
        }
        Caller caller = callers.current();
        accessLog.contact(
                caller,
                caller.firstOf(Role.PRIVACY_OFFICER, Role.SUPERVISOR),
                Action.CUSTOMER_LOOKUP,
                waId != null ? waId : userId);
        return queries.ofCustomer(waId, userId);
    }

    @GetMapping("/conversations/{id}/messages")
    MessagePage messages(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        Role role = mayRead(id);
        accessLog.conversation(callers.current(), role, Action.HISTORY_READ, id, null);
        long total = messages.count(id);
        List<MessageView> views = new ArrayList<>();
        Map<Long, List<AttachmentView>> byMessage = new LinkedHashMap<>();
        for (MessageHistory.Row row : messages.page(id, size, (long) page * size)) {
            List<AttachmentView> list = new ArrayList<>();
            byMessage.put(row.id(), list);
            views.add(new MessageView(
                    row.id(),
                    row.wamid(),
                    row.direction(),
                    row.type(),
                    row.rawType(),
                    // R51: an IBAN or ID number is shown masked; the assigned agent reveals it explicitly
                    row.sensitiveData() == null ? row.text() : sensitive.mask(row.text()),
                    json(row.details()),
                    row.contextWamid(),
                    row.sentAt(),
                    row.documentedAt(),
                    row.deliveryState(),
                    row.errorCode(),
                    row.errorTitle(),
                    list,
                    row.sensitiveData()));
        }
        if (!byMessage.isEmpty()) {
            attachments.ofMessages(
                    byMessage.keySet(),
                    a -> byMessage
                            .get(a.messageId())
                            .add(new AttachmentView(
                                    a.id(),
                                    a.mediaId(),
                                    a.mimeType(),
                                    a.filename(),
                                    a.sizeBytes(),
                                    a.state(),
                                    "/api/attachments/" + a.id() + "/content")));
        }
        return new MessagePage(id, page, size, total, views);
    }

    /**
     * R18/R19: the attachment's bytes, decrypted as they stream to the client. They are first decrypted once without
     * being sent: a tampered or lost chunk is answered with an error status, never with a partial body as success.
     */
    @GetMapping("/attachments/{id}/content")
    void attachmentContent(@PathVariable long id, HttpServletResponse response) throws IOException {
        long conversation = queries.ofAttachment(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no attachment " + id));
        Role role = mayRead(conversation);
        accessLog.conversation(callers.current(), role, Action.ATTACHMENT_READ, conversation, "attachment " + id);
        AttachmentQueries.Content content = attachments
                .content(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no attachment " + id));
        if (!"STORED".equals(content.state())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "attachment " + id + " is " + content.state());
        }
        try {
            attachments.read(content, OutputStream.nullOutputStream());
        } catch (AttachmentChunks.UnreadableException e) {
            LOG.error("attachment {} not served: {}", id, e.getMessage());
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        }
        AttachmentDownloads.prepare(response, id, content.mimeType(), content.sizeBytes());
        // a chunk altered between both reads ends the body short of its Content-Length: the client sees a failure
        attachments.read(content, response.getOutputStream());
    }

    /** R47: the role that lets the caller read the conversation; agents only their pools' or their own. */
    private Role mayRead(long id) {
        ConversationQueries.Assignment assignment = queries.assignment(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id));
        Caller caller = callers.current();
        // R31: once closed, an archived conversation is the privacy officer's to read, nobody else's
        if (!caller.has(Role.PRIVACY_OFFICER)
                && queries.archive(id).filter(a -> "CLOSED".equals(a.status())).isPresent()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "conversation " + id + " is archived (R31): only the privacy officer reads it");
        }
        if (caller.has(Role.PRIVACY_OFFICER) || caller.has(Role.SUPERVISOR)) {
            return caller.firstOf(Role.SUPERVISOR, Role.PRIVACY_OFFICER);
        }
        if (caller.servesPool(assignment.pool()) || caller.id().equals(assignment.assignedAgent())) {
            return Role.AGENT;
        }
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "conversation " + id + " is not in your pools");
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
