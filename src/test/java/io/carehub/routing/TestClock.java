package io.carehub.routing;

import io.carehub.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock the hub reads in {@link ConversationTest}s, moved by hand; each test starts on Monday morning. */
public class TestClock {

    /** Monday 2025-06-09 10:00 Europe/Berlin. */
    public static final Instant MONDAY_MORNING = Instant.parse("2025-06-09T08:00:00Z");

    public static final MutableClock CLOCK = new MutableClock(MONDAY_MORNING);

    @Bean
    @Primary
    MutableClock testClock() {
        return CLOCK;
    }

    /** Sets the clock back to {@link #MONDAY_MORNING} before each test. */
    public static final class MondayMorning implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            CLOCK.set(MONDAY_MORNING);
        }
    }
}
