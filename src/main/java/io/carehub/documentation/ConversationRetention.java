package io.carehub.documentation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R30/R31/R33/R36/R49: the table {@code conversation}'s erasure and retention statements (withdrawal, erasure,
 * contract-relevant archive, archive expiry and the three-month purge), split from {@link Conversations}, which
 * holds its other writes and the state machine; its reads are in {@link ConversationQueries}.
 */
@Component
public class ConversationRetention {

    private final NamedParameterJdbcTemplate jdbc;

    ConversationRetention(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- erasure (i15-erasure) ----

    /** R49: a withdrawal ends the contact's open conversations at once: out of pools and claims, no agent acts. */
    public List<Long> endForWithdrawal(long contactId, Instant now) {
        return jdbc.queryForList(
                """
                update conversation set consent_state = 'WITHDRAWN', routing_state = 'CLOSED', status = 'CLOSED',
                       closed_at = :now, assigned_agent = null
                 where contact_id = :contact and status = 'OPEN' returning id""", new MapSqlParameterSource("contact", contactId).addValue("now", Timestamp.from(now)), Long.class);
    }

    /** R33: the contact's conversations an erasure deletes: all but those archived beyond {@code now} (R31). */
    public List<Long> erasable(long contactId, Instant now) {
        return jdbc.queryForList(
                """
                select id from conversation
                 where contact_id = :contact and (archived_until is null or archived_until <= :now) order by id""", new MapSqlParameterSource("contact", contactId).addValue("now", Timestamp.from(now)), Long.class);
    }

    /** R31: the end of the contact's latest archive period after {@code now}, if any record is archived. */
    public Optional<Instant> archivedUntil(long contactId, Instant now) {
        return Optional.ofNullable(jdbc.queryForObject(
                        "select max(archived_until) from conversation where contact_id = :contact and archived_until > :now",
                        new MapSqlParameterSource("contact", contactId).addValue("now", Timestamp.from(now)),
                        Timestamp.class))
                .map(Timestamp::toInstant);
    }

    /** R33: deletes the conversations with their messages, attachments, dialogs and agent actions (cascade). */
    public int delete(List<Long> ids) {
        return jdbc.update(
                "delete from conversation where id = any(cast(:ids as bigint[]))",
                new MapSqlParameterSource("ids", ids.toArray(Long[]::new)));
    }

    // i15-retention: contract-relevant archive and three-month purge (R30, R31, R36)

    /** R31/R36: marks the conversation contract-relevant in an archive class; a longer period already set is kept. */
    public boolean markContractRelevant(long id, String archiveClass, String by, Instant at, Instant until) {
        return jdbc.update(
                        """
                        update conversation set contract_relevant_at = :at, contract_relevant_by = :by,
                               archive_class = case when archived_until > :until then archive_class else :class end,
                               archived_until = greatest(archived_until, :until)
                         where id = :id""",
                        new MapSqlParameterSource()
                                .addValue("id", id)
                                .addValue("class", archiveClass)
                                .addValue("by", by)
                                .addValue("at", Timestamp.from(at))
                                .addValue("until", Timestamp.from(until)))
                == 1;
    }

    /** R31: archived conversations whose period ended at {@code now}, at most {@code limit}. */
    public List<Long> archiveExpired(Instant now, int limit) {
        return jdbc.queryForList(
                "select id from conversation where archived_until <= :now order by archived_until limit :limit",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit),
                Long.class);
    }

    /** R31: deletes an archived conversation whose period ended (its dialogs go with it). */
    public int deleteArchiveExpired(long id, Instant now) {
        return jdbc.update(
                "delete from conversation where id = :id and archived_until <= :now",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now)));
    }

    /** R30: deletes up to {@code limit} closed, unarchived conversations closed before {@code cutoff} with nothing left. */
    public int purgeClosedBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from conversation where id in (
                  select c.id from conversation c
                   where c.status = 'CLOSED' and c.closed_at < :cutoff and c.archive_class is null
                     and not exists (select 1 from message m where m.conversation_id = c.id)
                     and not exists (select 1 from agent_action a where a.conversation_id = c.id)
                   limit :limit)""", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("limit", limit));
    }
}
