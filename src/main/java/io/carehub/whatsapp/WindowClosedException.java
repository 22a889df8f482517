package io.carehub.whatsapp;

/** R9: the 24-hour customer-service window does not allow this message; answered as 409 with a problem body. */
public class WindowClosedException extends RuntimeException {

    /** Machine-readable reason, also in the problem body. */
    public enum Reason {
        /** outside the window only templates may be sent */
        WINDOW_CLOSED_NOT_TEMPLATE,
        /** a template outside the window needs the customer's consent to contact after 24 h (R14) */
        NO_CONSENT_FOR_CONTACT_AFTER_24H
    }

    private final Reason reason;

    public WindowClosedException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
