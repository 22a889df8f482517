package io.carehub.access;

import io.carehub.crypto.LookupHash;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R47: owner of the table {@code access_log}: every read of personal data and every agent, ops and privacy action,
 * with who, which role, what, which conversation or contact, and when — never content. The contact of a
 * conversation is taken from the conversation, so a caller names only what it touched.
 */
@Component
public class AccessLog {

    /** What was done; the names stay stable, the privacy officer filters by them. */
    public enum Action {
        POOL_LIST,
        CUSTOMER_LOOKUP,
        HISTORY_READ,
        ATTACHMENT_READ,
        EXPORT,
        ANALYZE,
        ACCESS_LOG_READ,
        CLAIM,
        REPLY,
        TEMPLATE,
        TRANSFER,
        REASSIGN,
        CLOSE,
        /** R33/R49: a privacy officer filed an erasure request or read erasure status. */
        ERASURE_REQUEST,
        ERASURE_STATUS,
        // i15-retention: the contract-relevant mark and the archive (R31, R36)
        CONTRACT_RELEVANT,
        ARCHIVE_LIST,
        /** R50: a privacy officer exported everything stored about a contact. */
        ACCESS_REQUEST,
        /** R47: ops read a management endpoint (health details, metrics, SBOM, ...). */
        MANAGEMENT_READ,
        // i15-gaps: the customer behind a pool hand-off
        /** R27/R47: an agent or supervisor read the customer data and bot summary of a handed-off conversation. */
        CUSTOMER_READ,
        // i16-upload: secure upload and sensitive data in the chat (R16, R51)
        /** R16: the assigned agent sent the customer a secure upload link. */
        UPLOAD_LINK,
        /** R51: the assigned agent read a message's masked IBAN or ID number in clear. */
        SENSITIVE_REVEAL,
        // i18-redrive: the ops API (R40, R45); target names the filter or the ids, never content
        PARKED_LIST,
        PARKED_REDRIVE,
        PARKED_DELETE,
        MEDIA_DOWNLOAD_LIST,
        MEDIA_DOWNLOAD_REDRIVE,
        REJECTED_UPDATE_LIST,
        MESSAGE_LOOKUP,
        OUTBOUND_FAILURE_LIST,
        BILLING_REPORT,
        // i16-legit: an agent sent the customer a one-time legitimation link (R15)
        LEGITIMATION_LINK
    }

    /** One entry as the privacy officer reads it. */
    public record Entry(
            long id,
            Instant at,
            String userId,
            String role,
            String action,
            Long conversationId,
            Long contactId,
            String target) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final LookupHash lookupHash;

    AccessLog(NamedParameterJdbcTemplate jdbc, Clock clock, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lookupHash = lookupHash;
    }

    /** An action on, or a read of, one conversation (its contact is recorded with it). */
    public void conversation(Caller caller, Role role, Action action, long conversationId, String target) {
        conversations(caller, role, action, List.of(conversationId), target);
    }

    /** A read of several conversations at once (a pool list): one entry per conversation, in one statement. */
    public void conversations(
            Caller caller, Role role, Action action, Collection<Long> conversationIds, String target) {
        if (conversationIds.isEmpty()) {
            return;
        }
        jdbc.update(
                """
                insert into access_log (at, user_id, role, action, conversation_id, contact_id, target)
                select :at, :user, :role, :action, c.id, c.contact_id, :target
                  from conversation c where c.id = any(cast(:ids as bigint[]))""",
                params(caller, role, action, target)
                        .addValue(
                                "ids",
                                conversationIds.stream()
                                        .mapToLong(Long::longValue)
                                        .toArray()));
    }

    /** A read of what the hub knows about a customer, named by the WhatsApp id the caller asked for. */
    public void contact(Caller caller, Role role, Action action, String waId) {
        jdbc.update("""
                insert into access_log (at, user_id, role, action, contact_id)
                values (:at, :user, :role, :action,
                        (select id from contact where cast(:waIdHash as bytea) in (wa_id_hash, user_id_hash)))""", params(caller, role, action, null).addValue("waIdHash", lookupHash.of(waId)));
    }

    /** An action that names no single conversation or contact (an export's range, an analysis). */
    public void other(Caller caller, Role role, Action action, String target) {
        jdbc.update("""
                insert into access_log (at, user_id, role, action, target)
                values (:at, :user, :role, :action, :target)""", params(caller, role, action, target));
    }

