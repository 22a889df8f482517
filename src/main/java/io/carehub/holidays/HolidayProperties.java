package io.carehub.holidays;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * German public holidays ({@code carehub.holidays.*}; defaults in application.yml): the erasure due date (R33) and
 * the routing rules' opening hours (R21) read the same calendar.
 *
 * @param state       the federal state whose holidays count besides the federal ones (jollyday code, e.g. nw)
 * @param workingDays the days of the week that count as working days („Werktage“)
 * @param timeZone    the zone in which a day starts and ends
 */
@Validated
@ConfigurationProperties("carehub.holidays")
public record HolidayProperties(
        @NotNull @Pattern(regexp = "[a-z]{2}") String state,
        @NotEmpty Set<DayOfWeek> workingDays,
        @NotNull ZoneId timeZone) {}
