package io.carehub.routing;

import io.carehub.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The clock the hub reads in {@link ConversationTest}s, moved by hand; each test starts on Monday morning. One clock
 * per application context: a test class moves only its own hub's time, never that of a cached context whose
 * background jobs (overflow sweep, dialog expiry) keep running.
 */
public class TestClock {

    /** Monday 2025-06-16 10:00 Europe/Berlin (a working day: the 9th was Whit Monday, a public holiday). */
    public static final Instant MONDAY_MORNING = Instant.parse("2025-06-16T08:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(MONDAY_MORNING);
    }

    /** Sets the test's hub clock back to {@link #MONDAY_MORNING} before each test. */
    public static final class MondayMorning implements BeforeEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            SpringExtension.getApplicationContext(context)
                    .getBean(MutableClock.class)
                    .set(MONDAY_MORNING);
        }
    }
}
