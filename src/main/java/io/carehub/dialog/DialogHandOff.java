package io.carehub.dialog;

import io.carehub.consent.ConsentOutcome;
import io.carehub.documentation.Conversations;
import io.carehub.documentation.MessageQueries;
import io.carehub.whatsapp.CustomerTexts;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R27: a bot conversation goes to a human only with the customer's consent. The platform, a keyword or an
 * unavailable platform triggers the question (two reply buttons); yes ends the dialog and hands the whole
 * conversation to agent routing, no continues with the bot.
 */
@Component("dialogHandOff")
public class DialogHandOff {

    private static final Logger LOG = LoggerFactory.getLogger(DialogHandOff.class);

    private final Dialogs dialogs;
    private final DialogEnd end;
    private final OutboundMessages outbound;
    private final Conversations conversations;
    private final MessageQueries messages;
    private final CustomerTexts.Dialog texts;

    DialogHandOff(
            Dialogs dialogs,
            DialogEnd end,
            OutboundMessages outbound,
            Conversations conversations,
            MessageQueries messages,
            CustomerTexts texts) {
        this.dialogs = dialogs;
        this.end = end;
        this.outbound = outbound;
        this.conversations = conversations;
        this.messages = messages;
        this.texts = texts.dialog();
    }

    /** The customer wrote a hand-off keyword ("Mitarbeiter"). */
    @Handler
    public void offerOnRequest(@Body DialogInput input, @Header(DialogGate.DIALOG_HEADER) String dialogId) {
        UUID dialog = UUID.fromString(dialogId);
        dialogs.logTurn(dialog, input.messageId(), "(hand-off keyword)");
        offer(dialog, "KEYWORD", null);
    }

    /** The platform and its fallbacks are unavailable: tell the customer and offer a human (R23). */
    public void offerWhileUnavailable(@Header(DialogGate.DIALOG_HEADER) String dialogId, Exchange exchange) {
        UUID dialog = UUID.fromString(dialogId);
        DialogInput input = exchange.getProperty(DialogAnswers.INPUT_PROPERTY, DialogInput.class);
        if (input != null) {
            dialogs.logTurn(dialog, input.messageId(), "(platform unavailable)");
        }
        long conversation = conversationOf(dialog);
        outbound.sendIfAllowed(conversation, OutboundContent.text(texts.unavailable()), "bot");
        offer(dialog, "UNAVAILABLE", null);
    }

    /** Asks for consent to the hand-off; {@code summary} (re-identified) is kept for the agent. */
    void offer(UUID dialogId, String reason, String summary) {
        long conversation = conversationOf(dialogId);
        if (summary != null && !summary.isBlank()) {
            conversations.keepBotSummary(conversation, summary);
        }
        dialogs.offerHandOff(dialogId, reason);
        outbound.sendIfAllowed(
                conversation,
                OutboundContent.buttons(
                        texts.handOffQuestion(),
                        List.of(
                                new OutboundContent.Button(DialogTurns.HANDOFF_YES, texts.handOffYes()),
                                new OutboundContent.Button(DialogTurns.HANDOFF_NO, texts.handOffNo()))),
                "bot");
        LOG.info("dialog {} of conversation {} offers a hand-off to agents ({})", dialogId, conversation, reason);
    }

    /**
     * The customer's answer. Yes: the dialog ends (keys and log deleted) and the returned outcome releases
     * the whole conversation to agent routing, so topic detection sees everything the customer wrote.
     *
     * @return the outcome for the conversation router, or null when the customer stays with the bot
     */
    @Handler
    public ConsentOutcome answer(@Body DialogInput input, @Header(DialogGate.DIALOG_HEADER) String dialogId) {
        UUID dialog = UUID.fromString(dialogId);
        long conversation = conversationOf(dialog);
        dialogs.logTurn(dialog, input.messageId(), input.yes() ? "(hand-off accepted)" : "(hand-off declined)");
        if (!input.yes()) {
            dialogs.resume(dialog);
            outbound.sendIfAllowed(conversation, OutboundContent.text(texts.handOffDeclined()), "bot");
            LOG.info("dialog {} of conversation {}: hand-off declined, the bot continues", dialog, conversation);
            return null;
        }
        outbound.sendIfAllowed(conversation, OutboundContent.text(texts.handOffAccepted()), "bot");
        end.end(dialog, DialogEnd.HANDOFF);
        List<Long> everything = messages.inboundIds(conversation);
        LOG.info("dialog {} of conversation {}: hand-off accepted", dialog, conversation);
        return new ConsentOutcome(conversation, true, everything, false);
    }

    private long conversationOf(UUID dialogId) {
        return dialogs.find(dialogId).orElseThrow().conversationId();
    }
}
