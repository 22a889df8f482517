package io.carehub.whatsapp;

import java.util.Set;

/**
 * R8: a Graph API answer worth retrying: Meta's retryable error codes ({@link #RETRYABLE_CODES}, the one
 * place they are listed), HTTP 429, 5xx, or no answer at all.
 */
public class GraphApiException extends RuntimeException {

    /**
     * Meta's throughput and transient codes: 130429 (throughput reached), 131056 (pair rate limit), 80007
     * (rate limit), 4 (application request limit), 2 (service temporarily unavailable), 1 (unknown, transient),
     * 131000 (something went wrong).
     */
    static final Set<Integer> RETRYABLE_CODES = Set.of(130429, 131056, 80007, 4, 2, 1, 131000);

    private final Integer code;

    public GraphApiException(Integer code, String message) {
        super(message);
        this.code = code;
    }

    /** True when a Graph API answer with this HTTP status and Meta error code (null: none) is retried (R8). */
    static boolean retryable(int status, Integer code) {
        return status == 429 || status >= 500 || (status != 200 && code != null && RETRYABLE_CODES.contains(code));
    }

    public Integer getCode() {
        return code;
    }
}
