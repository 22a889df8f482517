package io.carehub.buffer;

/** The broker did not confirm the sends: the webhook answers 503 and Meta retries (R10). */
public class BufferUnavailableException extends RuntimeException {

    public BufferUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
