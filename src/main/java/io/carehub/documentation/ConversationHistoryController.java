package io.carehub.documentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** R18: agents and the customer resume a conversation: its history, paged, newest first, with attachments. */
@RestController
@RequestMapping("/api")
class ConversationHistoryController {

    private static final int MAX_PAGE_SIZE = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper mapper;

    ConversationHistoryController(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    record ConversationView(long id, String waId, String profileName, String businessPhoneNumberId, String status,
            Instant openedAt, Instant lastInboundAt, Instant windowExpiresAt, long messageCount) {
    }

    record AttachmentView(long id, String mediaId, String mimeType, String filename, Long sizeBytes, String state,
            String href) {
    }

    record MessageView(long id, String wamid, String direction, String type, String rawType, String text,
            JsonNode details, String contextWamid, Instant sentAt, Instant documentedAt, String deliveryState,
            Integer errorCode, String errorTitle, List<AttachmentView> attachments) {
    }

    record MessagePage(long conversationId, int page, int size, long totalElements, List<MessageView> messages) {
    }

    @GetMapping("/conversations")
    List<ConversationView> conversations(@RequestParam String waId) {
        return jdbc.query("""
                select c.id, k.wa_id, k.profile_name, c.business_phone_number_id, c.status, c.opened_at,
                       c.last_inbound_at, c.window_expires_at,
                       (select count(*) from message m where m.conversation_id = c.id) as message_count
                  from conversation c join contact k on k.id = c.contact_id
                 where k.wa_id = :waId
                 order by c.opened_at desc, c.id desc""",
                Map.of("waId", waId),
                (rs, i) -> new ConversationView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)), rs.getLong(9)));
    }

    @GetMapping("/conversations/{id}/messages")
    MessagePage messages(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        List<Long> found = jdbc.queryForList("select id from conversation where id = :id", Map.of("id", id), Long.class);
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no conversation " + id);
        }
        Long total = jdbc.queryForObject("select count(*) from message where conversation_id = :id", Map.of("id", id),
                Long.class);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("id", id).addValue("limit", size).addValue("offset", (long) page * size);
        List<MessageView> messages = new ArrayList<>();
        Map<Long, List<AttachmentView>> attachments = new LinkedHashMap<>();
        jdbc.query("""
                select id, wamid, direction, type, raw_type, text_body, details::text, context_wamid, sent_at,
                       documented_at, delivery_state, error_code, error_title
                  from message where conversation_id = :id
                 order by coalesce(sent_at, documented_at) desc, id desc
                 limit :limit offset :offset""", params, rs -> {
            long messageId = rs.getLong(1);
            List<AttachmentView> list = new ArrayList<>();
            attachments.put(messageId, list);
            messages.add(new MessageView(messageId, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), json(rs.getString(7)), rs.getString(8), instant(rs.getTimestamp(9)),
                    instant(rs.getTimestamp(10)), rs.getString(11), (Integer) rs.getObject(12), rs.getString(13), list));
        });
        if (!attachments.isEmpty()) {
            jdbc.query("""
                    select id, message_id, media_id, mime_type, filename, size_bytes, state
                      from attachment where message_id in (:ids) order by id""",
                    Map.of("ids", attachments.keySet()), rs -> {
                long attachmentId = rs.getLong(1);
                attachments.get(rs.getLong(2)).add(new AttachmentView(attachmentId, rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getString(7),
                        "/api/attachments/" + attachmentId + "/content"));
            });
        }
        return new MessagePage(id, page, size, total == null ? 0 : total, messages);
    }

    @GetMapping("/attachments/{id}/content")
    ResponseEntity<byte[]> attachmentContent(@PathVariable long id) {
        List<ResponseEntity<byte[]>> found = jdbc.query("""
                select mime_type, content, state from attachment where id = :id""", Map.of("id", id), (rs, i) -> {
            if (!"STORED".equals(rs.getString(3))) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "attachment " + id + " is " + rs.getString(3));
            }
            MediaType type;
            try {
                type = MediaType.parseMediaType(rs.getString(1));
            } catch (RuntimeException unknown) {
                type = MediaType.APPLICATION_OCTET_STREAM;
            }
            return ResponseEntity.ok().contentType(type).body(rs.getBytes(2));
        });
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no attachment " + id);
        }
        return found.get(0);
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

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
