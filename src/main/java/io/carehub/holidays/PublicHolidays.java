package io.carehub.holidays;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * R21/R33: German public holidays, federal and of the configured state, from the jollyday library (no hand-kept
 * list that ends some year), and the working days they leave.
 */
@Component
public class PublicHolidays {

    private final HolidayManager germany;
    private final HolidayProperties properties;

    public PublicHolidays(HolidayProperties properties) {
        this.germany = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
        this.properties = properties;
        if (!germany.getCalendarHierarchy().getChildren().containsKey(properties.state())) {
            throw new IllegalStateException(
                    "carehub.holidays.state '" + properties.state() + "' is not a German state; one of "
                            + germany.getCalendarHierarchy().getChildren().keySet());
        }
    }

    /** A public holiday in Germany or in the configured state. */
    public boolean isHoliday(LocalDate day) {
        return germany.isHoliday(day, HolidayType.PUBLIC_HOLIDAY, properties.state());
    }

    public boolean isWorkingDay(LocalDate day) {
        return properties.workingDays().contains(day.getDayOfWeek()) && !isHoliday(day);
    }

    /** The day {@code count} working days after {@code day} (the day itself not counted). */
    public LocalDate addWorkingDays(LocalDate day, int count) {
        LocalDate current = day;
        for (int left = count; left > 0; ) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                left--;
            }
        }
        return current;
    }

    /** R33: the end (next midnight) of the {@code count}-th working day after the day of {@code from}. */
    public Instant endOfWorkingDays(Instant from, int count) {
        ZoneId zone = properties.timeZone();
        return addWorkingDays(from.atZone(zone).toLocalDate(), count)
                .plusDays(1)
                .atStartOfDay(zone)
                .toInstant();
    }

    public ZoneId timeZone() {
        return properties.timeZone();
    }
}
