package io.carehub.whatsapp;

/** A webhook request refused before anything was stored; carries the HTTP status to answer. */
public class WebhookRejectedException extends RuntimeException {

    private final int status;

    public WebhookRejectedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
