package io.carehub.dialog;

import java.util.List;

/**
 * A dialog platform's answer to one turn, still pseudonymized.
 *
 * @param outputs           what to show the customer, in order
 * @param understood        false when the platform could not answer (watsonx: no intent and no answer; Lex:
 *                          FallbackIntent); the optional answer generator (OpenAI) may then answer instead
 * @param handOffRequested  the platform asks to pass the customer to a human (watsonx connect_to_agent,
 *                          the configured Lex intent, the local bot's "Mitarbeiter")
 * @param handOffSummary    the platform's note for the agent (watsonx message_to_human_agent), may be null
 * @param platformSessionId the session id after the turn: differs from the turn's when the platform had to
 *                          re-create an expired session
 * @param closed            the platform finished the dialog (Lex dialogAction Close with a fulfilled intent, the
 *                          local bot's goodbye): the hub ends the dialog and deletes its keys and log (R26)
 * @param intents           the intents the platform recognized in the turn (watsonx output.intents, the Lex
 *                          session's intent); a configured one marks the conversation contract-relevant (R36)
 */
public record DialogReply(
        List<DialogOutput> outputs,
        boolean understood,
        boolean handOffRequested,
        String handOffSummary,
        String platformSessionId,
        boolean closed,
        List<String> intents) {

    public DialogReply {
        outputs = List.copyOf(outputs);
        intents = List.copyOf(intents);
    }

    /** A reply without recognized intents. */
    public DialogReply(
            List<DialogOutput> outputs,
            boolean understood,
            boolean handOffRequested,
            String handOffSummary,
            String platformSessionId,
            boolean closed) {
        this(outputs, understood, handOffRequested, handOffSummary, platformSessionId, closed, List.of());
    }

    /** A reply that does not close the dialog. */
    public DialogReply(
            List<DialogOutput> outputs,
            boolean understood,
            boolean handOffRequested,
            String handOffSummary,
            String platformSessionId) {
        this(outputs, understood, handOffRequested, handOffSummary, platformSessionId, false, List.of());
    }
}
