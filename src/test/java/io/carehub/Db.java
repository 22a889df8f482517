package io.carehub;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the hub stored, read the way a test asserts on it: counts, a customer's conversation, its outbound messages. */
public final class Db {

    private final JdbcTemplate jdbc;

    Db(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    /** Outbound messages of the customer's conversations, oldest first: type and Graph API payload. */
    public List<Map<String, Object>> outbound(String waId) {
        return jdbc.queryForList("""
                select m.type, m.text_body, m.outbound_payload::text as payload, m.actor from message m
                  join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
                 where ? in (k.wa_id, k.user_id) and m.direction = 'OUTBOUND' order by m.id""", waId);
    }

    public void awaitOutbound(String waId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> outbound(waId).size() >= count);
    }

    /** The customer's latest conversation. */
    public long conversationOf(String waId) {
        return jdbc.queryForObject("""
                select c.id from conversation c join contact k on k.id = c.contact_id
                 where ? in (k.wa_id, k.user_id) order by c.id desc limit 1""", Long.class, waId);
    }

    public Map<String, Object> conversation(long id) {
        return jdbc.queryForMap("select * from conversation where id = ?", id);
    }
}
