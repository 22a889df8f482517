package io.carehub.dialog;

import io.carehub.documentation.Conversations;
import io.carehub.privacy.DeletionAudit;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R23-R26: owner of the tables {@code dialog} and {@code dialog_log}: every statement on them lives here.
 * The other tables' owners are listed in {@code documentation.Contacts}.
 */
@Component
public class Dialogs {

    /** One dialog of a conversation with a platform; no personal data. */
    record Dialog(
            UUID id,
            long conversationId,
            String platform,
            String platformSessionId,
            String state,
            String handOffReason) {

        boolean handOffOffered() {
            return "HANDOFF_OFFERED".equals(state);
        }
    }

    private static final RowMapper<Dialog> DIALOG = (rs, i) -> new Dialog(
            rs.getObject("id", UUID.class),
            rs.getLong("conversation_id"),
            rs.getString("platform"),
            rs.getString("platform_session_id"),
            rs.getString("state"),
            rs.getString("handoff_reason"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Conversations conversations;
    private final DeletionAudit audit;
    private final Clock clock;

    Dialogs(NamedParameterJdbcTemplate jdbc, Conversations conversations, DeletionAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Dialog> find(UUID id) {
        return jdbc.query("select * from dialog where id = :id", Map.of("id", id), DIALOG).stream()
                .findFirst();
    }

    Optional<Dialog> openOf(long conversationId) {
        return jdbc
                .query(
                        "select * from dialog where conversation_id = :conversation and state <> 'ENDED'",
                        Map.of("conversation", conversationId),
                        DIALOG)
                .stream()
                .findFirst();
    }

    /** Starts a dialog, the conversation goes NEW → BOT; empty when the conversation left NEW meanwhile. */
    Optional<Dialog> start(long conversationId, String platform) {
        UUID id = UUID.randomUUID();
        Timestamp now = now();
        if (!conversations.startBot(conversationId)) {
            return Optional.empty();
        }
        jdbc.update(
                """
                insert into dialog (id, conversation_id, platform, state, started_at, last_activity_at)
                values (:id, :conversation, :platform, 'ACTIVE', :now, :now)""",
                new MapSqlParameterSource()
                        .addValue("id", id)
                        .addValue("conversation", conversationId)
                        .addValue("platform", platform)
                        .addValue("now", now));
        return find(id);
    }

    boolean alreadyHandled(UUID dialogId, long messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from dialog_log where dialog_id = :dialog and message_id = :message)",
                Map.of("dialog", dialogId, "message", messageId),
                Boolean.class));
    }

    /** Records the customer's turn as the platform saw it; false when this message was handled before. */
    boolean logTurn(UUID dialogId, Long messageId, String pseudonymized) {
        int inserted = jdbc.update(
                """
                insert into dialog_log (dialog_id, message_id, direction, text_pseudonymized, logged_at)
                values (:dialog, :message, 'TO_PLATFORM', :text, :now)
                on conflict (dialog_id, message_id) where message_id is not null do nothing""",
                new MapSqlParameterSource()
                        .addValue("dialog", dialogId)
                        .addValue("message", messageId)
                        .addValue("text", pseudonymized)
                        .addValue("now", now()));
        jdbc.update(
                "update dialog set last_activity_at = :now, turns = turns + 1 where id = :id",
                new MapSqlParameterSource().addValue("now", now()).addValue("id", dialogId));
        return inserted == 1;
    }

    void logAnswer(UUID dialogId, String pseudonymized) {
        jdbc.update(
                """
                insert into dialog_log (dialog_id, direction, text_pseudonymized, logged_at)
                values (:dialog, 'FROM_PLATFORM', :text, :now)""",
                new MapSqlParameterSource()
                        .addValue("dialog", dialogId)
                        .addValue("text", pseudonymized)
                        .addValue("now", now()));
    }

    void touch(UUID dialogId) {
        jdbc.update(
                "update dialog set last_activity_at = :now where id = :id",
                new MapSqlParameterSource().addValue("now", now()).addValue("id", dialogId));
    }

    void session(UUID dialogId, String platform, String platformSessionId) {
        jdbc.update(
                "update dialog set platform = :platform, platform_session_id = :session where id = :id",
                new MapSqlParameterSource()
                        .addValue("platform", platform)
                        .addValue("session", platformSessionId)
                        .addValue("id", dialogId));
    }

    void offerHandOff(UUID dialogId, String reason) {
        jdbc.update(
                "update dialog set state = 'HANDOFF_OFFERED', handoff_reason = :reason where id = :id",
                Map.of("reason", reason, "id", dialogId));
    }

