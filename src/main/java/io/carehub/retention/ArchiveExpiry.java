package io.carehub.retention;

import io.carehub.documentation.Attachments;
import io.carehub.documentation.ConversationRetention;
import io.carehub.documentation.Messages;
import io.carehub.privacy.DeletionAudit;
import io.carehub.routing.AgentActions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R31/R35: deletes archived conversations at the end of their archive period, one conversation per transaction, with
 * their messages, attachments and agent actions; each deletion is audited with its count.
 */
@Component("archiveExpiry")
public class ArchiveExpiry {

    static final String JOB = "archive-expiry";
    static final String REASON = "ARCHIVE_EXPIRY";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveExpiry.class);

    private final OncePerInterval once;
    private final TransactionTemplate tx;
    private final ConversationRetention conversations;
    private final Attachments attachments;
    private final Messages messages;
    private final AgentActions actions;
    private final DeletionAudit audit;
    private final RetentionProperties properties;
    private final Clock clock;

    ArchiveExpiry(
            OncePerInterval once,
            TransactionTemplate tx,
            ConversationRetention conversations,
            Attachments attachments,
            Messages messages,
            AgentActions actions,
            DeletionAudit audit,
            RetentionProperties properties,
            Clock clock) {
        this.once = once;
        this.tx = tx;
        this.conversations = conversations;
        this.attachments = attachments;
        this.messages = messages;
        this.actions = actions;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The route's entry: runs once per interval, on the one instance holding the lock. */
    @Handler
    public boolean runIfDue() {
        return once.runIfDue(JOB, this::expire);
    }

    /** Deletes every archived conversation whose period has ended; returns how many. */
    public int expire() {
        int expired = 0;
        while (true) {
            Instant now = clock.instant();
            List<Long> due = conversations.archiveExpired(now, properties.batchSize());
            for (long id : due) {
                if (Boolean.TRUE.equals(tx.execute(status -> delete(id, now)))) {
                    expired++;
                }
            }
            if (due.size() < properties.batchSize()) {
                break;
            }
        }
        if (expired > 0) {
            LOG.info("{} archived conversations deleted at the end of their archive period", expired);
        }
        return expired;
    }

    private boolean delete(long id, Instant now) {
        String reference = "conversation " + id;
        record("attachment", attachments.deleteOfConversation(id), reference);
        record("message", messages.deleteOfConversation(id), reference);
        record("agent-action", actions.deleteOfConversation(id), reference);
        int deleted = conversations.deleteArchiveExpired(id, now);
        record("conversation", deleted, reference);
        return deleted == 1;
    }

    private void record(String kind, int count, String reference) {
        if (count > 0) {
            audit.record(kind, count, REASON, reference, clock.instant());
        }
    }
}
