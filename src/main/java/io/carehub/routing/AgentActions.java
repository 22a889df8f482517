package io.carehub.routing;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.carehub.crypto.ContactKeys;
import io.carehub.documentation.StreamingReads;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R22: owner of the table {@code agent_action}: every agent action, with the agent id. The other tables'
 * owners are listed in {@code documentation.Contacts}.
 */
@Component
public class AgentActions {

    /** R19: associated data of the encrypted details (a transfer's target pool or agent, never message text). */
    static final String DETAILS = "agent_action.details";

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactKeys keys;

    AgentActions(NamedParameterJdbcTemplate jdbc, ContactKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** R47: the agent has acted on some conversation (a known transfer target). */
    boolean hasActed(String agentId) {
        return !jdbc.queryForList(
                        "select 1 from agent_action where agent_id = :agent limit 1",
                        new MapSqlParameterSource("agent", agentId),
                        Integer.class)
                .isEmpty();
    }

    /** {@code action}: CLAIM, REPLY, TEMPLATE, TRANSFER, REASSIGN, CLOSE; {@code details} never holds message text. */
    public void record(long conversationId, String agentId, String action, JsonNode details, Instant at) {
        byte[] sealed = null;
        if (details != null) {
            Long contactId = jdbc.queryForObject(
                    "select contact_id from conversation where id = :id",
                    new MapSqlParameterSource("id", conversationId),
                    Long.class);
            sealed = keys.forContact(contactId).seal(details.toString(), DETAILS);
        }
        jdbc.update(
                """
                insert into agent_action (conversation_id, agent_id, action, details, at)
                values (:conversation, :agent, :action, :details, :at)""",
                new MapSqlParameterSource()
                        .addValue("conversation", conversationId)
                        .addValue("agent", agentId)
                        .addValue("action", action)
                        .addValue("details", sealed)
                        .addValue("at", Timestamp.from(at)));
    }

    // i15-retention: three-month purge and archive expiry (R30, R31)

    /** R30: deletes up to {@code limit} agent actions older than {@code cutoff}, archive excepted. */
    public int purgeBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from agent_action where id in (
                  select m.id from agent_action m
                   where m.at < :cutoff
                     and not exists (select 1 from conversation c where c.id = m.conversation_id and c.archive_class is not null)
                   limit :limit)""", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("limit", limit));
    }

    /** R31: deletes the agent actions of a conversation whose archive period ended. */
    public int deleteOfConversation(long conversationId) {
        return jdbc.update(
                "delete from agent_action where conversation_id = :conversation",
                new MapSqlParameterSource("conversation", conversationId));
    }

    // ---- access-request export (R50) ----

    /** R50: an agent's action on one of the contact's conversations, as stored. */
    public record Exported(
            long conversationId,
            String agentId,
            String action,
            @JsonRawValue String details,
            Instant at) {}

    /** R50: the actions on the contact's conversations, oldest first. */
    public void exportOf(long contactId, Consumer<Exported> each) {
        StreamingReads.of(jdbc).query("""
                        select a.conversation_id, a.agent_id, a.action, a.details, a.at
                          from agent_action a join conversation c on c.id = a.conversation_id
                         where c.contact_id = :contact order by a.at, a.id""", new MapSqlParameterSource("contact", contactId), rs -> {
            // R19: decrypted with the contact's key; an erased contact's details read as null
            byte[] sealed = rs.getBytes(4);
            String details = sealed == null
                    ? null
                    : keys.existing(contactId)
                            .map(c -> c.openText(sealed, DETAILS))
                            .orElse(null);
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    details,
                    rs.getTimestamp(5).toInstant()));
        });
    }
}
