package io.carehub.dialog;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Turns a failed HTTP call to a dialog platform into the {@link DialogPlatformException} its breaker counts. */
final class PlatformFailure {

    private PlatformFailure() {}

    /**
     * Error answers are not kept as the cause: their bodies may echo the (pseudonymized) text, and exceptions end
     * up in log lines, which carry ids and status codes only.
     */
    static DialogPlatformException of(String platform, String operation, RestClientException failure) {
        if (failure instanceof RestClientResponseException response) {
            int status = response.getStatusCode().value();
            return new DialogPlatformException(platform, status, operation + " answered HTTP " + status, null);
        }
        if (failure instanceof ResourceAccessException io) {
            // timeouts and connection errors: no status, the cause names the I/O problem
            return new DialogPlatformException(platform, 0, operation + " failed: " + rootCauseName(io), io);
        }
        return new DialogPlatformException(
                platform,
                0,
                operation + " answer could not be read (" + failure.getClass().getSimpleName() + ")",
                null);
    }

    private static String rootCauseName(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
