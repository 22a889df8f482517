package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.time.Year;
import java.util.List;
import java.util.Set;

/**
 * Dates of birth (DATE_OF_BIRTH): a valid calendar date as German and English writers put it ("07.08.1999",
 * "5. Mai 1977", "February 14, 1987", "14th of May 1990", "3/14/88", "1990/05/17") counts with a birth keyword
 * around it, or when its year lies far enough back to be a customer's; other dates are skipped whole.
 */
final class BirthDateScanner implements Scanner {

    private static final Set<String> ORDINALS = Set.of("st", "nd", "rd", "th");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token a = t.get(i);
            int end = -1;
            if (a.isNumber()) {
                end = numericDate(s, i);
                if (end < 0) end = wordDate(s, i);
            } else if (Dates.month(a.folded()) > 0) {
                end = englishDate(s, i);
            }
            if (end < 0) continue;
            if (Context.birthAround(s, a.start(), end)) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, a.start(), end, 0.9));
            } else if (adultsBirthYear(s, a.start(), end)) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, a.start(), end, 0.6));
            }
            i = s.tokenAtOrAfter(end) - 1;
        }
    }

    /**
     * Recall first: a whole date at least {@value #ADULT_YEARS} years back is a customer's (or a relative's)
     * date of birth in a service chat, unless "seit", "since", "bis" mark it as the start of something.
     */
    private static boolean adultsBirthYear(TextScan s, int start, int end) {
        int year = yearOf(s, start, end);
        if (year < 0 || year > Year.now().getValue() - ADULT_YEARS) return false;
        return !Context.anyBefore(s, start, 2, 20, SINCE::contains);
    }

    /** The date's year: its four-digit number, or a two-digit one read as the latest year not in the future. */
    private static int yearOf(TextScan s, int start, int end) {
        List<Token> t = s.tokens;
        int first = s.tokenAtOrAfter(start);
        int last = s.tokenAtOrAfter(end) - 1;
        if (last < first) return -1;
        Token y = t.get(t.get(first).isNumber() && t.get(first).length() == 4 ? first : last);
        if (!y.isNumber()) return -1;
        if (y.length() == 4) return Integer.parseInt(y.text());
        return y.length() == 2 ? fullYear(Integer.parseInt(y.text())) : -1;
    }

    /** "88" → 1988, "03" → 2003: the latest such year that is not in the future. */
    static int fullYear(int twoDigits) {
        int now = Year.now().getValue();
        int year = now - now % 100 + twoDigits;
        return year > now ? year - 100 : year;
    }

    static final int ADULT_YEARS = 14;
    private static final Set<String> SINCE = Set.of("seit", "since", "bis", "until", "ab", "from", "vom");

    /**
     * dd.mm.yyyy, d.m.yy, dd/mm/yyyy, mm/dd/yy (US order when the day comes second), yyyy-mm-dd, yyyy/mm/dd →
     * end index or -1.
     */
    private static int numericDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token a = t.get(i);
        Token b = t.get(i + 1);
        Token y = t.get(i + 2);
        if (!b.isNumber() || !y.isNumber() || b.start() - a.end() != 1 || y.start() - b.end() != 1) return -1;
        char s1 = s.at(a.end());
        char s2 = s.at(b.end());
        if (s1 != s2 || (s1 != '.' && s1 != '/' && s1 != '-')) return -1;
        if (a.length() == 4 && s1 != '.') {
            // month and day have at most two digits: a longer run ("1990-1-99999999999") is no date, nor an int
            if (b.length() > 2 || y.length() > 2) return -1;
            return Dates.valid(Integer.parseInt(y.text()), Integer.parseInt(b.text()), Integer.parseInt(a.text()))
                    ? y.end()
                    : -1;
        }
        if (a.length() > 2 || b.length() > 2 || (y.length() != 2 && y.length() != 4)) return -1;
        int year = Integer.parseInt(y.text());
        if (y.length() == 2) year = fullYear(year);
        int first = Integer.parseInt(a.text());
        int second = Integer.parseInt(b.text());
        return Dates.valid(first, second, year) || s1 != '.' && Dates.valid(second, first, year) ? y.end() : -1;
    }

    /** "5. Mai 1977", "14 February 1987", "14th of May 1990", "4th of July, 1987". */
    private static int wordDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token a = t.get(i);
        int k = i + 1;
        if (k + 2 < t.size() && ORDINALS.contains(t.get(k).folded()) && t.get(k).start() == a.end()) k++; // "3rd"
        if (k + 2 < t.size()
                && t.get(k).folded().equals("of")
                && t.get(k).start() - t.get(k - 1).end() == 1) k++; // "14th of May"
        Token m = t.get(k);
        Token y = t.get(k + 1);
        if (a.length() > 2 || !m.isWord() || !y.isNumber() || y.length() != 4) return -1;
        if (!s.onlyBetween(t.get(k - 1).end(), m.start(), ".")
                || m.start() - t.get(k - 1).end() > 2
                || !s.onlyBetween(m.end(), y.start(), ".,")) return -1;
        int month = Dates.month(m.folded());
        return month > 0 && Dates.valid(Integer.parseInt(a.text()), month, Integer.parseInt(y.text())) ? y.end() : -1;
    }

    /** "February 14, 1987". */
    private static int englishDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token d = t.get(i + 1);
        int k = i + 2;
        if (k + 1 < t.size() && ORDINALS.contains(t.get(k).folded()) && t.get(k).start() == d.end()) k++; // "3rd"
        Token y = t.get(k);
        if (!d.isNumber()
                || d.length() > 2
                || !y.isNumber()
                || y.length() != 4
                || !s.onlyBetween(t.get(k - 1).end(), y.start(), ",")) return -1;
        return Dates.valid(Integer.parseInt(d.text()), Dates.month(t.get(i).folded()), Integer.parseInt(y.text()))
                ? y.end()
                : -1;
    }
}
