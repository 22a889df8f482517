package io.carehub.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** R23: maps a watsonx Assistant v2 message answer ({@code output.generic[]}) to the hub's {@link DialogReply}. */
final class WatsonxReplyMapper {

    private static final Logger LOG = LoggerFactory.getLogger(WatsonxReplyMapper.class);

    DialogReply toReply(String dialogId, JsonNode answer, String sessionId) {
        JsonNode output = answer.path("output");
        List<DialogOutput> outputs = new ArrayList<>();
        boolean answered = false;
        boolean handOff = false;
        String summary = null;
        for (JsonNode generic : output.path("generic")) {
            String type = generic.path("response_type").asText("");
            switch (type) {
                case "text" -> {
                    String text = generic.path("text").asText("");
                    if (!text.isBlank()) {
                        outputs.add(new DialogOutput.Text(text));
                        answered = true;
                    }
                }
                case "option" -> {
                    outputs.add(options(generic));
                    answered = true;
                }
                case "pause" -> {
                    // a typing pause means nothing on WhatsApp
                }
                case "connect_to_agent" -> {
                    handOff = true;
                    summary = blankToNull(generic.path("message_to_human_agent").asText(""));
                }
                default -> fallback(dialogId, type, generic, outputs);
            }
        }
        // actions-based assistants often report no intent although they answered, so an answer counts as understood
        boolean understood = answered || !output.path("intents").isEmpty();
        List<String> intents = new ArrayList<>();
        output.path("intents")
                .forEach(intent -> intents.add(intent.path("intent").asText("")));
        return new DialogReply(outputs, understood, handOff, summary, sessionId, false, intents);
    }

    private static DialogOutput options(JsonNode option) {
        String prompt = joinNonBlank(
                option.path("title").asText(""), option.path("description").asText(""));
        List<DialogOutput.Option> choices = new ArrayList<>();
        for (JsonNode choice : option.path("options")) {
            String label = choice.path("label").asText("");
            // the value the assistant expects back when the customer picks this option
            String value = choice.path("value").path("input").path("text").asText(label);
            choices.add(new DialogOutput.Option(label, value));
        }
        return choices.isEmpty() ? new DialogOutput.Text(prompt) : new DialogOutput.Options(prompt, choices);
    }

    /** suggestion, image, video, iframe, user_defined, …: whatever readable text they carry, else nothing. */
    private static void fallback(String dialogId, String type, JsonNode generic, List<DialogOutput> outputs) {
        String text = joinNonBlank(
                generic.path("title").asText(""),
                generic.path("text").asText(""),
                generic.path("source").asText(""));
        LOG.info(
                "watsonx response_type {} in dialog {} {}",
                type,
                dialogId,
                text.isEmpty() ? "skipped" : "sent as text");
        if (!text.isEmpty()) {
            outputs.add(new DialogOutput.Text(text));
        }
    }

    private static String joinNonBlank(String... parts) {
        return Stream.of(parts).filter(part -> !part.isBlank()).collect(Collectors.joining("\n"));
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