    /**
     * R47: the privacy officer's query, newest first; each filter is optional: the contact by WhatsApp id, the user,
     * the time range [from, to).
     */
    public List<Entry> find(String waId, String userId, Instant from, Instant to, int limit) {
        return jdbc.query(
                """
                select id, at, user_id, role, action, conversation_id, contact_id, target from access_log
                 where (cast(:waIdHash as bytea) is null
                        or contact_id = (select id from contact where cast(:waIdHash as bytea) in (wa_id_hash, user_id_hash)))
                   and (cast(:user as text) is null or user_id = :user)
                   and (cast(:from as timestamptz) is null or at >= :from)
                   and (cast(:to as timestamptz) is null or at < :to)
                 order by at desc, id desc
                 limit :limit""",
                new MapSqlParameterSource()
                        .addValue("waIdHash", lookupHash.of(waId))
                        .addValue("user", userId)
                        .addValue("from", from == null ? null : Timestamp.from(from))
                        .addValue("to", to == null ? null : Timestamp.from(to))
                        .addValue("limit", limit),
                (rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Long) rs.getObject(6),
                        (Long) rs.getObject(7),
                        rs.getString(8)));
    }

    /** R47 retention: deletes the entries older than {@code before}; returns how many. */
    public int purgeBefore(Instant before) {
        return jdbc.update(
                "delete from access_log where at < :before",
                new MapSqlParameterSource("before", Timestamp.from(before)));
    }

    private MapSqlParameterSource params(Caller caller, Role role, Action action, String target) {
        return new MapSqlParameterSource()
                .addValue("at", Timestamp.from(clock.instant()))
                .addValue("user", caller.id())
                .addValue("role", role.claimValue())
                .addValue("action", action.name())
                .addValue("target", target);
    }

    // ---- access-request export and management reads (R47, R50) ----

    /** An action on one contact named by its id (never by an identifier in the log). */
    public void contactById(Caller caller, Role role, Action action, long contactId, String target) {
        jdbc.update("""
                insert into access_log (at, user_id, role, action, contact_id, target)
                values (:at, :user, :role, :action, :contact, :target)""", params(caller, role, action, target).addValue("contact", contactId));
    }

    // i18-parking: ops reads of broker-only data during a database outage (R42, R47)

    /**
     * Like {@link #other}, for reads that do not need the database (parked messages, queue depths, metrics): while
     * the database is unavailable the entry, with its time, waits on the broker ({@link AccessLogBacklog}, route
     * {@code access-log-backlog}) and is written once the database is back, so the read answers and its entry is
     * neither lost nor skipped.
     */
    public void otherOrHeld(Caller caller, Role role, Action action, String target) {
        Instant at = clock.instant();
        try {
            write(new HeldEntry(at, caller.id(), role.claimValue(), action.name(), target));
        } catch (DataAccessResourceFailureException | TransientDataAccessException | RecoverableDataAccessException e) {
            AccessLogBacklog held = backlog == null ? null : backlog.getIfAvailable();
            if (held == null) {
                throw e; // no broker to hold it (a context without one): the read fails rather than lose its entry
            }
            held.hold(new HeldEntry(at, caller.id(), role.claimValue(), action.name(), target));
        }
    }

    /** An entry that names no conversation or contact, as taken (its time is when it happened, not when written). */
    public record HeldEntry(Instant at, String userId, String role, String action, String target) {}

    /** Writes an entry that names no conversation or contact; route {@code access-log-backlog} for held ones. */
    public void write(HeldEntry entry) {
        jdbc.update(
                """
                insert into access_log (at, user_id, role, action, target)
                values (:at, :user, :role, :action, :target)""",
                new MapSqlParameterSource()
                        .addValue("at", Timestamp.from(entry.at()))
                        .addValue("user", entry.userId())
                        .addValue("role", entry.role())
                        .addValue("action", entry.action())
                        .addValue("target", entry.target()));
    }

    private org.springframework.beans.factory.ObjectProvider<AccessLogBacklog> backlog;

    @org.springframework.beans.factory.annotation.Autowired
    void setBacklog(org.springframework.beans.factory.ObjectProvider<AccessLogBacklog> backlog) {
        this.backlog = backlog;
    }
}
