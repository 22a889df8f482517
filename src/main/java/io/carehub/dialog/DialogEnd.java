package io.carehub.dialog;

import io.carehub.documentation.Conversations;
import io.carehub.privacy.PseudonymVault;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R26/R35: ends a dialog: deletes its pseudonymized log and its pseudonym keys, releases the conversation
 * from the bot, deletes the session on every platform it used, and audits each deletion (counts, never content). Several
 * instances may sweep at once: a dialog being ended elsewhere is skipped.
 */
@Component("dialogEnd")
public class DialogEnd {

    static final String HANDOFF = "HANDOFF";
    static final String CLOSED_BY_BOT = "CLOSED_BY_BOT";
    private static final int SWEEP_BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DialogEnd.class);

    private final Dialogs dialogs;
    private final PseudonymVault vault;
    private final DialogRouting routing;
    private final Conversations conversations;
    private final TransactionTemplate tx;
    private final DialogProperties properties;
    private final Clock clock;

    DialogEnd(
            Dialogs dialogs,
            PseudonymVault vault,
            DialogRouting routing,
            Conversations conversations,
            TransactionTemplate tx,
            DialogProperties properties,
            Clock clock) {
        this.dialogs = dialogs;
        this.vault = vault;
        this.routing = routing;
        this.conversations = conversations;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Ends the dialog; false when it had ended already (or another instance is ending it). */
    public boolean end(UUID dialogId, String reason) {
        Dialogs.Dialog ended = tx.execute(status -> {
            Dialogs.Dialog dialog = dialogs.lockOpen(dialogId).orElse(null);
            if (dialog == null) {
                return null;
            }
            int logEntries = dialogs.deleteLog(dialogId);
            int keys = vault.deleteSessionKeys(dialogId.toString());
            dialogs.markEnded(dialogId, reason);
            conversations.leaveBot(dialog.conversationId());
            dialogs.audit("dialog-log", logEntries, reason, dialogId);
            dialogs.audit("pseudonym-keys", keys, reason, dialogId);
            LOG.info(
                    "dialog {} of conversation {} ended ({}): {} log entries and {} pseudonym keys deleted",
                    dialogId,
                    dialog.conversationId(),
                    reason,
                    logEntries,
                    keys);
            return dialog;
        });
        if (ended == null) {
            return false;
        }
        // R26: every platform the dialog talked to, not only the last one (a fallback opens a second session)
        for (Dialogs.PlatformSession session : dialogs.platformSessions(ended)) {
            try {
                routing.platform(session.platform()).closeSession(session.sessionId());
                dialogs.forgetSession(dialogId, session);
                dialogs.audit("platform-session", 1, reason, dialogId);
            } catch (RuntimeException e) {
                // the platform deletes idle sessions itself (watsonx after its inactivity timeout, Lex after its TTL)
                LOG.warn(
                        "dialog {}: the {} session could not be deleted ({}); the platform expires it",
                        dialogId,
                        session.platform(),
                        e.getClass().getSimpleName());
            }
        }
        return true;
    }

    /** R26: ends dialogs idle longer than the idle timeout or older than the maximum age (24 h). */
    @Handler
    public int endExpired() {
        Instant now = clock.instant();
        int ended = 0;
        for (Dialogs.Expired due :
                dialogs.expired(now.minus(properties.idleTimeout()), now.minus(properties.maxAge()), SWEEP_BATCH)) {
            if (end(due.id(), due.tooOld() ? "MAX_AGE" : "IDLE")) {
                ended++;
            }
        }
        return ended;
    }

    // ---- erasure (i15-erasure) ----

    /** R49: a withdrawal ends the conversation's open dialog at once (log, vault session, platform session). */
    public boolean endOpenOf(long conversationId, String reason) {
        return dialogs.openOf(conversationId)
                .map(dialog -> end(dialog.id(), reason))
                .orElse(false);
    }
}
