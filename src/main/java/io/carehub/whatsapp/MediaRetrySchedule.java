package io.carehub.whatsapp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * R6: when a failed media download is tried again. Meta keeps inbound media 7 days, so the retries spread over that
 * validity: the delay doubles from {@code firstBackoff} up to {@code maxBackoff}, and no attempt is scheduled later
 * than {@code giveUpAfter} from the message's arrival, nor after {@code maxAttempts} attempts.
 */
record MediaRetrySchedule(Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter, int maxAttempts) {

    static MediaRetrySchedule of(MediaProperties media) {
        return new MediaRetrySchedule(
                media.firstBackoff(), media.maxBackoff(), media.giveUpAfter(), media.maxAttempts());
    }

    /** The next attempt after attempt number {@code attempts} failed at {@code failedAt}; empty: give up. */
    Optional<Instant> next(int attempts, Instant createdAt, Instant failedAt) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        if (backoff.compareTo(maxBackoff) > 0) {
            backoff = maxBackoff;
        }
        Instant next = failedAt.plus(backoff);
        if (attempts >= maxAttempts || next.isAfter(createdAt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
