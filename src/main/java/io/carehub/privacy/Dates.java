package io.carehub.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/** Calendar dates as people write them in German and English chat. */
final class Dates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1),
            Map.entry("jan", 1),
            Map.entry("january", 1),
            Map.entry("jaenner", 1),
            Map.entry("februar", 2),
            Map.entry("feb", 2),
            Map.entry("february", 2),
            Map.entry("maerz", 3),
            Map.entry("maer", 3),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("marz", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("mai", 5),
            Map.entry("may", 5),
            Map.entry("juni", 6),
            Map.entry("jun", 6),
            Map.entry("june", 6),
            Map.entry("juli", 7),
            Map.entry("jul", 7),
            Map.entry("july", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sep", 9),
            Map.entry("sept", 9),
            Map.entry("oktober", 10),
            Map.entry("okt", 10),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("dezember", 12),
            Map.entry("dez", 12),
            Map.entry("december", 12),
            Map.entry("dec", 12));

    private Dates() {}

    static int month(String folded) {
        return MONTHS.getOrDefault(folded, 0);
    }

    static boolean valid(int day, int month, int year) {
        return parse(day, month, year) != null;
    }

    static LocalDate parse(int day, int month, int year) {
        if (year < 1900 || year > 2100) return null;
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
