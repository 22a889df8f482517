package io.carehub.consent;

import io.carehub.consent.Consents.Subject;
import io.carehub.dialog.DialogEnd;
import io.carehub.documentation.Contacts;
import io.carehub.documentation.ConversationRetention;
import io.carehub.documentation.Conversations;
import io.carehub.documentation.DocumentedMessage;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.Messages;
import io.carehub.whatsapp.CustomerTexts;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R14: nothing reaches bots or agents before the customer accepted the privacy notice. Messages
 * before that are documented and held; acceptance releases them in order; a decline answers with
 * the alternative channels and hands the contact to erasure.
 */
@Component("consentGate")
public class ConsentGate {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentGate.class);

    private final Consents consents;
    private final ErasureRequests erasure;
    private final Contacts contacts;
    private final Conversations conversations;
    private final ConversationRetention retention;
    private final Messages messages;
    private final MessageQueries messageQueries;
    private final TransactionTemplate tx;
    private final OutboundMessages outbound;
    private final ConsentProperties notice;
    private final CustomerTexts.Consent texts;
    private final WithdrawalWords withdrawalWords;
    private final DialogEnd dialogs;
    private final Clock clock;

    public ConsentGate(
            Consents consents,
            ErasureRequests erasure,
            Contacts contacts,
            Conversations conversations,
            ConversationRetention retention,
            Messages messages,
            MessageQueries messageQueries,
            TransactionTemplate tx,
            OutboundMessages outbound,
            ConsentProperties notice,
            CustomerTexts texts,
            WithdrawalWords withdrawalWords,
            DialogEnd dialogs,
            Clock clock) {
        this.consents = consents;
        this.erasure = erasure;
        this.contacts = contacts;
        this.conversations = conversations;
        this.retention = retention;
        this.messages = messages;
        this.messageQueries = messageQueries;
        this.tx = tx;
        this.outbound = outbound;
        this.notice = notice;
        this.texts = texts.consent();
        this.withdrawalWords = withdrawalWords;
        this.dialogs = dialogs;
        this.clock = clock;
    }

    @Handler
    public ConsentOutcome decide(@Body DocumentedMessage documented, @Header("JMSRedelivered") Boolean redelivered) {
        Subject subject = consents.subject(documented.messageId()); // one query per message
        if (subject.releasedAt() != null) {
            // handled before: a redelivery after a failed hand-off goes on to routing, which re-publishes it
            boolean retry = Boolean.TRUE.equals(redelivered) && Consents.ACCEPTED.equals(subject.latestDecision());
            return new ConsentOutcome(subject.conversationId(), retry, List.of(), retry);
        }
        if ("interactive".equals(subject.type()) && ConsentProperties.ACCEPT_ID.equals(subject.replyId())) {
            return accept(subject);
        }
        if ("interactive".equals(subject.type()) && ConsentProperties.DECLINE_ID.equals(subject.replyId())) {
            return decline(subject);
        }
        if ("interactive".equals(subject.type()) && ConsentProperties.WITHDRAW_ID.equals(subject.replyId())) {
            return withdraw(subject, ErasureRequests.WITHDRAWN_IN_CHAT);
        }
        if ("text".equals(subject.type())) {
            String text =
                    messageQueries.released(List.of(subject.messageId())).get(0).text();
            Optional<String> reason = withdrawalWords.reasonOf(text);
            if (reason.isPresent()) {
                return withdraw(subject, reason.get());
            }
        }
        // R49: consent to an older notice version does not count: the customer is asked again
        if (Consents.ACCEPTED.equals(subject.latestDecision())
                && notice.noticeVersion().equals(subject.latestVersion())) {
            markReleased(subject);
            return new ConsentOutcome(subject.conversationId(), true, List.of(subject.messageId()), false);
        }
        hold(subject);
        return new ConsentOutcome(subject.conversationId(), false, List.of(), false);
    }

    private ConsentOutcome accept(Subject subject) {
        List<Long> released = tx.execute(status -> {
            record(subject, Consents.ACCEPTED);
            markReleased(subject);
            conversations.consent(subject.contactId(), Consents.ACCEPTED);
            // held messages continue in the order the customer sent them
            return messages.releaseHeld(subject.contactId(), clock.instant());
        });
        LOG.info(
                "consent accepted (notice {}) in conversation {}, {} held messages released",
                notice.noticeVersion(),
                subject.conversationId(),
                released.size());
        if (!texts.accepted().isBlank()) {
            // R49: the thanks carries the withdraw button (withdrawal is possible at any time)
            outbound.sendIfAllowed(
                    subject.conversationId(),
                    OutboundContent.buttons(
                            texts.accepted(),
                            List.of(new OutboundContent.Button(ConsentProperties.WITHDRAW_ID, texts.withdrawButton()))),
                    "system");
        }
        return new ConsentOutcome(subject.conversationId(), true, released, false);
    }

    private ConsentOutcome decline(Subject subject) {
        tx.executeWithoutResult(status -> {
            record(subject, Consents.DECLINED);
            markReleased(subject);
            conversations.consent(subject.contactId(), Consents.DECLINED);
            // R14/R33: the contact's data is erased by the retention work, not ad hoc here
            erasure.request(subject.contactId(), ErasureRequests.NOTICE_DECLINED, clock.instant());
        });
        LOG.info("consent declined in conversation {}; contact handed to erasure", subject.conversationId());
        outbound.sendIfAllowed(subject.conversationId(), OutboundContent.text(texts.alternativeChannels()), "system");
        return new ConsentOutcome(subject.conversationId(), false, List.of(), false);
    }

    /**
     * R49: a withdrawal (typed, the withdraw button, or an opt-out) stops bots and agents at once and hands the
     * contact to erasure. R34: nothing is sent, no confirmation either.
     */
    private ConsentOutcome withdraw(Subject subject, String reason) {
        Instant now = clock.instant();
        List<Long> ended = tx.execute(status -> {
            consents.record(subject.contactId(), notice.noticeVersion(), Consents.WITHDRAWN, now, subject.wamid());
            markReleased(subject);
            erasure.request(subject.contactId(), reason, "customer", now);
            return retention.endForWithdrawal(subject.contactId(), now);
        });
        dialogs.endOpenOf(subject.conversationId(), "WITHDRAWN");
        LOG.info(
                "consent withdrawn ({}) in conversation {}: {} conversations ended, contact handed to erasure",
                reason,
                subject.conversationId(),
                ended == null ? 0 : ended.size());
        return new ConsentOutcome(subject.conversationId(), false, List.of(), false);
    }

    /** Before consent: keep the message, send the notice — again only after the repeat interval. */
    private void hold(Subject subject) {
        if (Consents.WITHDRAWN.equals(subject.latestDecision())) {
            // R34: after a withdrawal the contact only waits for its erasure; nothing is sent
            LOG.debug("message {} held: consent withdrawn, erasure pending", subject.messageId());
            return;
        }
        Instant now = clock.instant();
        Instant repeatAfter = now.minus(notice.repeatInterval());
        if (subject.noticeSentAt() != null && subject.noticeSentAt().isAfter(repeatAfter)) {
            // the usual case for a held message: no write (the claim below would not match either)
            LOG.debug("message {} held until consent; notice sent recently", subject.messageId());
            return;
        }
        if (contacts.claimNotice(subject.contactId(), now, repeatAfter)) {
            if (outbound.sendIfAllowed(subject.conversationId(), noticeMessage(), "system")) {
                LOG.info("privacy notice {} sent in conversation {}", notice.noticeVersion(), subject.conversationId());
            } else {
                // not sent (window closed for this late message): the customer's next message tries again
                contacts.forgetNotice(subject.contactId());
            }
        } else {
            LOG.debug("message {} held until consent; notice sent recently", subject.messageId());
        }
    }

    OutboundContent noticeMessage() {
        return OutboundContent.buttons(
                texts.notice() + "\n\n" + notice.noticeUrl(),
                List.of(
                        new OutboundContent.Button(ConsentProperties.ACCEPT_ID, texts.acceptButton()),
                        new OutboundContent.Button(ConsentProperties.DECLINE_ID, texts.declineButton())));
    }

    private void record(Subject subject, String decision) {
        consents.record(subject.contactId(), notice.noticeVersion(), decision, clock.instant(), subject.wamid());
    }

    private void markReleased(Subject subject) {
        messages.markReleased(subject.messageId(), clock.instant());
    }
}
