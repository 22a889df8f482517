package io.carehub.dialog;

import io.carehub.legitimation.LegitimationOffer;
import io.carehub.privacy.ReIdentifier;
import io.carehub.retention.ContractRelevance;
import io.carehub.upload.UploadOffers;
import io.carehub.whatsapp.CustomerTexts;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R24: turns a platform answer into WhatsApp messages: re-identifies every text (tokens the bot reformatted
 * included; unknown tokens are left out), maps options to reply buttons or a list, logs the pseudonymized
 * answer, and acts on the platform's hand-off request, dialog close, contract-relevant intent (R36), upload intent
 * (R16) or legitimation intent (R15). Also hosts the optional answer generator.
 */
@Component("dialogAnswers")
public class DialogAnswers {

    static final String INPUT_PROPERTY = "dialogInput";
    static final String PLATFORM_REPLY_PROPERTY = "platformReply";
    private static final int TEXT_LIMIT = 4096;
    private static final int INTERACTIVE_BODY_LIMIT = 1024;

    private final Dialogs dialogs;
    private final ReIdentifier reIdentifier;
    private final OutboundMessages outbound;
    private final DialogHandOff handOff;
    private final DialogEnd end;
    private final ObjectProvider<AnswerGenerator> generator;
    private final CustomerTexts.Dialog texts;
    private final ContractRelevance contractRelevance;
    private final UploadOffers uploadOffers;
    private final LegitimationOffer legitimationOffer;

    DialogAnswers(
            Dialogs dialogs,
            ReIdentifier reIdentifier,
            OutboundMessages outbound,
            DialogHandOff handOff,
            DialogEnd end,
            ObjectProvider<AnswerGenerator> generator,
            CustomerTexts texts,
            ContractRelevance contractRelevance,
            UploadOffers uploadOffers,
            LegitimationOffer legitimationOffer) {
        this.dialogs = dialogs;
        this.reIdentifier = reIdentifier;
        this.outbound = outbound;
        this.handOff = handOff;
        this.end = end;
        this.generator = generator;
        this.texts = texts.dialog();
        this.contractRelevance = contractRelevance;
        this.uploadOffers = uploadOffers;
        this.legitimationOffer = legitimationOffer;
    }

    /** Records the customer's pseudonymized turn (the body) before it goes to the platform. */
    public void logTurn(
            @Body String pseudonymized,
            @Header(DialogGate.DIALOG_HEADER) String dialogId,
            @ExchangeProperty(INPUT_PROPERTY) DialogInput input) {
        dialogs.logTurn(UUID.fromString(dialogId), input.messageId(), pseudonymized);
    }

    @Handler
    public void deliver(
            @Body DialogReply reply,
            @Header(DialogGate.DIALOG_HEADER) String dialog,
            @Header(DialogTurns.CONVERSATION_HEADER) long conversationId) {
        UUID dialogId = UUID.fromString(dialog);
        String session = dialogId.toString();
        for (DialogOutput output : reply.outputs()) {
            dialogs.logAnswer(dialogId, pseudonymizedText(output));
            for (OutboundContent content : whatsapp(session, output)) {
                outbound.sendIfAllowed(conversationId, content, "bot");
            }
        }
        dialogs.touch(dialogId);
        contractRelevance.markByIntent(conversationId, reply.intents()); // R36
        uploadOffers.byIntent(conversationId, reply.intents()); // R16: a configured intent offers an upload link
        legitimationOffer.offerByIntent(conversationId, reply.intents()); // R15
        if (reply.handOffRequested()) {
            String summary =
                    reply.handOffSummary() == null ? null : reIdentifier.reidentify(session, reply.handOffSummary());
            handOff.offer(dialogId, "PLATFORM", summary);
        } else if (reply.closed()) {
            end.end(dialogId, DialogEnd.CLOSED_BY_BOT);
        }
    }

