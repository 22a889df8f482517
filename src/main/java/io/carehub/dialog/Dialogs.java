package io.carehub.dialog;

import io.carehub.crypto.ContactKeys;
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

    /** R19: associated data of the encrypted dialog log texts. */
    static final String LOG_TEXT = "dialog_log.text_pseudonymized";

    private final NamedParameterJdbcTemplate jdbc;
    private final Conversations conversations;
    private final DeletionAudit audit;
    private final Clock clock;
    private final ContactKeys keys;

    Dialogs(
            NamedParameterJdbcTemplate jdbc,
            Conversations conversations,
            DeletionAudit audit,
            Clock clock,
            ContactKeys keys) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.audit = audit;
        this.clock = clock;
        this.keys = keys;
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
                        .addValue("text", sealed(dialogId, pseudonymized))
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
                        .addValue("text", sealed(dialogId, pseudonymized))
                        .addValue("now", now()));
    }

    void touch(UUID dialogId) {
        jdbc.update(
                "update dialog set last_activity_at = :now where id = :id",
                new MapSqlParameterSource().addValue("now", now()).addValue("id", dialogId));
    }

    void session(UUID dialogId, String platform, String platformSessionId) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("platform", platform)
                .addValue("session", platformSessionId)
                .addValue("id", dialogId)
                .addValue("now", now());
        jdbc.update("update dialog set platform = :platform, platform_session_id = :session where id = :id", params);
        // R26: remembered until dialog end, which deletes every session the dialog opened (a fallback opens a second)
        jdbc.update("""
                insert into dialog_platform_session (dialog_id, platform, platform_session_id, opened_at)
                values (:id, :platform, :session, :now) on conflict do nothing""", params);
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

    // ---- i15-crypto ----

    /** R19: a dialog log text encrypted with the key of the dialog's contact. */
    private byte[] sealed(UUID dialogId, String text) {
        Long contactId = jdbc.queryForObject(
                "select c.contact_id from dialog d join conversation c on c.id = d.conversation_id where d.id = :id",
                Map.of("id", dialogId),
                Long.class);
        return keys.forContact(contactId).seal(text, LOG_TEXT);
    }

    // i15-retention: every platform session of a dialog (R26 after a fallback)

    /** A platform session a dialog opened. */
    record PlatformSession(String platform, String sessionId) {}

    /** Every platform session the dialog opened, the current one included, oldest first. */
    List<PlatformSession> platformSessions(Dialog dialog) {
        List<PlatformSession> sessions = new java.util.ArrayList<>(jdbc.query(
                """
                select platform, platform_session_id from dialog_platform_session
                 where dialog_id = :id order by opened_at""", Map.of("id", dialog.id()), (rs, i) -> new PlatformSession(rs.getString(1), rs.getString(2))));
        PlatformSession current = new PlatformSession(dialog.platform(), dialog.platformSessionId());
        if (dialog.platformSessionId() != null && !sessions.contains(current)) {
            sessions.add(current); // opened before the sessions were remembered
        }
        return sessions;
    }

    /** Forgets a platform session once the platform deleted it. */
    void forgetSession(UUID dialogId, PlatformSession session) {
        jdbc.update(
                """
                delete from dialog_platform_session
                 where dialog_id = :id and platform = :platform and platform_session_id = :session""",
                new MapSqlParameterSource()
                        .addValue("id", dialogId)
                        .addValue("platform", session.platform())
                        .addValue("session", session.sessionId()));
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
            // R19: decrypted with the contact's key; an erased contact's log reads as null
            byte[] sealed = rs.getBytes(4);
            String text = sealed == null
                    ? null
                    : keys.existing(contactId)
                            .map(c -> c.openText(sealed, LOG_TEXT))
                            .orElse(null);
            each.accept(new ExportedLog(
                    rs.getObject(1, UUID.class),
                    (Long) rs.getObject(2),
                    rs.getString(3),
                    text,
                    rs.getTimestamp(5).toInstant()));
        });
    }
}
