package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.time.Year;
import java.util.List;

/**
 * Birth years that no whole date carries (DATE_OF_BIRTH): "Jahrgang 1943" or "Jg. 1951" (German for the year one
 * was born in), and a year said before its day and month, "geboren 1948 am 28. Juli", which
 * {@link BirthDateScanner} reads only the other way round. A year named so also vouches for a later full date of the
 * same year: "Jahrgang 1936 ... das genaue Datum: 19.5.1936" is a birth date, though "Datum" before a date
 * otherwise names an event ({@link EventDates}). The French "je suis né en 1986", "née en 1979" names the year alone,
 * and "né en mars 1961" or "born in March 1961" the month and year.
 */
final class BirthYears implements Scanner {

    private static final WordSet YEAR_WORDS = WordSet.of("jahrgang", "jg");

    /** French "born", folded: "je suis né en 1986", "née en 1979" gives the year alone. */
    private static final WordSet FRENCH_BORN = WordSet.of("ne", "nee");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            Token w = t.get(i);
            if (!w.isWord()) continue;
            if (YEAR_WORDS.has(w) && birthYear(s, i + 1)) {
                Token y = t.get(i + 1);
                out.add(new Detection(EntityType.DATE_OF_BIRTH, y.start(), y.end(), BirthDateScanner.BIRTH_WORD_SCORE));
            } else if ((FRENCH_BORN.has(w) || Context.birthWord(w)) && monthAndYear(s, i + 1) > 0) {
                int end = monthAndYear(s, i + 1);
                int month = s.tokenAtOrAfter(end) - 2;
                out.add(new Detection(
                        EntityType.DATE_OF_BIRTH, t.get(month).start(), end, BirthDateScanner.BIRTH_WORD_SCORE));
                i = month + 1;
            } else if (FRENCH_BORN.has(w)
                    && i + 2 < t.size()
                    && t.get(i + 1).folded().equals("en")
                    && birthYear(s, i + 2)) {
                Token y = t.get(i + 2);
                out.add(new Detection(EntityType.DATE_OF_BIRTH, y.start(), y.end(), BirthDateScanner.BIRTH_WORD_SCORE));
            } else if (Context.birthWord(w) && birthYear(s, i + 1)) {
                int end = dayAfterYear(s, i + 1);
                if (end > 0) {
                    out.add(new Detection(
                            EntityType.DATE_OF_BIRTH, t.get(i + 1).start(), end, BirthDateScanner.BIRTH_WORD_SCORE));
                }
            }
        }
    }

    /** Token k is a four-digit adult's year right after a word ("Jahrgang 1943", "Jg. 1951", "Jahrgang: 1936"). */
    private static boolean birthYear(TextScan s, int k) {
        Token y = s.tokens.get(k);
        if (!y.isNumber() || y.length() != 4) return false;
        String gap = s.text.substring(s.tokens.get(k - 1).end(), y.start());
        if (!gap.equals(" ") && !gap.equals(". ") && !gap.equals(": ")) return false;
        int year = Integer.parseInt(y.text());
        return year >= 1900 && year <= Year.now().getValue() - BirthDateScanner.ADULT_YEARS;
    }

    /** "1948 am 28. Juli", "1948, am 3. März": the end of the month word, or -1. */
    private static int dayAfterYear(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k + 3 >= t.size()) return -1;
        Token am = t.get(k + 1);
        Token day = t.get(k + 2);
        Token month = t.get(k + 3);
        if (!am.folded().equals("am") || !s.onlyBetween(t.get(k).end(), am.start(), ",")) return -1;
        if (!day.isNumber() || day.length() > 2 || !s.onlyBetween(day.end(), month.start(), ".")) return -1;
        int m = Dates.month(month);
        int year = Integer.parseInt(t.get(k).text());
        return m > 0 && Dates.valid(Integer.parseInt(day.text()), m, year) ? month.end() : -1;
    }

    /** Words between a birth word and its month: "né en mars 1961", "née le octobre 1953", "geboren im Mai 1950". */
    private static final WordSet MONTH_LEADS = WordSet.of("en", "le", "in", "im", "au", "mois", "de");

    /**
     * "né en mars 1961", "née le octobre 1953", "born in March 1961", "geboren im Mai 1950": a month name (in any of
     * the customers' languages) and an adult's year, at most three words after the birth word at {@code k - 1}, with no
     * day before the month (a whole date is {@link BirthDateScanner}'s); the end of the year, or -1.
     */
    private static int monthAndYear(TextScan s, int k) {
        List<Token> t = s.tokens;
        for (int lead = 0; lead < 3 && k < t.size() && MONTH_LEADS.has(t.get(k)); lead++) k++;
        if (k + 1 >= t.size() || !t.get(k).isWord() || Dates.anyMonth(t.get(k)) == 0) return -1;
        if (!s.onlyBetween(t.get(k - 1).end(), t.get(k).start(), " ")) return -1;
        return birthYear(s, k + 1) ? t.get(k + 1).end() : -1;
    }

    /** "Jahrgang 1943" (or "Jg. 1943") stands before {@code pos}: a full date of that year is a birth date. */
    static boolean namedBefore(TextScan s, int pos, int year) {
        if (year < 0 || !s.messageFact("birth-year-word", () -> hasYearWord(s))) return false;
        List<Token> t = s.tokens;
        String digits = Integer.toString(year);
        for (int k = 1; k < t.size() && t.get(k).end() <= pos; k++) {
            if (t.get(k).text().equals(digits) && YEAR_WORDS.has(t.get(k - 1))) return true;
        }
        return false;
    }

    private static boolean hasYearWord(TextScan s) {
        for (Token token : s.tokens) {
            if (token.isWord() && YEAR_WORDS.has(token)) return true;
        }
        return false;
    }
}
