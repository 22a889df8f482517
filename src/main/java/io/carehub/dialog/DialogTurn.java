package io.carehub.dialog;

/**
 * One customer text on its way to a dialog platform.
 *
 * @param dialogId          the hub's dialog id (UUID)
 * @param platformSessionId the platform's session id from {@link DialogPlatform#openSession}
 * @param text              the pseudonymized text (R24), or the value of an option the customer chose
 */
public record DialogTurn(String dialogId, String platformSessionId, String text) {}
