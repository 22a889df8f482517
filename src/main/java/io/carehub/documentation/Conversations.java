package io.carehub.documentation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R9/R14/R17/R20-R23: owner of the table {@code conversation}: every statement on it lives here, and its
 * {@link ConversationStatus} changes only through the named transitions below, each of which refuses
 * (returns false) what does not follow from the current state. Reads for routing and the agent API join
 * {@code contact} (and {@code customer_identity} for the display name) for their columns. The other
 * tables' owners are listed in {@link Contacts}. Over 300 lines on purpose: the state machine and its reads
 * stay in one class, so no other class writes a state.
 */
@Component
public class Conversations {

    /** {@code conversation.status}: a customer has at most one open conversation per business number. */
    private static final String OPEN = "OPEN";

    private final NamedParameterJdbcTemplate jdbc;

    Conversations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What routing and the dialog gate decide on. */
    public record Routing(
            long id,
            long contactId,
            String waId,
            String profileName,
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
            String waId) {}

    /** R9: the window and whose conversation it is. */
    public record Window(long contactId, Instant expiresAt) {}

    /** R18: a conversation of a customer, for the history API. */
    public record Summary(
            long id,
            String waId,
            String profileName,
            String businessPhoneNumberId,
            String status,
            Instant openedAt,
            Instant lastInboundAt,
            Instant windowExpiresAt,
            long messageCount) {}

    // ---- documentation of a batch (set-based: a few statements per batch, not per update) ----

    /** The open conversations of the (contact, business number) pairs, by key. */
    Map<ConversationKey, Long> openOf(long[] contacts, String[] business) {
        Map<ConversationKey, Long> open = new HashMap<>();
        jdbc.query("""
                select c.id, k.wa_id, c.business_phone_number_id
                  from unnest(cast(:contacts as bigint[]), cast(:business as text[])) as p(contact_id, business)
                  join conversation c on c.contact_id = p.contact_id and c.business_phone_number_id = p.business
                                     and c.status = 'OPEN'
                  join contact k on k.id = c.contact_id""", new MapSqlParameterSource("contacts", contacts).addValue("business", business), rs -> {
            open.put(new ConversationKey(rs.getString(2), rs.getString(3)), rs.getLong(1));
        });
        return open;
    }

    /**
     * Opens a conversation for each (contact, business number) of the updates that has none open — but only
     * for an update about something not documented yet (R5): a duplicate, a retry or a late status of a
     * documented message after the close changes nothing.
     */
    void openFor(long[] contacts, String[] business, String[] wamids) {
        jdbc.update(
                """
                insert into conversation (contact_id, business_phone_number_id)
                select distinct u.contact_id, u.business
                  from unnest(cast(:contacts as bigint[]), cast(:business as text[]), cast(:wamids as text[]))
                       as u(contact_id, business, wamid)
                 where not exists (select 1 from conversation c
                                    where c.contact_id = u.contact_id and c.business_phone_number_id = u.business
                                      and c.status = 'OPEN')
                   and not exists (select 1 from message m where m.wamid = u.wamid)
                on conflict (contact_id, business_phone_number_id) where status = 'OPEN' do nothing""",
                new MapSqlParameterSource("contacts", contacts)
                        .addValue("business", business)
                        .addValue("wamids", wamids));
    }

    /** R9: customer messages open or refresh their conversations' windows (latest inbound per conversation). */
    void openServiceWindows(long[] conversations, String[] sentAt, String[] expiresAt) {
        jdbc.update(
                """
                update conversation c
                   set last_inbound_at = greatest(c.last_inbound_at, u.sent_at),
                       window_expires_at = greatest(c.window_expires_at, u.expires_at)
                  from unnest(cast(:conversations as bigint[]), cast(:sentAt as timestamptz[]),
                              cast(:expires as timestamptz[])) as u(id, sent_at, expires_at)
                 where c.id = u.id""",
                new MapSqlParameterSource()
                        .addValue("conversations", conversations)
                        .addValue("sentAt", sentAt)
                        .addValue("expires", expiresAt));
    }

    // ---- R9 window ----

    public Window window(long id) {
        return jdbc.queryForObject(
                "select contact_id, window_expires_at from conversation where id = :id",
                Map.of("id", id),
                (rs, i) -> new Window(rs.getLong(1), instant(rs.getTimestamp(2))));
    }

