package io.carehub.whatsapp;

/**
 * R52: WhatsApp does not deliver this message type to a business-scoped user ID (error 131062, some authentication
 * templates) and the customer's phone number is not known; answered as 409 with a problem body, like a closed window.
 */
public class RecipientNotSupportedException extends RuntimeException {

    /** Meta's error code: a BSUID recipient is not supported for this message type. */
    public static final int CODE = 131062;

    public RecipientNotSupportedException(String detail) {
        super(detail);
    }
}