    /** Media, locations, contacts: the platforms understand text only. */
    public void unsupported(
            @Body DialogInput input,
            @Header(DialogGate.DIALOG_HEADER) String dialog,
            @Header(DialogTurns.CONVERSATION_HEADER) long conversationId) {
        UUID dialogId = UUID.fromString(dialog);
        dialogs.logTurn(dialogId, input.messageId(), "(not text)");
        outbound.sendIfAllowed(conversationId, OutboundContent.text(texts.unsupported()), "bot");
    }

    /** R25: asks the answer generator; the body is the customer's text with all personal data removed. */
    public String generate(@Body String stripped) {
        return generator.getObject().answer(stripped, List.of());
    }

    /** The generated answer (body, null when the generator failed) replaces the platform's "not understood". */
    public DialogReply generated(@Body String answer, @ExchangeProperty(PLATFORM_REPLY_PROPERTY) DialogReply platform) {
        if (answer == null || answer.isBlank()) {
            return platform;
        }
        return new DialogReply(
                List.of(new DialogOutput.Text(answer)),
                true,
                platform.handOffRequested(),
                platform.handOffSummary(),
                platform.platformSessionId(),
                platform.closed(),
                platform.intents());
    }

    private List<OutboundContent> whatsapp(String session, DialogOutput output) {
        List<OutboundContent> messages = new ArrayList<>();
        if (output instanceof DialogOutput.Text text) {
            String body = reIdentifier.reidentify(session, text.text());
            for (int start = 0; start < body.length(); start += TEXT_LIMIT) {
                messages.add(OutboundContent.text(body.substring(start, Math.min(body.length(), start + TEXT_LIMIT))));
            }
        } else if (output instanceof DialogOutput.Options options) {
            String prompt = options.prompt() == null || options.prompt().isBlank()
                    ? texts.choose()
                    : reIdentifier.reidentify(session, options.prompt());
            List<DialogOutput.Option> choices = options.options().stream()
                    .map(o -> new DialogOutput.Option(reIdentifier.reidentify(session, o.label()), o.value()))
                    .toList();
            if (choices.isEmpty()) {
                messages.add(OutboundContent.text(prompt));
            } else if (choices.size() <= 3) {
                messages.add(OutboundContent.buttons(
                        cut(prompt, INTERACTIVE_BODY_LIMIT),
                        choices.stream()
                                .map(o -> new OutboundContent.Button(id(o), cut(o.label(), 20)))
                                .toList()));
            } else if (choices.size() <= 10) {
                messages.add(OutboundContent.list(
                        cut(prompt, INTERACTIVE_BODY_LIMIT),
                        texts.chooseButton(),
                        choices.stream()
                                .map(o -> new OutboundContent.Row(
                                        id(o), cut(o.label(), 24), o.label().length() > 24 ? cut(o.label(), 72) : null))
                                .toList()));
            } else {
                StringBuilder text = new StringBuilder(prompt);
                for (int i = 0; i < choices.size(); i++) {
                    text.append('\n')
                            .append(i + 1)
                            .append(". ")
                            .append(choices.get(i).label());
                }
                messages.add(OutboundContent.text(cut(text.toString(), TEXT_LIMIT)));
            }
        }
        return messages;
    }

    private static String pseudonymizedText(DialogOutput output) {
        if (output instanceof DialogOutput.Options options) {
            StringBuilder text = new StringBuilder(options.prompt() == null ? "" : options.prompt());
            options.options().forEach(o -> text.append(" [").append(o.label()).append(']'));
            return text.toString();
        }
        return ((DialogOutput.Text) output).text();
    }

    /** WhatsApp reply ids are at most 256 characters; the option's value comes back as the customer's turn. */
    private static String id(DialogOutput.Option option) {
        String value = option.value() == null || option.value().isBlank() ? option.label() : option.value();
        return DialogTurns.OPTION_PREFIX + cut(value, 250);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
