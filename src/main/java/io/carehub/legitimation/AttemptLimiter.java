package io.carehub.legitimation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * R15: link-page requests are limited per contact and per client address, each to a number per fixed window (the
 * window starts with a key's first request). In process: a second hub instance counts its own requests, which
 * at most doubles what a guesser gets against 256-bit tokens.
 */
@Component
class AttemptLimiter {

    private final Cache<String, AtomicInteger> windows;
    private final LegitimationProperties.Attempts limits;

    AttemptLimiter(LegitimationProperties properties) {
        this.limits = properties.attempts();
        this.windows = Caffeine.newBuilder()
                .expireAfterWrite(limits.window())
                .maximumSize(100_000)
                .build();
    }

    /** Counts a request from {@code address}; false once the address has used up its window. */
    boolean allowAddress(String address) {
        return count("a:" + address) <= limits.perAddress();
    }

    /** Counts a request for a link of {@code contactId}; false once the contact has used up its window. */
    boolean allowContact(long contactId) {
        return count("c:" + contactId) <= limits.perContact();
    }

    private int count(String key) {
        return windows.get(key, k -> new AtomicInteger()).incrementAndGet();
    }
}
