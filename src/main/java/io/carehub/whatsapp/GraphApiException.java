package io.carehub.whatsapp;

/** R8: a Graph API answer worth retrying (throttling 130429/131056/80007, HTTP 429, 5xx, no answer). */
public class GraphApiException extends RuntimeException {

    private final Integer code;

    public GraphApiException(Integer code, String message) {
        super(message);
        this.code = code;
    }

    public Integer getCode() {
        return code;
    }
}
