package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Dates dictated with the dot said as a word ("geboren am 3 Punkt 5 Punkt 1961", "vierzehnter Punkt zweiter Punkt
 * 58"): day, "Punkt", month, "Punkt", year, in digits or words. They are dates of birth under the rule for dates in
 * digits ({@link BirthDateScanner}): a birth word near, or a full year far enough back; a contract's or invoice's
 * date word before one ({@link EventDates}) makes it none.
 */
final class SpokenDotDates implements Scanner {

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 4 < t.size(); i++) {
            if (!dot(t.get(i + 1)) || !dot(t.get(i + 3))) continue;
            int day = dayOrMonth(t.get(i), 31);
            int month = dayOrMonth(t.get(i + 2), 12);
            Token y = t.get(i + 4);
            int year = year(y);
            if (day < 1 || month < 1 || year < 0 || !Dates.valid(day, month, year)) continue;
            int start = t.get(i).start();
            boolean shortYear = y.isNumber() && y.length() == 2;
            if (EventDates.before(s, start)) continue;
            if (Context.birthAround(s, start, y.end())) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, start, y.end(), BirthDateScanner.BIRTH_WORD_SCORE));
            } else if (!shortYear && BirthDateScanner.adultsYear(s, start, year)) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, start, y.end(), 0.6));
            }
            i += 4;
        }
    }

    private static boolean dot(Token token) {
        return token.isWord() && token.folded().equals("punkt");
    }

    /** 1..max in digits, as a German number word or as a German ordinal ("dritter"); else -1. */
    private static int dayOrMonth(Token token, int max) {
        int n;
        if (token.isNumber()) {
            n = token.length() <= 2 ? Integer.parseInt(token.text()) : -1;
        } else {
            n = NumberWords.german(token.folded());
            if (n < 0) n = NumberWords.germanOrdinal(token.folded());
        }
        return n >= 1 && n <= max ? n : -1;
    }

    /** Four digits, two digits (the latest such year not in the future), or a German year word; else -1. */
    private static int year(Token token) {
        if (token.isNumber()) {
            if (token.length() == 4) return Integer.parseInt(token.text());
            return token.length() == 2 ? BirthDateScanner.fullYear(Integer.parseInt(token.text())) : -1;
        }
        return NumberWords.germanYear(token.folded());
    }
}
