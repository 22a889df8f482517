package io.carehub.documentation;

import io.carehub.crypto.ContactKeys;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R9/R14/R17/R20-R23: owner of the table {@code conversation}: every write to it lives here (its erasure and
 * retention in {@link ConversationRetention}), and its
 * {@link ConversationStatus} changes only through the named transitions below, each of which refuses
 * (returns false) what does not follow from the current state. Every read of the table is in
 * {@link ConversationQueries}; the other tables' owners are listed in {@link Contacts}.
 */
@Component
public class Conversations {

    /** {@code conversation.status}: a customer has at most one open conversation per business number. */
    private static final String OPEN = "OPEN";

    /** R19: associated data of the encrypted bot summary. */
    static final String BOT_SUMMARY = "conversation.bot_summary";

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactKeys keys;

    Conversations(NamedParameterJdbcTemplate jdbc, ContactKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    // ---- documentation of a batch (set-based: a few statements per batch, not per update) ----

    /** The open conversations of the (contact, business number) pairs, by key. */
    Map<ConversationKey, Long> openOf(long[] contacts, String[] business) {
        Map<ConversationKey, Long> open = new HashMap<>();
        jdbc.query("""
                select c.id, c.contact_id, c.business_phone_number_id
                  from unnest(cast(:contacts as bigint[]), cast(:business as text[])) as p(contact_id, business)
                  join conversation c on c.contact_id = p.contact_id and c.business_phone_number_id = p.business
                                     and c.status = 'OPEN'""", new MapSqlParameterSource("contacts", contacts).addValue("business", business), rs -> {
            open.put(new ConversationKey(rs.getLong(2), rs.getString(3)), rs.getLong(1));
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
    /** R9: Meta answered 131047 (re-engagement): the window is closed as of {@code now}, whatever we computed. */
    public void closeWindow(long id, Instant now) {
        jdbc.update(
                "update conversation set window_expires_at = :now where id = :id and window_expires_at > :now",
                new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("id", id));
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
        Long contactId =
                jdbc.queryForObject("select contact_id from conversation where id = :id", Map.of("id", id), Long.class);
        jdbc.update(
                "update conversation set bot_summary = :summary where id = :id",
                new MapSqlParameterSource("id", id)
                        .addValue("summary", keys.forContact(contactId).seal(summary, BOT_SUMMARY)));
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

    /**
     * WAITING in one of {@code pools} → CLAIMED by {@code agent} (R22, R47): exactly one agent wins, and only one who
     * serves the pool ({@code *} = every pool).
     */
    public boolean claim(long id, String agent, Collection<String> pools, Instant now) {
        return move(
                id,
                "routing_state = 'CLAIMED', assigned_agent = :agent, claimed_at = :now",
                "routing_state = 'WAITING' and ('*' = any(cast(:pools as text[])) or pool = any(cast(:pools as text[])))",
                new MapSqlParameterSource()
                        .addValue("agent", agent)
                        .addValue("pools", pools.toArray(String[]::new))
                        .addValue("now", Timestamp.from(now)));
    }

    /** CLAIMED by {@code agent} → WAITING in another pool (R22, R47: only the assigned agent hands it on). */
    public boolean transferToPool(long id, String agent, String pool, Instant now) {
        return move(
                id,
                "routing_state = 'WAITING', pool = :pool, assigned_agent = null, queued_at = :now",
                "routing_state = 'CLAIMED' and assigned_agent = :agent",
                new MapSqlParameterSource()
                        .addValue("agent", agent)
                        .addValue("pool", pool)
                        .addValue("now", Timestamp.from(now)));
    }

    /** CLAIMED by {@code agent} → CLAIMED by agent {@code to} (R22, R47: only the assigned agent hands it on). */
    public boolean transferToAgent(long id, String agent, String to, Instant now) {
        return move(
                id,
                "assigned_agent = :to, claimed_at = :now",
                "routing_state = 'CLAIMED' and assigned_agent = :agent",
                new MapSqlParameterSource()
                        .addValue("agent", agent)
                        .addValue("to", to)
                        .addValue("now", Timestamp.from(now)));
    }

    /** R47: a supervisor reassigns: WAITING or CLAIMED by anyone → WAITING in {@code pool}. */
    public boolean reassignToPool(long id, String pool, Instant now) {
        return move(
                id,
                "routing_state = 'WAITING', pool = :pool, assigned_agent = null, queued_at = :now",
                "routing_state in ('WAITING', 'CLAIMED')",
                new MapSqlParameterSource().addValue("pool", pool).addValue("now", Timestamp.from(now)));
    }

    /** R47: a supervisor reassigns: WAITING or CLAIMED by anyone → CLAIMED by agent {@code to}. */
    public boolean reassignToAgent(long id, String to, Instant now) {
        return move(
                id,
                "routing_state = 'CLAIMED', assigned_agent = :to, claimed_at = :now",
                "routing_state in ('WAITING', 'CLAIMED')",
                new MapSqlParameterSource().addValue("to", to).addValue("now", Timestamp.from(now)));
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

    /**
     * R47: locks the conversation's row while it is CLAIMED by {@code agent}, inside the caller's transaction (an
     * agent's send): a concurrent transfer, reassignment or close waits until the send is documented, and a send by
     * an agent who no longer holds the conversation finds nothing to lock. False if {@code agent} does not hold it.
     */
    public boolean lockClaimedBy(long id, String agent) {
        return !jdbc.queryForList(
                        "select id from conversation where id = :id and status = '" + OPEN
                                + "' and routing_state = 'CLAIMED' and assigned_agent = :agent for update",
                        new MapSqlParameterSource().addValue("id", id).addValue("agent", agent),
                        Long.class)
                .isEmpty();
    }

    /** One transition: {@code set} where the conversation is open and {@code from} holds (fixed SQL fragments). */
    private boolean move(long id, String set, String from, MapSqlParameterSource params) {
        return jdbc.update(
                        "update conversation set " + set + " where id = :id and status = '" + OPEN + "' and (" + from
                                + ")",
                        params.addValue("id", id))
                == 1;
    }

    // i16-upload: sensitive data in the chat (R51)

    /**
     * R51: true once per open conversation whose customer accepted the privacy notice (R14: before that the hub sends
     * nothing but the notice): the hint about sensitive data is due.
     */
    public boolean claimSensitiveHint(long id, Instant now) {
        return jdbc.update(
                        """
                        update conversation set sensitive_hint_at = :now
                         where id = :id and sensitive_hint_at is null and status = 'OPEN' and consent_state = 'ACCEPTED'""",
                        new MapSqlParameterSource()
                                .addValue("now", Timestamp.from(now))
                                .addValue("id", id))
                == 1;
    }
}
