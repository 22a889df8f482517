package io.carehub.retention;

import io.carehub.crypto.ContactKeys;
import io.carehub.documentation.Attachments;
import io.carehub.documentation.ContactQueries;
import io.carehub.documentation.Contacts;
import io.carehub.documentation.ConversationRetention;
import io.carehub.documentation.Messages;
import io.carehub.documentation.RejectedUpdates;
import io.carehub.documentation.Statuses;
import io.carehub.privacy.DeletionAudit;
import io.carehub.routing.AgentActions;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R30/R35: the three-month purge. Deletes what was stored before the retention period, table by table, in
 * transactions of at most {@code carehub.retention.batch-size} rows (short row locks; WAL and dead tuples in small
 * steps that autovacuum reclaims as it goes), each batch with its {@code deletion_audit} row in the same transaction.
 * Archived conversations (R31) are exempt until their own period ends ({@link ArchiveExpiry}).
 */
@Component("retentionPurge")
public class RetentionPurge {

    static final String JOB = "retention-purge";
    static final String REASON = "RETENTION_PURGE";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);

    private final OncePerInterval once;
    private final TransactionTemplate tx;
    private final Attachments attachments;
    private final Messages messages;
    private final Statuses statuses;
    private final RejectedUpdates rejected;
    private final AgentActions actions;
    private final ConversationRetention conversations;
    private final Contacts contacts;
    private final ContactQueries contactQueries;
    private final ContactKeys keys;
    private final DeletionAudit audit;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionPurge(
            OncePerInterval once,
            TransactionTemplate tx,
            Attachments attachments,
            Messages messages,
            Statuses statuses,
            RejectedUpdates rejected,
            AgentActions actions,
            ConversationRetention conversations,
            Contacts contacts,
            ContactQueries contactQueries,
            ContactKeys keys,
            DeletionAudit audit,
            RetentionProperties properties,
            Clock clock) {
        this.once = once;
        this.tx = tx;
        this.attachments = attachments;
        this.messages = messages;
        this.statuses = statuses;
        this.rejected = rejected;
        this.actions = actions;
        this.conversations = conversations;
        this.contacts = contacts;
        this.contactQueries = contactQueries;
        this.keys = keys;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The route's entry: purges once per interval, on the one instance holding the lock. */
    @Handler
    public boolean runIfDue() {
        return once.runIfDue(JOB, this::purge);
    }

    /** Purges everything stored before now minus the retention period; returns the rows deleted per kind. */
    public Map<String, Integer> purge() {
        Instant now = clock.instant();
        Instant cutoff = before(now, properties.period());
        Map<String, Integer> deleted = new LinkedHashMap<>();
        // children first: attachments of the messages, then the messages, then what is left empty
        deleted.put("attachment", batches("attachment", cutoff, attachments::purgeStoredBefore));
        deleted.put("message", batches("message", cutoff, messages::purgeStoredBefore));
        deleted.put("message-status", batches("message-status", cutoff, statuses::purgeStatusesStoredBefore));
        deleted.put("billing-record", batches("billing-record", cutoff, statuses::purgeBillingStoredBefore));
        deleted.put("rejected-update", batches("rejected-update", cutoff, rejected::purgeStoredBefore));
        deleted.put("agent-action", batches("agent-action", cutoff, actions::purgeBefore));
        deleted.put("conversation", batches("conversation", cutoff, conversations::purgeClosedBefore));
        deleted.put("contact", contacts(cutoff, before(now, properties.consentProof())));
        LOG.info("retention purge of what was stored before {}: {}", cutoff, deleted);
        return deleted;
    }

    private int batches(String kind, Instant cutoff, BiFunction<Instant, Integer, Integer> purge) {
        int batch = properties.batchSize();
        int total = 0;
        while (true) {
            Integer count = tx.execute(status -> {
                int n = purge.apply(cutoff, batch);
                if (n > 0) {
                    audit.record(kind, n, REASON, "stored before " + cutoff, clock.instant());
                }
                return n;
            });
            total += count;
            if (count < batch) {
                return total;
            }
        }
    }

    /** Contacts left with nothing: their data key is destroyed (audited by ContactKeys), then the row is deleted. */
    private int contacts(Instant cutoff, Instant proofCutoff) {
        int total = 0;
        while (true) {
            Integer count = tx.execute(status -> {
                List<Long> ids = contactQueries.leftWithNothing(cutoff, proofCutoff, properties.batchSize());
                ids.forEach(id -> keys.destroy(id, REASON));
                int n = contacts.delete(ids);
                if (n > 0) {
                    audit.record("contact", n, REASON, "stored before " + cutoff, clock.instant());
                }
                return n;
            });
            total += count;
            if (count < properties.batchSize()) {
                return total;
            }
        }
    }

    static Instant before(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }
}
