package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.FileSystemResource;

/** R6: failed media downloads are retried over the 7 days Meta keeps the media, and given up before they end. */
class MediaRetryScheduleTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void theDefaultScheduleSpreadsItsAttemptsOverTheSevenDaysAndGivesUpBeforeTheyEnd() {
        List<Instant> attempts = attemptsUntilGivenUp(defaults(), RECEIVED);

        Instant last = attempts.getLast();
        assertThat(last).isAfter(RECEIVED.plus(Duration.ofDays(6))).isBefore(RECEIVED.plus(Duration.ofDays(7)));
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)));
        }
        assertThat(gaps.getFirst()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gaps).isSorted().allSatisfy(gap -> assertThat(gap).isLessThanOrEqualTo(Duration.ofHours(4)));
        assertThat(attempts).hasSizeBetween(40, 60);
    }

    @Test
    void noAttemptIsScheduledLaterThanGiveUpAfterNorAfterMaxAttempts() {
        MediaRetrySchedule schedule =
                new MediaRetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(3), 100);
        assertThat(attemptsUntilGivenUp(schedule, RECEIVED))
                .allSatisfy(at -> assertThat(at).isBeforeOrEqualTo(RECEIVED.plus(Duration.ofHours(3))));
        assertThat(schedule.next(1, RECEIVED, RECEIVED.plus(Duration.ofHours(3))))
                .isEmpty();

        MediaRetrySchedule fewAttempts =
                new MediaRetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(6), 3);
        assertThat(attemptsUntilGivenUp(fewAttempts, RECEIVED)).hasSize(3);
    }

    /** The times of every attempt, the first at the message's arrival, each failing, until the schedule gives up. */
    private static List<Instant> attemptsUntilGivenUp(MediaRetrySchedule schedule, Instant received) {
        List<Instant> attempts = new ArrayList<>(List.of(received));
        while (attempts.size() < 1000) {
            Optional<Instant> next = schedule.next(attempts.size(), received, attempts.getLast());
            if (next.isEmpty()) {
                return attempts;
            }
            attempts.add(next.get());
        }
        throw new AssertionError("the schedule never gives up");
    }

    private static MediaRetrySchedule defaults() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("src/main/resources/application.yml"));
        Properties properties = yaml.getObject();
        return new MediaRetrySchedule(
                DurationStyle.detectAndParse(properties.getProperty("carehub.media.first-backoff")),
                DurationStyle.detectAndParse(properties.getProperty("carehub.media.max-backoff")),
                DurationStyle.detectAndParse(properties.getProperty("carehub.media.give-up-after")),
                Integer.parseInt(properties.getProperty("carehub.media.max-attempts")));
    }
}
