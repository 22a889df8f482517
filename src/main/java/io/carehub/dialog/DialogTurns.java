package io.carehub.dialog;

import io.carehub.consent.ConsentOutcome;
import io.carehub.documentation.ConversationQueries;
import io.carehub.documentation.CustomerIdentities;
import io.carehub.documentation.MessageQueries;
import io.carehub.documentation.MessageQueries.Released;
import io.carehub.privacy.KnownValues;
import io.carehub.privacy.PrivacyHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/**
 * R23/R24: prepares a bot conversation's released messages for the dialog route: sets the dialog's pseudonym
 * session and the legitimated customer's known values (for pseudonymize and strip), and classifies each
 * message. Messages handled before (a redelivery) are left out, so the platform never gets a text twice.
 */
@Component("dialogTurns")
public class DialogTurns {

    public static final String PLATFORM_HEADER = "carehubPlatform";
    public static final String CONVERSATION_HEADER = "carehubConversationId";
    static final String OPTION_PREFIX = "bot:";
    static final String HANDOFF_YES = "handoff:yes";
    static final String HANDOFF_NO = "handoff:no";
    private static final Pattern YES = Pattern.compile("(?iu)\\s*(ja|ja bitte|gerne|gern|ok|okay|yes|jawohl)\\W*");
    private static final Pattern NO = Pattern.compile("(?iu)\\s*(nein|nein danke|no|lieber nicht|nicht nötig)\\W*");

    private final ConversationQueries queries;
    private final CustomerIdentities identities;
    private final MessageQueries messages;
    private final Dialogs dialogs;
    private final List<Pattern> handOffKeywords;

    DialogTurns(
            ConversationQueries queries,
            CustomerIdentities identities,
            MessageQueries messages,
            Dialogs dialogs,
            DialogProperties properties) {
        this.queries = queries;
        this.identities = identities;
        this.messages = messages;
        this.dialogs = dialogs;
        this.handOffKeywords = properties.handOffKeywords().stream()
                .map(word -> Pattern.compile(
                        "(?iu)(?<!\\p{L})" + Pattern.quote(word.toLowerCase(Locale.GERMAN)) + "(?!\\p{L})"))
                .toList();
    }

    @Handler
    public List<DialogInput> inputs(@Body ConsentOutcome outcome, Exchange exchange) {
        UUID dialogId = UUID.fromString(exchange.getMessage().getHeader(DialogGate.DIALOG_HEADER, String.class));
        Dialogs.Dialog dialog = dialogs.find(dialogId).orElseThrow();
        exchange.getMessage().setHeader(PrivacyHeaders.SESSION_ID, dialogId.toString());
        exchange.getMessage().setHeader(PLATFORM_HEADER, dialog.platform());
        exchange.getMessage().setHeader(CONVERSATION_HEADER, dialog.conversationId());
        exchange.setProperty(PrivacyHeaders.KNOWN_VALUES, knownValues(dialog.conversationId()));
        List<DialogInput> inputs = new ArrayList<>();
        boolean offered = dialog.handOffOffered();
        for (Released message : messages.released(outcome.released())) {
            if (dialogs.alreadyHandled(dialogId, message.id())) {
                continue;
            }
            DialogInput input = classify(message, offered);
            offered = offered && input.kind() != DialogInput.Kind.HANDOFF_ANSWER;
            inputs.add(input);
        }
        return inputs;
    }

    private DialogInput classify(Released message, boolean offered) {
        if (HANDOFF_YES.equals(message.replyId()) || HANDOFF_NO.equals(message.replyId())) {
            return new DialogInput(
                    DialogInput.Kind.HANDOFF_ANSWER, message.id(), null, HANDOFF_YES.equals(message.replyId()));
        }
        String text = switch (message.type()) {
            case "text" -> message.text();
            case "interactive" ->
                message.replyId() != null && message.replyId().startsWith(OPTION_PREFIX)
                        ? message.replyId().substring(OPTION_PREFIX.length())
                        : message.replyTitle();
            case "button" -> message.payload() != null ? message.payload() : message.text();
            default -> null;
        };
        if (text == null || text.isBlank()) {
            return new DialogInput(DialogInput.Kind.UNSUPPORTED, message.id(), null, false);
        }
        if (offered && YES.matcher(text).matches()) {
            return new DialogInput(DialogInput.Kind.HANDOFF_ANSWER, message.id(), null, true);
        }
        if (offered && NO.matcher(text).matches()) {
            return new DialogInput(DialogInput.Kind.HANDOFF_ANSWER, message.id(), null, false);
        }
        if (handOffKeywords.stream().anyMatch(keyword -> keyword.matcher(text).find())) {
            return new DialogInput(DialogInput.Kind.HANDOFF_KEYWORD, message.id(), text, false);
        }
        return new DialogInput(DialogInput.Kind.ASK, message.id(), text, false);
    }

    /** R24/R25: what the hub knows about the customer, so it is found in any spelling. */
    KnownValues knownValues(long conversationId) {
        ConversationQueries.Routing conversation = queries.routing(conversationId);
        Optional<CustomerIdentities.Identity> identity = identities.of(conversation.contactId());
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("phone", present(conversation.waId()));
        // R52: a BSUID is personal data: tokenized for the bots, removed for OpenAI
        known.put("bsuid", present(conversation.userId()));
        known.put("username", present(conversation.username()));
        known.put(
                "name",
                present(identity.map(CustomerIdentities.Identity::name).orElse(null), conversation.profileName()));
        // R15: the legitimation stores a customer's contract numbers as one list "V-1, V-2": each is a known value
        List<String> numbers = new ArrayList<>(present(
                identity.map(CustomerIdentities.Identity::customerNumber).orElse(null)));
        identity.map(CustomerIdentities.Identity::contractNumber)
                .ifPresent(contracts -> numbers.addAll(present(contracts.split(","))));
        known.put("customerNumber", numbers);
        return KnownValues.fromMap(known);
    }

    private static List<String> present(String... values) {
        return java.util.Arrays.stream(values)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(v -> !v.isBlank())
                .toList();
    }
}
