package io.carehub.ops.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Parameters of the ops API, checked: a bad one is a 400 naming it. */
final class OpsRequests {

    private OpsRequests() {}

    static Instant instant(String name, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badRequest("'" + name + "' must be an instant (2026-11-25T10:00:00Z)");
        }
    }

    static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(
                    type, value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw badRequest("'" + name + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A Java class name (the reason filter): letters, digits, '.', '$', '_' only. */
    static String className(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("[A-Za-z0-9_.$-]{1,200}")) {
            throw badRequest("'" + name + "' must be an exception class name");
        }
        return value;
    }

    static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    static ResponseStatusException notFound(String detail) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
    }
}
