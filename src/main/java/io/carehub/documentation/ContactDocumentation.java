package io.carehub.documentation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.buffer.BufferedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R17/R4/R5: documents buffered events in PostgreSQL, idempotently: one database transaction per
 * batch from the buffer; a duplicate (same wamid, same status) changes nothing. The SQL lives in the
 * tables' owners ({@link Contacts} lists them); this class decides what a batch writes.
 */
@Component("contactDocumentation")
public class ContactDocumentation {

    private static final Logger LOG = LoggerFactory.getLogger(ContactDocumentation.class);

    private final TransactionTemplate tx;
    private final ObjectMapper mapper;
    private final ConversationResolver conversations;
    private final InboundDocumentation inbound;
    private final Statuses statuses;
    private final Messages messages;
    private final RejectedUpdates rejected;
    private final Counters counters;

    ContactDocumentation(
            TransactionTemplate tx,
            ObjectMapper mapper,
            ConversationResolver conversations,
            InboundDocumentation inbound,
            Statuses statuses,
            Messages messages,
            RejectedUpdates rejected,
            MeterRegistry registry) {
        this.tx = tx;
        this.mapper = mapper;
        this.conversations = conversations;
        this.inbound = inbound;
        this.statuses = statuses;
        this.messages = messages;
        this.rejected = rejected;
        this.counters = new Counters(registry);
    }

    /**
     * R5/R13/R17: documents a batch from the buffer in one database transaction: inbound messages and
     * statuses set-based (a few statements per batch, not per update), rejected updates one by one.
     * Returns the inbound messages in batch order for the hand-on to the conversation lifecycle.
     */
    public List<DocumentedMessage> recordBatch(@Body List<BufferedEvent> events) {
        List<BufferedEvent> messageEvents = events.stream()
                .filter(e -> e.kind() == BufferedEvent.Kind.MESSAGE)
                .toList();
        List<InboundMessage> parsed = messageEvents.stream()
                .map(e -> InboundMessage.from(e.payload(), mapper))
                .toList();
        List<BufferedEvent> statusEvents = events.stream()
                .filter(e -> e.kind() == BufferedEvent.Kind.STATUS)
                .toList();
        List<DocumentedMessage> documented = tx.execute(status -> {
            List<DocumentedMessage> result =
                    messageEvents.isEmpty() ? List.of() : inbound.insert(messageEvents, parsed);
            if (!statusEvents.isEmpty()) {
                recordStatuses(statusEvents);
            }
            events.stream().filter(e -> e.kind() == BufferedEvent.Kind.REJECTED).forEach(this::recordRejected);
            return result;
        });
        counters.count(documented, events);
        for (int i = 0; i < messageEvents.size(); i++) {
            if (documented.get(i).fresh()) {
                LOG.debug(
                        "documented inbound message {} type={}",
                        messageEvents.get(i).dedupId(),
                        parsed.get(i).type());
            } else {
                LOG.info(
                        "duplicate inbound message {} ignored",
                        messageEvents.get(i).dedupId());
            }
        }
        // R52: identifier changes are documented; the conversation lifecycle (consent, bot, agents) does not see them
        List<DocumentedMessage> forLifecycle = new ArrayList<>(documented.size());
        for (int i = 0; i < messageEvents.size(); i++) {
            if (!parsed.get(i).fromWhatsapp()) {
                forLifecycle.add(documented.get(i));
            }
        }
        return forLifecycle;
    }

    /**
     * R4/R5/R40: records each status once (a repeated status id + status changes nothing), moves each outbound
     * message's delivery state forward only (a placeholder row if the status came before the message is known)
     * and keeps the billing data — set-based, with the same outcome as applying the statuses one by one.
     */
    private void recordStatuses(List<BufferedEvent> events) {
        List<StatusUpdate> rows = events.stream().map(StatusUpdate::of).toList();
        Set<String> fresh = statuses.record(rows);
        List<StatusUpdate> recorded = new ArrayList<>();
        for (StatusUpdate row : rows) {
            if (fresh.remove(row.key())) { // the first of equal statuses in a batch is the recorded one
                recorded.add(row);
            } else {
                LOG.info("duplicate status {} ignored", row.event().dedupId());
            }
        }
        counters.statuses(recorded, rows.size() - recorded.size());
        if (recorded.isEmpty()) {
            return;
        }
        String[] wamids = recorded.stream().map(StatusUpdate::wamid).toArray(String[]::new);
        long[] conversationIds =
                conversations.resolve(recorded.stream().map(StatusUpdate::event).toList(), wamids);
        messages.moveDeliveryStates(
                wamids,
                conversationIds,
                recorded.stream().map(StatusUpdate::state).toArray(String[]::new),
                recorded.stream().map(r -> r.at().toString()).toArray(String[]::new),
                recorded.stream().map(StatusUpdate::errorCode).toArray(Integer[]::new),
                recorded.stream().map(StatusUpdate::errorTitle).toArray(String[]::new));
        statuses.recordBilling(recorded);
    }

    private void recordRejected(BufferedEvent event) {
        rejected.record(event);
        LOG.warn("rejected webhook update documented: {}", event.reason());
    }

    // R42 metrics: documented, duplicate and rejected updates, delivery statuses by status and Meta error code
    private static final class Counters {

        private static final Set<String> KNOWN_STATUSES = Set.of("sent", "delivered", "read", "failed", "deleted");

        private final MeterRegistry registry;
        private final Counter documented;
        private final Counter duplicateMessages;
        private final Counter duplicateStatuses;
        private final Counter rejected;

        Counters(MeterRegistry registry) {
            this.registry = registry;
            this.documented = Counter.builder("carehub.documented")
                    .description("Inbound messages documented for the first time (R17)")
                    .register(registry);
            this.duplicateMessages = duplicates(registry, "message");
            this.duplicateStatuses = duplicates(registry, "status");
            this.rejected = Counter.builder("carehub.rejected")
                    .description("Webhook updates documented as rejected (unparseable, unknown shape)")
                    .register(registry);
        }

        private static Counter duplicates(MeterRegistry registry, String kind) {
            return Counter.builder("carehub.duplicates")
                    .description("Updates documented before and ignored (R5)")
                    .tag("kind", kind)
                    .register(registry);
        }

        /** Counted once the batch's database transaction committed. */
        void count(List<DocumentedMessage> messages, List<BufferedEvent> events) {
            long fresh = messages.stream().filter(DocumentedMessage::fresh).count();
            documented.increment(fresh);
            duplicateMessages.increment(messages.size() - fresh);
            rejected.increment(events.stream()
                    .filter(e -> e.kind() == BufferedEvent.Kind.REJECTED)
                    .count());
        }

        /**
         * R4: each recorded delivery status of an outbound message, with Meta's error code (none: "none"), and the
         * duplicates; counted when the batch's transaction commits.
         */
        void statuses(List<StatusUpdate> recorded, int duplicates) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        count(recorded, duplicates);
                    }
                });
            } else {
                count(recorded, duplicates);
            }
        }

        private void count(List<StatusUpdate> recorded, int duplicates) {
            duplicateStatuses.increment(duplicates);
            for (StatusUpdate row : recorded) {
                Counter.builder("carehub.outbound.statuses")
                        .description(
                                "Delivery statuses of outbound messages from status webhooks (R4), by Meta error code")
                        .tag("status", KNOWN_STATUSES.contains(row.state()) ? row.state() : "other")
                        .tag("code", row.errorCode() == null ? "none" : String.valueOf(row.errorCode()))
                        .register(registry)
                        .increment();
            }
        }
    }
}
