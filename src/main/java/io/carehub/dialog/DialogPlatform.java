package io.carehub.dialog;

/**
 * R23: one dialog platform (IBM watsonx Assistant, AWS Lex V2, the local stand-in bot). The hub talks to
 * every platform through this interface; texts in and out are pseudonymized (R24), the platform never
 * sees personal data and never returns any that the hub has not tokenized.
 *
 * <p>Implementations handle their own protocol rules (IAM token refresh, re-creating an expired session and
 * resending once) and throw {@link DialogPlatformException} for everything else, so the circuit breaker
 * of the platform's route can count it.
 */
public interface DialogPlatform {

    /** The name used in configuration ({@code carehub.dialog.routing.*}): watsonx, lex, local. */
    String name();

    /**
     * Opens a platform session for one dialog.
     *
     * @param dialogId the hub's dialog id (a random UUID, no personal data); Lex uses it as its session id
     * @return the platform's session id, to be passed to {@link #send} and {@link #closeSession}
     */
    String openSession(String dialogId);

    /** Sends one pseudonymized customer text and returns the platform's (still pseudonymized) answer. */
    DialogReply send(DialogTurn turn);

    /** R26: deletes the platform session at dialog end. A session the platform no longer knows is not an error. */
    void closeSession(String platformSessionId);
}
