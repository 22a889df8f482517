package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Birth dates as Latvians and Lithuanians write them, year first (DATE_OF_BIRTH): the Latvian "1985. gada 11. jūlijā"
 * (year, "gada", day, the month's name) and the Lithuanian "2001 m. sausio 1 d." (year, "m.", the month's name in the
 * genitive, day, "d."). Neither fits the day-first readers; like every date it is a birth date only with a birth word
 * near it ("dzimusi", "gimė", "Geburtstag").
 */
final class BalticYearFirstDates implements Scanner {

    /** The starts of the Latvian month names, whatever their case ending: "jūlijā", "jūlija", "janvārī". */
    private static final List<String> LATVIAN_MONTHS = folded(
            "janvār",
            "februār",
            "mart",
            "aprīl",
            "maij",
            "jūnij",
            "jūlij",
            "august",
            "septembr",
            "oktobr",
            "novembr",
            "decembr");

    /** The Lithuanian month names in the genitive a date uses. */
    private static final Set<String> LITHUANIAN_MONTHS = Set.copyOf(folded(
            "sausio",
            "vasario",
            "kovo",
            "balandžio",
            "gegužės",
            "birželio",
            "liepos",
            "rugpjūčio",
            "rugsėjo",
            "spalio",
            "lapkričio",
            "gruodžio"));

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i + 3 < t.size(); i++) {
            Token year = t.get(i);
            if (!year.isNumber() || year.length() != 4 || !plausibleYear(year.text())) continue;
            String next = t.get(i + 1).folded();
            int end = next.equals("gada") ? latvian(t, i) : next.equals("m") ? lithuanian(s, t, i) : -1;
            if (end > 0 && Context.birthAround(s, year.start(), end)) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, year.start(), end, 0.9));
            }
        }
    }

    /** "1985. gada 11. jūlijā": the end of the month's name, or -1. */
    private static int latvian(List<Token> t, int i) {
        if (i + 3 >= t.size() || !day(t.get(i + 2))) return -1;
        Token month = t.get(i + 3);
        if (!month.isWord()) return -1;
        for (String stem : LATVIAN_MONTHS) {
            if (month.folded().startsWith(stem)) return month.end();
        }
        return -1;
    }

    /** "2001 m. sausio 1 d.": the end of "d." (or of the day without it), or -1. */
    private static int lithuanian(TextScan s, List<Token> t, int i) {
        if (i + 3 >= t.size() || !LITHUANIAN_MONTHS.contains(t.get(i + 2).folded()) || !day(t.get(i + 3))) return -1;
        Token dayToken = t.get(i + 3);
        if (i + 4 < t.size()
                && t.get(i + 4).folded().equals("d")
                && t.get(i + 4).start() - dayToken.end() == 1) {
            Token d = t.get(i + 4);
            return s.at(d.end()) == '.' ? d.end() + 1 : d.end();
        }
        return dayToken.end();
    }

    private static boolean day(Token token) {
        if (!token.isNumber() || token.length() > 2) return false;
        int day = Integer.parseInt(token.text());
        return day >= 1 && day <= 31;
    }

    private static boolean plausibleYear(String text) {
        int year = Integer.parseInt(text);
        return year >= 1900 && year <= 2030;
    }

    private static List<String> folded(String... words) {
        return Stream.of(words).map(Folding::fold).collect(Collectors.toList());
    }
}
