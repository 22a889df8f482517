package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.time.Year;
import java.util.List;

/**
 * Dates of birth (DATE_OF_BIRTH): a valid calendar date as German and English writers put it ("07.08.1999",
 * "5. Mai 1977", "February 14, 1987", "14th of May 1990", "3/14/88", "1990/05/17", "1985. május 12.") counts with a birth keyword
 * around it, or when its year lies far enough back to be a customer's; other dates are skipped whole.
 */
final class BirthDateScanner implements Scanner {

    private static final WordSet ORDINALS = WordSet.of(
            "st", "nd", "rd", "th", "er", "º", "ª", "te", "ter", "ten", "tem", "ste", "ster", "sten", "stem");
    /** Above a keyword identifier's (OtherIdRule): "Geburtsdatum wie in der SV-Nummer, also 15.04.1982" is a birth date. */
    static final double BIRTH_WORD_SCORE = 0.95;

    /** Between day, month and year: "of" (English), "de"/"del" (Spanish, Portuguese). */
    private static final WordSet OF = WordSet.of("of", "de", "del");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token a = t.get(i);
            int start = a.start();
            int end = -1;
            if (a.isNumber()) {
                end = numericDate(s, i);
                if (end < 0) end = eastAsianDate(s, i);
                if (end < 0) {
                    end = wordDate(s, i);
                    if (end >= 0) start = withArticle(s, i);
                }
                if (end < 0) end = yearFirstWordDate(s, i);
            } else if (Dates.month(a) > 0) {
                end = englishDate(s, i);
            }
            if (end < 0) continue;
            // a contract's, order's or invoice's date, whatever is near, unless the year was named a birth year
            boolean event = EventDates.before(s, start) && !BirthYears.namedBefore(s, start, yearOf(s, start, end));
            if (!event && Context.birthAround(s, start, end)) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, start, end, BIRTH_WORD_SCORE));
            } else if (!event
                    && (adultsBirthYear(s, start, end) || NamedBirthDates.afterName(s, start, yearOf(s, start, end)))) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, start, end, 0.6));
            } else if (NamedBirthDates.inRecord(s, start, end, yearOf(s, start, end))) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, start, end, 0.6));
            }
            i = s.tokenAtOrAfter(end) - 1;
        }
    }

    /** "the 5th of February 1972", "le 2 février 1968": the article belongs to the date as it is said. */
    private static int withArticle(TextScan s, int i) {
        if (i == 0) return s.tokens.get(i).start();
        Token before = s.tokens.get(i - 1);
        boolean article = before.folded().equals("the") || before.folded().equals("le");
        return article && s.tokens.get(i).start() - before.end() == 1
                ? before.start()
                : s.tokens.get(i).start();
    }

    /**
     * Recall first: a whole date at least {@value #ADULT_YEARS} years back is a customer's (or a relative's)
     * date of birth in a service chat, unless "seit", "since", "bis" mark it as the start of something (or a
     * contract's, order's or invoice's word names its event: {@link EventDates}, checked before).
     */
    private static boolean adultsBirthYear(TextScan s, int start, int end) {
        return adultsYear(s, start, yearOf(s, start, end));
    }

    /** A year at least {@value #ADULT_YEARS} years back, not marked as the start of something. */
    static boolean adultsYear(TextScan s, int start, int year) {
        if (year < 0 || year > Year.now().getValue() - ADULT_YEARS) return false;
        return !Context.anyWordBefore(s, start, 2, 20, SINCE::has);
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
    private static final String APOSTROPHES = "'’‘";
    private static final WordSet SINCE = WordSet.of("seit", "since", "bis", "until", "ab", "from", "vom");

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
        if (!b.isNumber() || !y.isNumber()) return -1;
        char s1 = s.at(a.end());
        char s2 = s.at(b.end());
        if (s1 != s2 || (s1 != '.' && s1 != '/' && s1 != '-')) return -1;
        if (b.start() - a.end() != 1 || y.start() - b.end() != 1) {
            // "4. 2. 1981": dots each followed by one space, with a four-digit year
            if (s1 != '.' || y.length() != 4 || !spacedDot(s, a.end(), b.start()) || !spacedDot(s, b.end(), y.start()))
                return -1;
        }
        // year first: "1990-07-14", "1990/7/14", and with dots only as "1999.12.03" (two-digit month and day)
        if (a.length() == 4 && (s1 != '.' || b.length() == 2 && y.length() == 2)) {
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

    /**
     * "5. Mai 1977", "14 February 1987", "14th of May 1990", "4th of July, 1987", "7 marzo 1991", "3 de julho de
     * 1979", "1er mars 1990", "15-Mar-1983", and with a birth word around it a two-digit year ("geb. 3. Mai 85",
     * "3 May '85").
     */
    private static int wordDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token a = t.get(i);
        int k = i + 1;
        if (k + 2 < t.size() && ORDINALS.has(t.get(k)) && t.get(k).start() == a.end()) k++; // "3rd"
        if (k + 2 < t.size()
                && OF.has(t.get(k))
                && t.get(k).start() - t.get(k - 1).end() == 1) k++; // "14th of May", "3 de julho"
        Token m = t.get(k);
        int ky = k + 1;
        if (ky + 1 < t.size() && OF.has(t.get(ky)) && t.get(ky).start() - m.end() == 1) ky++;
        Token y = t.get(ky);
        if (a.length() > 2 || !m.isWord() || !y.isNumber() || y.length() != 4 && y.length() != 2) return -1;
        if (!s.onlyBetween(t.get(k - 1).end(), m.start(), ".-/")
                || m.start() - t.get(k - 1).end() > 2
                || !s.onlyBetween(t.get(ky - 1).end(), y.start(), y.length() == 2 ? ".,-/'’" : ".,-/")
                || y.length() == 2 && (ky > k + 1 || !Context.birthAround(s, a.start(), y.end()))) return -1;
        int month = Dates.anyMonth(m);
        int year = y.length() == 4 ? Integer.parseInt(y.text()) : fullYear(Integer.parseInt(y.text()));
        return month > 0 && Dates.valid(Integer.parseInt(a.text()), month, year) ? y.end() : -1;
    }

    /**
     * "1985. május 12.", "1985. május 12-én": the Hungarian order, year (with its dot), month name and day; the day's
     * dot belongs to the date.
     */
    private static int yearFirstWordDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token y = t.get(i);
        Token m = t.get(i + 1);
        Token d = t.get(i + 2);
        if (y.length() != 4
                || !m.isWord()
                || !d.isNumber()
                || d.length() > 2
                || s.at(y.end()) != '.'
                || m.start() - y.end() > 2
                || d.start() - m.end() != 1) return -1;
        int month = Dates.anyMonth(m);
        if (month == 0 || !Dates.valid(Integer.parseInt(d.text()), month, Integer.parseInt(y.text()))) return -1;
        return s.at(d.end()) == '.' && !Chars.isDigit(s.at(d.end() + 1)) ? d.end() + 1 : d.end();
    }

    /** "2000年7月15日" (Chinese, Japanese), "2000년 7월 15일" (Korean): year, month and day, each with its sign. */
    private static int eastAsianDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 5 >= t.size() || t.get(i).length() != 4) return -1;
        String[] signs = {"年", "月", "日", "년", "월", "일"};
        int korean = t.get(i + 1).text().equals("년") ? 3 : 0;
        for (int k = 0; k < 3; k++) {
            Token n = t.get(i + 2 * k);
            Token sign = t.get(i + 2 * k + 1);
            if (!n.isNumber() || !sign.text().startsWith(signs[korean + k]) || sign.start() != n.end()) return -1;
            if (k < 2 && sign.length() != 1) return -1;
            if (k > 0 && !s.onlyBetween(t.get(i + 2 * k - 1).end(), n.start(), "")) return -1;
        }
        int year = Integer.parseInt(t.get(i).text());
        int month = Integer.parseInt(t.get(i + 2).text());
        int day = Integer.parseInt(t.get(i + 4).text());
        return t.get(i + 2).length() <= 2 && t.get(i + 4).length() <= 2 && Dates.valid(day, month, year)
                ? t.get(i + 5).start() + 1
                : -1;
    }

    private static boolean spacedDot(TextScan s, int from, int to) {
        return to - from == 2 && s.at(from) == '.' && s.at(from + 1) == ' ';
    }

    /**
     * "February 14, 1987", "February the 5th, 1972", "Mar 3 '90" (the year's two last digits after an apostrophe, as
     * English writers shorten it).
     */
    private static int englishDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        int dayAt = i + 1;
        if (t.get(dayAt).folded().equals("the") && dayAt + 2 < t.size()) dayAt++; // "February the 5th, 1972"
        Token d = t.get(dayAt);
        int k = dayAt + 1;
        if (k + 1 < t.size() && ORDINALS.has(t.get(k)) && t.get(k).start() == d.end()) k++; // "3rd"
        Token y = t.get(k);
        if (!d.isNumber() || d.length() > 2 || !y.isNumber()) return -1;
        int year;
        if (y.length() == 4 && s.onlyBetween(t.get(k - 1).end(), y.start(), ",")) {
            year = Integer.parseInt(y.text());
        } else if (y.length() == 2
                && APOSTROPHES.indexOf(s.at(y.start() - 1)) >= 0
                && y.start() - 1 > t.get(k - 1).end()
                && s.onlyBetween(t.get(k - 1).end(), y.start() - 1, ",")) {
            year = fullYear(Integer.parseInt(y.text()));
        } else {
            return -1;
        }
        return Dates.valid(Integer.parseInt(d.text()), Dates.month(t.get(i)), year) ? y.end() : -1;
    }
}