    void resume(UUID dialogId) {
        jdbc.update(
                "update dialog set state = 'ACTIVE', handoff_reason = null where id = :id and state <> 'ENDED'",
                Map.of("id", dialogId));
    }

    /** An open dialog due to end: idle too long, or (tooOld) begun longer than the maximum age ago. */
    record Expired(UUID id, boolean tooOld) {}

    /** Open dialogs idle since {@code idleSince} or begun before {@code startedBefore}, oldest activity first. */
    List<Expired> expired(Instant idleSince, Instant startedBefore, int limit) {
        return jdbc.query(
                """
                select id, started_at <= :started from dialog
                 where state <> 'ENDED' and (last_activity_at <= :idle or started_at <= :started)
                 order by last_activity_at limit :limit""",
                new MapSqlParameterSource()
                        .addValue("idle", Timestamp.from(idleSince))
                        .addValue("started", Timestamp.from(startedBefore))
                        .addValue("limit", limit),
                (rs, i) -> new Expired(rs.getObject(1, UUID.class), rs.getBoolean(2)));
    }

    /**
     * Locks an open dialog for ending it (another instance ending it at the same time skips it).
     * Must run inside a transaction.
     */
    Optional<Dialog> lockOpen(UUID dialogId) {
        return jdbc
                .query(
                        "select * from dialog where id = :id and state <> 'ENDED' for update skip locked",
                        Map.of("id", dialogId),
                        DIALOG)
                .stream()
                .findFirst();
    }

    int deleteLog(UUID dialogId) {
        return jdbc.update("delete from dialog_log where dialog_id = :id", Map.of("id", dialogId));
    }

    void markEnded(UUID dialogId, String reason) {
        jdbc.update(
                "update dialog set state = 'ENDED', ended_at = :now, end_reason = :reason where id = :id",
                new MapSqlParameterSource()
                        .addValue("now", now())
                        .addValue("reason", reason)
                        .addValue("id", dialogId));
    }

    /** R35: what was deleted, how many, why; never the content. */
    void audit(String kind, int count, String reason, UUID dialogId) {
        audit.record(kind, count, reason, "dialog " + dialogId, clock.instant());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    // ---- access-request export (R50) ----

    /** R50: a dialog with a bot platform, as stored. */
    public record ExportedDialog(
            UUID id,
            long conversationId,
            String platform,
            String platformSessionId,
            String state,
            String handoffReason,
            Instant startedAt,
            Instant lastActivityAt,
            int turns,
            Instant endedAt,
            String endReason) {}

    /** R50: a pseudonymized dialog log line (it lives until the dialog ends, R26). */
    public record ExportedLog(
            UUID dialogId, Long messageId, String direction, String textPseudonymized, Instant loggedAt) {}

    /** R50: the dialogs of the contact's conversations, oldest first. */
    public void exportDialogsOf(long contactId, java.util.function.Consumer<ExportedDialog> each) {
        jdbc.query("""
                select d.id, d.conversation_id, d.platform, d.platform_session_id, d.state, d.handoff_reason,
                       d.started_at, d.last_activity_at, d.turns, d.ended_at, d.end_reason
                  from dialog d join conversation c on c.id = d.conversation_id
                 where c.contact_id = :contact order by d.started_at, d.id""", Map.of("contact", contactId), rs -> {
            Timestamp ended = rs.getTimestamp(10);
            each.accept(new ExportedDialog(
                    rs.getObject(1, UUID.class),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant(),
                    rs.getTimestamp(8).toInstant(),
                    rs.getInt(9),
                    ended == null ? null : ended.toInstant(),
                    rs.getString(11)));
        });
    }

    /** R50: the dialog logs of the contact's conversations (run inside {@code StreamingReads.inSnapshot}). */
    public void exportLogsOf(long contactId, java.util.function.Consumer<ExportedLog> each) {
        io.carehub.documentation.StreamingReads.of(jdbc).query("""
                        select l.dialog_id, l.message_id, l.direction, l.text_pseudonymized, l.logged_at
                          from dialog_log l
                          join dialog d on d.id = l.dialog_id
                          join conversation c on c.id = d.conversation_id
                         where c.contact_id = :contact order by l.id""", Map.of("contact", contactId), rs -> {
            each.accept(new ExportedLog(
                    rs.getObject(1, UUID.class),
                    (Long) rs.getObject(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()));
        });
    }
}
