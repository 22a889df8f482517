package io.carehub.holidays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** R33: five working days from a holiday library, federal and the configured state's holidays. */
class PublicHolidaysTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final EnumSet<DayOfWeek> MONDAY_TO_SATURDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    private static final EnumSet<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final PublicHolidays northRhineWestphalia =
            new PublicHolidays(new HolidayProperties("nw", MONDAY_TO_SATURDAY, BERLIN));

    @Test
    void fiveWorkingDaysAcrossEasterSkipGoodFridaySundaysAndEasterMonday() {
        // Maundy Thursday 2027-03-25: Good Friday 26, Sunday 28 and Easter Monday 29 do not count
        assertThat(northRhineWestphalia.addWorkingDays(LocalDate.of(2027, 3, 25), 5))
                .isEqualTo(LocalDate.of(2027, 4, 2)); // Sat 27, Tue 30, Wed 31, Thu 1, Fri 2
        PublicHolidays weekdays = new PublicHolidays(new HolidayProperties("nw", MONDAY_TO_FRIDAY, BERLIN));
        assertThat(weekdays.addWorkingDays(LocalDate.of(2027, 3, 25), 5)).isEqualTo(LocalDate.of(2027, 4, 5));
    }

    @Test
    void theConfiguredStatesHolidayCountsAndAnotherStatesDoesNot() {
        // Corpus Christi 2027-05-27 (Thursday): a holiday in North Rhine-Westphalia, not in Berlin
        LocalDate wednesday = LocalDate.of(2027, 5, 26);
        assertThat(northRhineWestphalia.isHoliday(LocalDate.of(2027, 5, 27))).isTrue();
        assertThat(northRhineWestphalia.addWorkingDays(wednesday, 5)).isEqualTo(LocalDate.of(2027, 6, 2));
        PublicHolidays berlin = new PublicHolidays(new HolidayProperties("be", MONDAY_TO_SATURDAY, BERLIN));
        assertThat(berlin.isHoliday(LocalDate.of(2027, 5, 27))).isFalse();
        assertThat(berlin.addWorkingDays(wednesday, 5)).isEqualTo(LocalDate.of(2027, 6, 1));
        // International Women's Day: Berlin only
        assertThat(berlin.isHoliday(LocalDate.of(2028, 3, 8))).isTrue();
        assertThat(northRhineWestphalia.isHoliday(LocalDate.of(2028, 3, 8))).isFalse();
    }

    @Test
    void theCalendarDoesNotEndInSomeYear() {
        assertThat(northRhineWestphalia.isHoliday(LocalDate.of(2040, 12, 25))).isTrue();
        assertThat(northRhineWestphalia.isHoliday(LocalDate.of(2040, 10, 3))).isTrue();
        assertThat(northRhineWestphalia.isHoliday(LocalDate.of(2040, 10, 4))).isFalse();
    }

    @Test
    void dueDateIsTheEndOfTheFifthWorkingDayInBerlinTime() {
        // requested late on Maundy Thursday (Berlin time) → due when Friday 2027-04-02 ends in Berlin
        Instant due = northRhineWestphalia.endOfWorkingDays(Instant.parse("2027-03-25T22:30:00Z"), 5);
        assertThat(due).isEqualTo(Instant.parse("2027-04-02T22:00:00Z"));
    }

    @Test
    void anUnknownStateStopsTheStart() {
        assertThatThrownBy(() -> new PublicHolidays(new HolidayProperties("xx", MONDAY_TO_SATURDAY, BERLIN)))
                .hasMessageContaining("carehub.holidays.state");
    }
}
