package io.carehub;

import static org.awaitility.Awaitility.await;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.LookupHash;
import io.carehub.crypto.UnattributedKeys;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the hub stored, read the way a test asserts on it: counts, a customer's conversation, its outbound messages.
 * R19: customers are found by the keyed hashes of their identifiers ({@link #hash}) and every encrypted column is
 * read decrypted with the contact's key, as the hub's own reads do.
 */
public final class Db {

    private static final List<String> MESSAGE_COLUMNS =
            List.of("text_body", "details", "outbound_payload", "last_error", "error_title");
    private static final List<String> CONTACT_COLUMNS =
            List.of("phone_number", "user_id", "parent_user_id", "username", "profile_name");

    private final JdbcTemplate jdbc;
    private final ContactKeys keys;
    private final LookupHash lookupHash;
    private final UnattributedKeys unattributed;

    Db(JdbcTemplate jdbc, ContactKeys keys, LookupHash lookupHash, UnattributedKeys unattributed) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.lookupHash = lookupHash;
        this.unattributed = unattributed;
    }

    public long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    /** R19: the keyed hash a WhatsApp id or BSUID is stored and looked up by ({@code wa_id_hash}, {@code user_id_hash}). */
    public byte[] hash(String identifier) {
        return lookupHash.of(identifier);
    }

    /** A value decrypted with the contact's key ({@code associated}: "table.column"); null without a key. */
    public String open(long contactId, byte[] value, String associated) {
        Optional<ContactCipher> cipher = keys.existing(contactId);
        return cipher.map(c -> c.openText(value, associated)).orElse(null);
    }

    /**
     * The contact's row with its identifiers and names decrypted; {@code wa_id} is the phone number while the
     * contact is known by it. Null when no contact has the id.
     */
    public Map<String, Object> contact(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from contact where id = ?", id);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>(rows.get(0));
        for (String column : CONTACT_COLUMNS) {
            row.put(column, open(id, (byte[]) row.get(column), "contact." + column));
        }
        row.put("wa_id", row.get("wa_id_hash") != null ? row.get("phone_number") : null);
        return row;
    }

    /** The ids of the contacts known by any of these WhatsApp ids or BSUIDs, in id order. */
    public List<Long> contactIds(String... identifiers) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (String identifier : identifiers) {
            ids.addAll(jdbc.queryForList(
                    "select id from contact where ? in (wa_id_hash, user_id_hash)", Long.class, hash(identifier)));
        }
        return List.copyOf(ids);
    }

    /**
     * The message's row with text, details, outbound payload, last error and error title decrypted (details as jsonb
     * text).
     */
    public Map<String, Object> message(long id) {
        Map<String, Object> row = new LinkedHashMap<>(jdbc.queryForMap("""
                select m.*, c.contact_id from message m join conversation c on c.id = m.conversation_id
                 where m.id = ?""", id));
        long contact = (Long) row.get("contact_id");
        for (String column : MESSAGE_COLUMNS) {
            row.put(column, open(contact, (byte[]) row.get(column), "message." + column));
        }
        for (String json : List.of("details", "outbound_payload")) {
            if (row.get(json) != null) { // as PostgreSQL's jsonb prints it
                row.put(json, jdbc.queryForObject("select cast(? as jsonb)::text", String.class, row.get(json)));
            }
        }
        return row;
    }

    /** R19: the file names of the message's attachments, decrypted, in id order. */
    public List<String> attachmentFilenames(long messageId) {
        return jdbc.query("""
                select a.filename, c.contact_id from attachment a join message m on m.id = a.message_id
                  join conversation c on c.id = m.conversation_id where a.message_id = ? order by a.id""", (rs, i) -> open(rs.getLong(2), rs.getBytes(1), "attachment.filename"), messageId);
    }

    /** The message with this wamid, decrypted (see {@link #message(long)}). */
    public Map<String, Object> message(String wamid) {
        return message(jdbc.queryForObject("select id from message where wamid = ?", Long.class, wamid));
    }

    /** The text of a message, decrypted. */
    public String text(long messageId) {
        return (String) message(messageId).get("text_body");
    }

    /** Every message of the customer's conversations, oldest first, decrypted. */
    public List<Map<String, Object>> messages(String waId) {
        return jdbc.queryForList("""
                select m.id from message m
                  join conversation c on c.id = m.conversation_id join contact k on k.id = c.contact_id
                 where ? in (k.wa_id_hash, k.user_id_hash) order by m.id""", Long.class, hash(waId)).stream()
                .map(this::message)
                .toList();
    }

    /** Outbound messages of the customer's conversations, oldest first: type and Graph API payload. */
    public List<Map<String, Object>> outbound(String waId) {
        return messages(waId).stream()
                .filter(m -> "OUTBOUND".equals(m.get("direction")))
                .map(m -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("type", m.get("type"));
                    row.put("text_body", m.get("text_body"));
                    row.put("payload", m.get("outbound_payload"));
                    row.put("actor", m.get("actor"));
                    return row;
                })
                .toList();
    }

    public void awaitOutbound(String waId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> outbound(waId).size() >= count);
    }

    /** The customer's latest conversation. */
    public long conversationOf(String waId) {
        return jdbc.queryForObject("""
                select c.id from conversation c join contact k on k.id = c.contact_id
                 where ? in (k.wa_id_hash, k.user_id_hash) order by c.id desc limit 1""", Long.class, hash(waId));
    }

    public Map<String, Object> conversation(long id) {
        return jdbc.queryForMap("select * from conversation where id = ?", id);
    }

    /** R26: the dialog's log texts (pseudonymized), decrypted, oldest first. */
    public List<String> dialogLog(java.util.UUID dialogId) {
        return jdbc.query(
                """
                select c.contact_id, l.text_pseudonymized from dialog_log l join dialog d on d.id = l.dialog_id
                  join conversation c on c.id = d.conversation_id where l.dialog_id = ? order by l.id""", (rs, i) -> open(rs.getLong(1), rs.getBytes(2), "dialog_log.text_pseudonymized"), dialogId);
    }

    /**
     * Parked rejected updates whose reason is like {@code reasonLike} (SQL pattern; null: any) and whose payload,
     * decrypted with its month's key, satisfies {@code payload}.
     */
    public long rejected(String reasonLike, java.util.function.Predicate<byte[]> payload) {
        return jdbc
                .query(
                        "select key_month, payload from rejected_update where reason like ?",
                        (rs, i) -> unattributed.open(
                                rs.getDate(1).toLocalDate(), rs.getBytes(2), "rejected_update.payload"),
                        reasonLike == null ? "%" : reasonLike)
                .stream()
                .filter(p -> p != null && payload.test(p))
                .count();
    }

    /** For {@link #rejected}: the payload holds these bytes. */
    public static java.util.function.Predicate<byte[]> containing(byte[] part) {
        return payload -> indexOf(payload, part) >= 0;
    }

    /** For {@link #rejected}: the payload is exactly these bytes. */
    public static java.util.function.Predicate<byte[]> equalTo(byte[] whole) {
        return payload -> java.util.Arrays.equals(payload, whole);
    }

    private static int indexOf(byte[] content, byte[] pattern) {
        outer:
        for (int i = 0; i <= content.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
