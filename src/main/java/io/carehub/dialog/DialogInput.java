package io.carehub.dialog;

/**
 * One released customer message of a bot conversation, classified for the dialog route.
 *
 * @param kind      ASK (text for the platform), HANDOFF_KEYWORD (asks for a human), HANDOFF_ANSWER (yes/no to the
 *                  hand-off question), UNSUPPORTED (media, location, ...: the platforms understand text only)
 * @param messageId the documented message
 * @param text      the text for the platform (ASK), else null
 * @param yes       the answer (HANDOFF_ANSWER)
 */
public record DialogInput(Kind kind, long messageId, String text, boolean yes) {

    public enum Kind {
        ASK,
        HANDOFF_KEYWORD,
        HANDOFF_ANSWER,
        UNSUPPORTED
    }
}
