package io.carehub.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lexruntimev2.model.Button;
import software.amazon.awssdk.services.lexruntimev2.model.ImageResponseCard;
import software.amazon.awssdk.services.lexruntimev2.model.Intent;
import software.amazon.awssdk.services.lexruntimev2.model.Message;
import software.amazon.awssdk.services.lexruntimev2.model.MessageContentType;
import software.amazon.awssdk.services.lexruntimev2.model.RecognizeTextResponse;

/** R23: maps a Lex V2 RecognizeText answer (messages, session state) to the hub's {@link DialogReply}. */
final class LexReplyMapper {

    /** The built-in intent Lex falls back to when it recognized nothing. */
    static final String FALLBACK_INTENT = "FallbackIntent";

    private static final Pattern SSML_TAG = Pattern.compile("<[^>]*>");

    private final String handOffIntent;

    LexReplyMapper(String handOffIntent) {
        this.handOffIntent = handOffIntent;
    }

    DialogReply toReply(RecognizeTextResponse answer, String sessionId) {
        List<DialogOutput> outputs = new ArrayList<>();
        for (Message message : answer.messages()) {
            MessageContentType type =
                    message.contentType() == null ? MessageContentType.PLAIN_TEXT : message.contentType();
            DialogOutput output = switch (type) {
                case IMAGE_RESPONSE_CARD -> card(message.imageResponseCard());
                // WhatsApp shows text only: the speech markup is dropped, the words are kept
                case SSML ->
                    text(
                            message.content() == null
                                    ? null
                                    : SSML_TAG.matcher(message.content()).replaceAll(""));
                default -> text(message.content()); // PlainText, CustomPayload, types newer than the SDK
            };
            if (output != null) {
                outputs.add(output);
            }
        }
        String intent = intentName(answer);
        boolean understood = intent != null && !FALLBACK_INTENT.equals(intent);
        // slot values are not passed on as a summary: the agent reads the (pseudonymized) history instead
        boolean handOff = handOffIntent.equals(intent);
        return new DialogReply(
                outputs, understood, handOff, null, sessionId, false, intent == null ? List.of() : List.of(intent));
    }

    private static String intentName(RecognizeTextResponse answer) {
        Intent intent =
                answer.sessionState() == null ? null : answer.sessionState().intent();
        return intent == null ? null : intent.name();
    }

    private static DialogOutput card(ImageResponseCard card) {
        if (card == null) {
            return null;
        }
        String prompt = join(card.title(), card.subtitle());
        List<DialogOutput.Option> options = new ArrayList<>();
        for (Button button : card.buttons()) {
            options.add(new DialogOutput.Option(button.text(), button.value()));
        }
        return options.isEmpty() ? text(prompt) : new DialogOutput.Options(prompt, options);
    }

    private static DialogOutput text(String content) {
        return content == null || content.isBlank() ? null : new DialogOutput.Text(content.strip());
    }

    private static String join(String title, String subtitle) {
        return subtitle == null || subtitle.isBlank() ? title : title + "\n" + subtitle;
    }
}
