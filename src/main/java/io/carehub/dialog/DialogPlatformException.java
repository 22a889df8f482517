package io.carehub.dialog;

/** A dialog platform could not be reached or answered with an error; counted by the platform's circuit breaker. */
public class DialogPlatformException extends RuntimeException {

    private final String platform;
    private final int status;

    /** @param status the HTTP status the platform answered with, 0 when there was none (timeout, connection) */
    public DialogPlatformException(String platform, int status, String message, Throwable cause) {
        super(platform + ": " + message, cause);
        this.platform = platform;
        this.status = status;
    }

    public String platform() {
        return platform;
    }

    public int status() {
        return status;
    }
}
