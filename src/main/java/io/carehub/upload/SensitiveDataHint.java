package io.carehub.upload;

import io.carehub.documentation.Conversations;
import io.carehub.documentation.DocumentedMessage;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.Messages;
import io.carehub.privacy.SensitiveData;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R16/R51: a customer message holding an IBAN or an ID-document number is flagged (its text stays encrypted where it
 * is; the history masks it), and once per conversation the customer is told to check the verified business badge
 * before sending such data, with a fresh secure upload link. Runs before the consent gate, so held messages are
 * flagged too; the hint waits until the customer accepted the privacy notice (R14).
 */
@Component("sensitiveDataHint")
public class SensitiveDataHint {

    private static final Logger LOG = LoggerFactory.getLogger(SensitiveDataHint.class);

    private final Messages messages;
    private final MessageQueries messageQueries;
    private final Conversations conversations;
    private final SensitiveData sensitive;
    private final UploadOffers offers;
    private final TransactionTemplate tx;
    private final Clock clock;

    SensitiveDataHint(
            Messages messages,
            MessageQueries messageQueries,
            Conversations conversations,
            SensitiveData sensitive,
            UploadOffers offers,
            TransactionTemplate tx,
            Clock clock) {
        this.messages = messages;
        this.messageQueries = messageQueries;
        this.conversations = conversations;
        this.sensitive = sensitive;
        this.offers = offers;
        this.tx = tx;
        this.clock = clock;
    }

    @Handler
    public void check(@Body DocumentedMessage documented) {
        List<MessageQueries.Released> found = messageQueries.released(List.of(documented.messageId()));
        if (found.isEmpty() || found.getFirst().text() == null) {
            return;
        }
        List<String> kinds = sensitive.kinds(found.getFirst().text());
        if (kinds.isEmpty()) {
            return;
        }
        long conversationId = documented.conversationId();
        boolean hinted = Boolean.TRUE.equals(tx.execute(status -> {
            messages.flagSensitive(documented.messageId(), kinds);
            // the claim, the link and the hint's message commit together: an exception leaves the hint due
            return conversations.claimSensitiveHint(conversationId, clock.instant())
                    && offers.withSensitiveHint(conversationId).isPresent();
        }));
        LOG.info(
                "message {} in conversation {} flagged {}{}",
                documented.messageId(),
                conversationId,
                kinds,
                hinted ? "; hint with upload link sent" : "");
    }
}
