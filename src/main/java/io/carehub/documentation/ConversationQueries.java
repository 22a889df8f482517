package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.LookupHash;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R9/R18/R20-R22: every read of the table {@code conversation}, for routing, the dialog gate, the window policy, the
 * agent API and the history API. Reads join {@code contact} (and {@code customer_identity} for the display name)
 * for their columns. Writes and the state machine are {@link Conversations}'.
 */
@Component
public class ConversationQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactKeys keys;
    private final LookupHash lookupHash;

    ConversationQueries(NamedParameterJdbcTemplate jdbc, ContactKeys keys, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.lookupHash = lookupHash;
    }

    /** What routing and the dialog gate decide on. */
    public record Routing(
            long id,
            long contactId,
            String waId,
            String userId,
            String profileName,
            String username,
            ConversationStatus status,
            String segment,
            String segmentSource,
            String topic,
            Instant menuSentAt) {}

    /** A conversation in a pool, as the hand-off names it. */
    public record Queued(
            String pool,
            String segment,
            String segmentSource,
            String topic,
            int priority,
            String preferredAgent,
            Instant queuedAt,
            String botSummary) {}

    /** A row of a pool's list for the agent desktop. */
    public record InPool(
            long id,
            String pool,
            ConversationStatus status,
            String segment,
            String topic,
            int priority,
            Instant queuedAt,
            String assignedAgent,
            String preferredAgent,
            String displayName,
            String waId,
            String userId) {}

    /** R9: the window and whose conversation it is. */
    public record Window(long contactId, Instant expiresAt) {}

    /** R18: a conversation of a customer, for the history API. */
    public record Summary(
            long id,
            String waId,
            String userId,
            String profileName,
            String businessPhoneNumberId,
            String status,
            Instant openedAt,
            Instant lastInboundAt,
            Instant windowExpiresAt,
            long messageCount) {}

    // ---- R7/R9 recipient and window ----

    public Window window(long id) {
        return jdbc.queryForObject(
                "select contact_id, window_expires_at from conversation where id = :id",
                Map.of("id", id),
                (rs, i) -> new Window(rs.getLong(1), instant(rs.getTimestamp(2))));
    }

    /** R7/R52: whom outbound messages go to: the phone number when known, else the BSUID. */
    public record Recipient(String waId, String userId) {}

    /** R7/R52: the recipient of outbound messages in this conversation. */
    public Recipient recipient(long id) {
        return jdbc.queryForObject("""
                select k.id, k.wa_id_hash is not null, k.phone_number, k.user_id
                  from conversation c join contact k on k.id = c.contact_id where c.id = :id""", Map.of("id", id), (rs, i) -> {
            ContactCipher cipher = keys.existing(rs.getLong(1)).orElse(null);
            return new Recipient(
                    rs.getBoolean(2) ? open(cipher, rs.getBytes(3), Contacts.PHONE_NUMBER) : null,
                    open(cipher, rs.getBytes(4), Contacts.USER_ID));
        });
    }

    // ---- reads ----

    public Routing routing(long id) {
        return jdbc.queryForObject("""
                select c.id, c.contact_id, k.wa_id_hash is not null, k.phone_number, k.user_id, k.profile_name,
                       k.username, c.routing_state, c.segment, c.segment_source, c.topic, c.menu_sent_at
                  from conversation c join contact k on k.id = c.contact_id where c.id = :id""", Map.of("id", id), (rs, i) -> {
            ContactCipher cipher = keys.existing(rs.getLong(2)).orElse(null);
            return ConversationRows.routing(rs, cipher);
        });
    }

    public Optional<ConversationStatus> status(long id) {
        return jdbc
                .queryForList("select routing_state from conversation where id = :id", Map.of("id", id), String.class)
                .stream()
                .findFirst()
                .map(ConversationStatus::valueOf);
    }

    /** R22: the agent who claimed it, if it is {@link ConversationStatus#CLAIMED}. */
    public Optional<String> claimedBy(long id) {
        return jdbc.queryForList("""
                select coalesce(assigned_agent, '') from conversation where id = :id and routing_state = 'CLAIMED'""", Map.of("id", id), String.class).stream().findFirst();
    }

    public Queued queued(long id) {
        return jdbc.queryForObject(
                """
                select pool, segment, segment_source, topic, coalesce(priority, 5), preferred_agent, queued_at, bot_summary,
                       contact_id
                  from conversation where id = :id""",
                Map.of("id", id),
                (rs, i) ->
                        ConversationRows.queued(rs, keys.existing(rs.getLong(9)).orElse(null)));
    }

    /** R21: sticky routing: the agent who last claimed another conversation of the contact since {@code since}. */
    public Optional<String> lastAgent(long contactId, long exceptId, Instant since) {
        return jdbc
                .queryForList(
                        """
                select assigned_agent from conversation
                 where contact_id = :contact and id <> :id and assigned_agent is not null and claimed_at >= :since
                 order by claimed_at desc limit 1""",
                        new MapSqlParameterSource()
                                .addValue("contact", contactId)
                                .addValue("id", exceptId)
                                .addValue("since", Timestamp.from(since)),
                        String.class)
                .stream()
                .findFirst();
    }

    /** R22: a pool's waiting or claimed conversations, highest priority and oldest first. */
    public List<InPool> inPool(String pool, ConversationStatus status) {
        return jdbc.query("""
                select c.id, c.pool, c.routing_state, c.segment, c.topic, coalesce(c.priority, 5), c.queued_at,
                       c.assigned_agent, c.preferred_agent, i.name, k.profile_name, k.username,
                       k.wa_id_hash is not null, k.phone_number, k.user_id, k.id
                  from conversation c join contact k on k.id = c.contact_id
                  left join customer_identity i on i.contact_id = k.id
                 where c.pool = :pool and c.routing_state = :state
                 order by c.priority desc nulls last, c.queued_at, c.id""", Map.of("pool", pool, "state", status.name()), (rs, i) -> {
            ContactCipher cipher = keys.existing(rs.getLong(16)).orElse(null);
            return ConversationRows.inPool(rs, cipher);
        });
    }

    /** R18: the customer's conversations, newest first, with their message counts. */
    public List<Summary> ofCustomer(String waId, String userId) {
        return jdbc.query(
                """
                select c.id, k.wa_id_hash is not null, k.phone_number, k.user_id, k.profile_name, k.username,
                       c.business_phone_number_id, c.status, c.opened_at,
                       c.last_inbound_at, c.window_expires_at,
                       (select count(*) from message m where m.conversation_id = c.id) as message_count, k.id
                  from conversation c join contact k on k.id = c.contact_id
                 where k.wa_id_hash = cast(:waIdHash as bytea) or k.user_id_hash = cast(:userIdHash as bytea)
                 order by c.opened_at desc, c.id desc""",
                new MapSqlParameterSource("waIdHash", lookupHash.of(waId))
                        .addValue("userIdHash", lookupHash.of(userId)),
                (rs, i) -> {
                    ContactCipher cipher = keys.existing(rs.getLong(13)).orElse(null);
                    return ConversationRows.summary(rs, cipher);
                });
    }

    /** R47: whose conversation it is: the pool it waits in or came from, and the assigned agent (null if none). */
    public record Assignment(String pool, String assignedAgent) {}

    public Optional<Assignment> assignment(long id) {
        return jdbc
                .query(
                        "select pool, assigned_agent from conversation where id = :id",
                        Map.of("id", id),
                        (rs, i) -> new Assignment(rs.getString(1), rs.getString(2)))
                .stream()
                .findFirst();
    }

    /** R47: the conversation an attachment belongs to. */
    public Optional<Long> ofAttachment(long attachmentId) {
        return jdbc.queryForList("""
                        select m.conversation_id from attachment a join message m on m.id = a.message_id
                         where a.id = :id""", Map.of("id", attachmentId), Long.class).stream()
                .findFirst();
    }

    public boolean exists(long id) {
        return !jdbc.queryForList("select id from conversation where id = :id", Map.of("id", id), Long.class)
                .isEmpty();
    }

    /** R19: a contact's encrypted value; null when absent or when the contact's key is gone (erased). */
    static String open(ContactCipher cipher, byte[] value, String associated) {
        return cipher == null ? null : cipher.openText(value, associated);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // i15-retention: the archive (R31)

    /** R31: one archived conversation, for the privacy officer; no content. */
    public record Archived(
            long id,
            long contactId,
            String archiveClass,
            Instant contractRelevantAt,
            String contractRelevantBy,
            Instant archivedUntil,
            String status) {}

    /** R31: archived conversations, the oldest mark first, one page. */
    public List<Archived> archived(int limit, long offset) {
        return jdbc.query(
                """
                select id, contact_id, archive_class, contract_relevant_at, contract_relevant_by, archived_until, status
                  from conversation where archive_class is not null
                 order by contract_relevant_at, id limit :limit offset :offset""", new MapSqlParameterSource("limit", limit).addValue("offset", offset), ConversationRows::archived);
    }

    /** R31: the conversation's archive entry, empty when it is not archived (or unknown). */
    public Optional<Archived> archive(long id) {
        return jdbc.query("""
                        select id, contact_id, archive_class, contract_relevant_at, contract_relevant_by, archived_until,
                               status
                          from conversation where id = :id and archive_class is not null""", Map.of("id", id), ConversationRows::archived).stream()
                .findFirst();
    }

    // ---- access-request export (R50) ----

    /** R50: a conversation as stored, with its routing, the bot's summary for the agent and its archive class. */
    public record Exported(
            long id,
            String businessPhoneNumberId,
            String status,
            Instant openedAt,
            Instant lastInboundAt,
            Instant windowExpiresAt,
            Instant closedAt,
            String consentState,
            String segment,
            String segmentSource,
            String topic,
            String pool,
            Integer priority,
            String routingState,
            Instant queuedAt,
            String assignedAgent,
            Instant claimedAt,
            boolean overflowed,
            String preferredAgent,
            String botSummary,
            String archiveClass,
            Instant contractRelevantAt,
            String contractRelevantBy,
            Instant archivedUntil) {}

    /** R50: the contact's conversations, oldest first. */
    public void exportOf(long contactId, java.util.function.Consumer<Exported> each) {
        jdbc.query("""
                select id, business_phone_number_id, status, opened_at, last_inbound_at, window_expires_at, closed_at,
                       consent_state, segment, segment_source, topic, pool, priority, routing_state, queued_at,
                       assigned_agent, claimed_at, overflowed, preferred_agent, bot_summary, archive_class,
                       contract_relevant_at, contract_relevant_by, archived_until
                  from conversation where contact_id = :contact order by opened_at, id""", Map.of("contact", contactId), rs -> {
            ContactCipher cipher = keys.existing(contactId).orElse(null);
            each.accept(ConversationRows.exported(rs, cipher));
        });
    }
}
