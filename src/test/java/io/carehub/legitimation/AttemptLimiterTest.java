package io.carehub.legitimation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R15: link-page requests are limited per client address and per contact, each on its own. */
class AttemptLimiterTest {

    private final AttemptLimiter limiter = new AttemptLimiter(new LegitimationProperties(
            Duration.ofMinutes(15),
            List.of(),
            new LegitimationProperties.IdentityProvider(null, "carehub", null, List.of("openid"), null),
            new LegitimationProperties.Claims(
                    "salutation",
                    "given_name",
                    "family_name",
                    "name",
                    "customer_number",
                    "contract_numbers",
                    "segment",
                    List.of("business"),
                    "phone_number"),
            new LegitimationProperties.Attempts(2, 3, Duration.ofMinutes(15)),
            new LegitimationProperties.LocalIdentityProvider(false)));

    @Test
    void anAddressGetsItsNumberOfRequestsPerWindowAndNoMore() {
        assertThat(List.of(
                        limiter.allowAddress("198.51.100.7"),
                        limiter.allowAddress("198.51.100.7"),
                        limiter.allowAddress("198.51.100.7"),
                        limiter.allowAddress("198.51.100.7")))
                .containsExactly(true, true, true, false);
        assertThat(limiter.allowAddress("198.51.100.8")).isTrue();
    }

    @Test
    void aContactGetsItsNumberOfRequestsPerWindowAndNoMore() {
        assertThat(List.of(limiter.allowContact(41), limiter.allowContact(41), limiter.allowContact(41)))
                .containsExactly(true, true, false);
        assertThat(limiter.allowContact(42)).isTrue();
    }
}