    /** R9: Meta answered 131047 (re-engagement): the window is closed as of {@code now}, whatever we computed. */
    public void closeWindow(long id, Instant now) {
        jdbc.update(
                "update conversation set window_expires_at = :now where id = :id and window_expires_at > :now",
                new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("id", id));
    }

    /** R7: the customer's WhatsApp id, the recipient of outbound messages. */
    public String recipient(long id) {
        return jdbc.queryForObject(
                "select k.wa_id from conversation c join contact k on k.id = c.contact_id where c.id = :id",
                Map.of("id", id),
                String.class);
    }

    // ---- reads ----

    public Routing routing(long id) {
        return jdbc.queryForObject(
                """
                select c.id, c.contact_id, k.wa_id, k.profile_name, c.routing_state, c.segment, c.segment_source, c.topic,
                       c.menu_sent_at
                  from conversation c join contact k on k.id = c.contact_id where c.id = :id""",
                Map.of("id", id),
                (rs, i) -> new Routing(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        ConversationStatus.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs.getTimestamp(9))));
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
                select pool, segment, segment_source, topic, coalesce(priority, 5), preferred_agent, queued_at, bot_summary
                  from conversation where id = :id""",
                Map.of("id", id),
                (rs, i) -> new Queued(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        instant(rs.getTimestamp(7)),
                        rs.getString(8)));
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
        return jdbc.query(
                """
                select c.id, c.pool, c.routing_state, c.segment, c.topic, coalesce(c.priority, 5), c.queued_at,
                       c.assigned_agent, c.preferred_agent, coalesce(i.name, k.profile_name), k.wa_id
                  from conversation c join contact k on k.id = c.contact_id
                  left join customer_identity i on i.contact_id = k.id
                 where c.pool = :pool and c.routing_state = :state
                 order by c.priority desc nulls last, c.queued_at, c.id""",
                Map.of("pool", pool, "state", status.name()),
                (rs, i) -> new InPool(
                        rs.getLong(1),
                        rs.getString(2),
                        ConversationStatus.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        instant(rs.getTimestamp(7)),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)));
    }

    /** R18: the customer's conversations, newest first, with their message counts. */
    public List<Summary> ofCustomer(String waId) {
        return jdbc.query(
                """
                select c.id, k.wa_id, k.profile_name, c.business_phone_number_id, c.status, c.opened_at,
                       c.last_inbound_at, c.window_expires_at,
                       (select count(*) from message m where m.conversation_id = c.id) as message_count
                  from conversation c join contact k on k.id = c.contact_id
                 where k.wa_id = :waId
                 order by c.opened_at desc, c.id desc""",
                Map.of("waId", waId),
                (rs, i) -> new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)),
                        rs.getLong(9)));
    }

    public boolean exists(long id) {
        return !jdbc.queryForList("select id from conversation where id = :id", Map.of("id", id), Long.class)
                .isEmpty();
    }

    // ---- attributes ----

    /** R14: the answer to the notice applies to the contact's open conversations. */
    public void consent(long contactId, String decision) {
        jdbc.update(
                "update conversation set consent_state = :decision where contact_id = :contact and status = 'OPEN'",
                Map.of("decision", decision, "contact", contactId));
    }

    /** R20: segment (and where it came from) and topic as far as known. */
    public void classify(long id, String segment, String segmentSource, String topic) {
        jdbc.update(
                "update conversation set segment = :segment, segment_source = :source, topic = :topic where id = :id",
                new MapSqlParameterSource()
                        .addValue("segment", segment)
                        .addValue("source", segmentSource)
                        .addValue("topic", topic)
                        .addValue("id", id));
    }

    /** R21: true once: the out-of-hours reply is due in this conversation. */
    public boolean claimOutOfHoursReply(long id, Instant now) {
        return jdbc.update(
                        "update conversation set out_of_hours_sent_at = :now where id = :id and out_of_hours_sent_at is null",
                        new MapSqlParameterSource()
                                .addValue("now", Timestamp.from(now))
                                .addValue("id", id))
                == 1;
    }

    /** R27: the bot's note for the agent, handed over with the conversation. */
    public void keepBotSummary(long id, String summary) {
        jdbc.update(
                "update conversation set bot_summary = :summary where id = :id", Map.of("summary", summary, "id", id));
    }

    // ---- state transitions (ConversationStatus) ----

    /** NEW → BOT (R23); false when it left NEW meanwhile. */
    public boolean startBot(long id) {
        return move(id, "routing_state = 'BOT'", "routing_state = 'NEW'", new MapSqlParameterSource());
    }

    /** BOT → NEW (R23): the dialog ended, agent routing decides next. */
    public boolean leaveBot(long id) {
        return move(id, "routing_state = 'NEW'", "routing_state = 'BOT'", new MapSqlParameterSource());
    }

    /** NEW | AWAITING_MENU → AWAITING_MENU (R20): the menu was sent. */
    public boolean awaitMenu(long id, Instant now) {
        return move(
                id,
                "routing_state = 'AWAITING_MENU', menu_sent_at = :now",
                "routing_state in ('NEW', 'AWAITING_MENU')",
                new MapSqlParameterSource("now", Timestamp.from(now)));
    }

    /** NEW | AWAITING_MENU → WAITING (R21): into the pool's queue. */
    public boolean queue(long id, String pool, int priority, Instant now, String preferredAgent) {
        return move(
                id,
                """
                routing_state = 'WAITING', pool = :pool, priority = :priority, queued_at = :now,
                preferred_agent = :preferred, assigned_agent = null""",
                "routing_state in ('NEW', 'AWAITING_MENU')",
                new MapSqlParameterSource()
                        .addValue("pool", pool)
                        .addValue("priority", priority)
                        .addValue("now", Timestamp.from(now))
                        .addValue("preferred", preferredAgent));
    }

    /** WAITING → CLAIMED (R22): exactly one agent wins. */
    public boolean claim(long id, String agent, Instant now) {
        return move(
                id,
                "routing_state = 'CLAIMED', assigned_agent = :agent, claimed_at = :now",
                "routing_state = 'WAITING'",
                new MapSqlParameterSource().addValue("agent", agent).addValue("now", Timestamp.from(now)));
    }

    /** CLAIMED → WAITING in another pool (R22). */
    public boolean transferToPool(long id, String pool, Instant now) {
        return move(
                id,
                "routing_state = 'WAITING', pool = :pool, assigned_agent = null, queued_at = :now",
                "routing_state = 'CLAIMED'",
                new MapSqlParameterSource().addValue("pool", pool).addValue("now", Timestamp.from(now)));
    }

    /** CLAIMED → CLAIMED by another agent (R22). */
    public boolean transferToAgent(long id, String agent, Instant now) {
        return move(
                id,
                "assigned_agent = :agent, claimed_at = :now",
                "routing_state = 'CLAIMED'",
                new MapSqlParameterSource().addValue("agent", agent).addValue("now", Timestamp.from(now)));
    }

    /** CLAIMED by {@code agent} → CLOSED (R22): the customer's next message opens a new conversation. */
    public boolean close(long id, String agent, Instant now) {
        return move(
                id,
                "routing_state = 'CLOSED', status = 'CLOSED', closed_at = :now",
                "routing_state = 'CLAIMED' and assigned_agent = :agent",
                new MapSqlParameterSource().addValue("agent", agent).addValue("now", Timestamp.from(now)));
    }

    /** WAITING in {@code from} since {@code due} → WAITING in {@code to}, once (R21); returns the moved ids. */
    public List<Long> overflow(String from, String to, int priority, Instant now, Instant due) {
        return jdbc.queryForList(
                """
                update conversation set pool = :to, priority = :priority, queued_at = :now, overflowed = true
                 where routing_state = 'WAITING' and pool = :from and not overflowed and queued_at <= :due
                returning id""",
                new MapSqlParameterSource()
                        .addValue("to", to)
                        .addValue("priority", priority)
                        .addValue("now", Timestamp.from(now))
                        .addValue("from", from)
                        .addValue("due", Timestamp.from(due)),
                Long.class);
    }

    /** One transition: {@code set} where the conversation is open and {@code from} holds (fixed SQL fragments). */
    private boolean move(long id, String set, String from, MapSqlParameterSource params) {
        return jdbc.update(
                        "update conversation set " + set + " where id = :id and status = '" + OPEN + "' and (" + from
                                + ")",
                        params.addValue("id", id))
                == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
