package io.carehub.routing;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
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

    private final NamedParameterJdbcTemplate jdbc;

    AgentActions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
    void record(long conversationId, String agentId, String action, JsonNode details, Instant at) {
        jdbc.update(
                """
                insert into agent_action (conversation_id, agent_id, action, details, at)
                values (:conversation, :agent, :action, cast(:details as jsonb), :at)""",
                new MapSqlParameterSource()
                        .addValue("conversation", conversationId)
                        .addValue("agent", agentId)
                        .addValue("action", action)
                        .addValue("details", details == null ? null : details.toString())
                        .addValue("at", Timestamp.from(at)));
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
                        select a.conversation_id, a.agent_id, a.action, a.details::text, a.at
                          from agent_action a join conversation c on c.id = a.conversation_id
                         where c.contact_id = :contact order by a.at, a.id""", new MapSqlParameterSource("contact", contactId), rs -> {
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()));
        });
    }
}
