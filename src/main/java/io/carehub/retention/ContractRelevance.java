package io.carehub.retention;

import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.ConversationRetention;
import io.carehub.documentation.CustomerIdentities;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R31/R36: marks a conversation contract-relevant (by an agent or a bot intent). A legitimated customer's
 * conversation moves to its archive class, kept until the end of the class's period counted from the end of the
 * calendar year of the mark (§257(5) HGB), exempt from the three-month purge; anybody else's is refused.
 */
@Component
public class ContractRelevance {

    /** The calendar year of §257(5) HGB ends in Germany. */
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private static final Logger LOG = LoggerFactory.getLogger(ContractRelevance.class);

    /** R31: only a legitimated customer's records are archived; nobody else's outlive the purge. */
    public static final class NotLegitimatedException extends RuntimeException {
        NotLegitimatedException(long conversationId) {
            super(
                    "conversation " + conversationId
                            + " belongs to a customer who is not legitimated: only legitimated "
                            + "customers' contract-relevant conversations are archived (R31); it stays under the 3-month purge");
        }
    }

    /** The archive the conversation is in after the mark. */
    public record Marked(long conversationId, ArchiveClass archiveClass, Instant archivedUntil) {}

    private final ConversationRetention conversations;
    private final ConversationQueries queries;
    private final CustomerIdentities identities;
    private final RetentionProperties properties;
    private final Clock clock;

    ContractRelevance(
            ConversationRetention conversations,
            ConversationQueries queries,
            CustomerIdentities identities,
            RetentionProperties properties,
            Clock clock) {
        this.conversations = conversations;
        this.queries = queries;
        this.identities = identities;
        this.properties = properties;
        this.clock = clock;
    }

    /** Marks the conversation; {@code by} is the agent id or {@code bot:<intent>}. */
    public Marked mark(long conversationId, ArchiveClass archiveClass, String by) {
        long contactId = queries.routing(conversationId).contactId();
        if (identities.of(contactId).isEmpty()) {
            throw new NotLegitimatedException(conversationId);
        }
        Instant now = clock.instant();
        Instant until = LocalDate.ofInstant(now, GERMANY)
                .withDayOfYear(1)
                .plusYears(1)
                .plus(archiveClass.period(properties))
                .atStartOfDay(GERMANY)
                .toInstant();
        conversations.markContractRelevant(conversationId, archiveClass.name(), by, now, until);
        ConversationQueries.Archived archived = queries.archive(conversationId).orElseThrow();
        LOG.info("conversation {} marked contract-relevant, archived as {}", conversationId, archived.archiveClass());
        return new Marked(conversationId, ArchiveClass.valueOf(archived.archiveClass()), archived.archivedUntil());
    }

    /**
     * R36: a dialog platform recognized a configured intent ({@code carehub.retention.*-intents}): marks the
     * conversation as its class; a customer who is not legitimated is left under the purge (nobody to tell: the
     * bot goes on). Returns the mark, if one was made.
     */
    public Optional<Marked> markByIntent(long conversationId, List<String> intents) {
        for (String intent : intents) {
            ArchiveClass archiveClass = properties.accountingRecordIntents().contains(intent)
                    ? ArchiveClass.ACCOUNTING_RECORD
                    : properties.commercialLetterIntents().contains(intent) ? ArchiveClass.COMMERCIAL_LETTER : null;
            if (archiveClass == null) {
                continue;
            }
            try {
                return Optional.of(mark(conversationId, archiveClass, "bot:" + intent));
            } catch (NotLegitimatedException e) {
                LOG.info(
                        "conversation {}: intent {} not archived, the customer is not legitimated",
                        conversationId,
                        intent);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
