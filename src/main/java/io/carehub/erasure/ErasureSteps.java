package io.carehub.erasure;

import io.carehub.consent.ErasureRequests;
import io.carehub.consent.ErasureRequests.LegalBasis;
import io.carehub.consent.ErasureRequests.Request;
import io.carehub.consent.ErasureRequests.Step;
import io.carehub.crypto.ContactKeys;
import io.carehub.dialog.DialogEnd;
import io.carehub.documentation.ContactQueries;
import io.carehub.documentation.Contacts;
import io.carehub.documentation.ConversationRetention;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.Statuses;
import io.carehub.privacy.DeletionAudit;
import io.carehub.privacy.KeptTranscripts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R33: the steps of one erasure. Each step commits in its own transaction together with its audit rows (R35) and the
 * request's new step, so a crash resumes at the next step and nothing is deleted or audited twice.
 */
@Component
class ErasureSteps {

    private final ErasureRequests requests;
    private final CustomerIdentities identities;
    private final ConversationRetention conversations;
    private final MessageQueries messages;
    private final Statuses statuses;
    private final Contacts contacts;
    private final ContactQueries contactQueries;
    private final ContactKeys keys;
    private final KeptTranscripts transcripts;
    private final DialogEnd dialogs;
    private final DeletionAudit audit;
    private final ErasureLedger ledger;
    private final TransactionTemplate step;
    private final Clock clock;

    ErasureSteps(
            ErasureRequests requests,
            CustomerIdentities identities,
            ConversationRetention conversations,
            MessageQueries messages,
            Statuses statuses,
            Contacts contacts,
            ContactQueries contactQueries,
            ContactKeys keys,
            KeptTranscripts transcripts,
            DialogEnd dialogs,
            DeletionAudit audit,
            ErasureLedger ledger,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.requests = requests;
        this.identities = identities;
        this.conversations = conversations;
        this.messages = messages;
        this.statuses = statuses;
        this.contacts = contacts;
        this.contactQueries = contactQueries;
        this.keys = keys;
        this.transcripts = transcripts;
        this.dialogs = dialogs;
        this.audit = audit;
        this.ledger = ledger;
        // a step commits on its own, also inside the executor's run (its surrounding transaction)
        this.step = new TransactionTemplate(transactions);
        this.step.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Carries out the request from its recorded step on; true when the contact is gone, false while it is held. */
    boolean carryOut(Request request) {
        long id = request.id();
        long contact = request.contactId();
        String why = "erasure: " + request.reason();
        String reference = "erasure request " + id;
        LegalBasis basis = request.legalBasis();
        boolean resumedHold = request.status() == ErasureRequests.Status.ARCHIVE_HOLD;
        if (request.step() == Step.REQUESTED) {
            // R49: a legitimated customer's data rests on the contract (Art. 6(1)(b)), everyone else's on consent
            basis = identities.of(contact).isPresent() ? LegalBasis.CONTRACT : LegalBasis.CONSENT;
            LegalBasis decided = basis;
            step.executeWithoutResult(status -> requests.decided(id, decided));
        }
        if (resumedHold || request.step().compareTo(Step.TRANSCRIPTS_KEPT) < 0) {
            step.executeWithoutResult(status -> {
                transcripts.keep(conversations.erasable(contact, clock.instant()), clock.instant());
                requests.advance(id, Step.TRANSCRIPTS_KEPT);
            });
        }
        if (resumedHold || request.step().compareTo(Step.HISTORY_DELETED) < 0) {
            List<Long> erasable = conversations.erasable(contact, clock.instant());
            // R26: an open dialog ends first (its log, vault and platform session), in a transaction of its own
            erasable.forEach(
                    conversation -> step.executeWithoutResult(status -> dialogs.endOpenOf(conversation, "ERASURE")));
            LegalBasis current = basis;
            step.executeWithoutResult(status -> {
                deleteHistory(erasable, why, reference);
                if (current == LegalBasis.CONTRACT) {
                    contacts.anonymize(contact);
                }
                requests.advance(id, Step.HISTORY_DELETED);
            });
        }
        Instant now = clock.instant();
        Optional<Instant> archived = conversations.archivedUntil(contact, now);
        if (archived.isPresent()) {
            // R31: §257 HGB records stay until their period ends; the contact and its key stay as long as they need it
            step.executeWithoutResult(status -> requests.hold(id, archived.get()));
            return false;
        }
        // the ledger first (its own database, idempotent): a crash after it leaves the request to be resumed
        ledger.record(contactQueries.lookupHashes(contact), request.reason());
        step.executeWithoutResult(status -> {
            keys.destroy(contact, why);
            int deleted = contacts.delete(contact);
            if (deleted > 0) {
                audit.record("erasure-contact", deleted, why, reference, now);
            }
            requests.done(id, now);
        });
        return true;
    }

    private void deleteHistory(List<Long> conversationIds, String why, String reference) {
        if (conversationIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        int[] statusAndBilling = statuses.deleteOfConversations(conversationIds);
        int messageCount = messages.countIn(conversationIds);
        int conversationCount = conversations.delete(conversationIds);
        record("erasure-messages", messageCount, why, reference, now);
        record("erasure-conversations", conversationCount, why, reference, now);
        record("erasure-statuses", statusAndBilling[0], why, reference, now);
        record("erasure-billing", statusAndBilling[1], why, reference, now);
    }

    private void record(String kind, int count, String why, String reference, Instant now) {
        if (count > 0) {
            audit.record(kind, count, why, reference, now);
        }
    }
}
