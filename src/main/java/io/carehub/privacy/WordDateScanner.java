package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Dates of birth dictated in words (DATE_OF_BIRTH), as voice-to-text writes them: "vierzehnten mai
 * neunzehnhundertzweiundsechzig", "dritter dritter neunzehnhundertachtzig", "14. mai neunzehnhundert zweiundsechzig",
 * "march third nineteen eighty", "the twenty-first of june two thousand and one". A day, a month (its name, or in
 * German its ordinal) and a year, at least one of them in {@link NumberWords words}, are one span. Like the dates in
 * digits ({@link BirthDateScanner}) it is a date of birth with a birth word near it or a year far enough back; a date
 * without a year ("Lieferung am zwölften oktober") is none.
 */
final class WordDateScanner implements Scanner {

    /** A date found: chars [start, end), its last token, its year; a year said in two digits needs a birth word. */
    private record Found(int start, int end, int lastToken, int year, boolean shortYear) {}

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        int nextMonth = nextMonth(t, 0);
        for (int i = 0; i + 2 < t.size() && nextMonth >= 0; i++) {
            if (nextMonth < i) nextMonth = nextMonth(t, i);
            if (nextMonth < 0) return;
            if (nextMonth > i + 3) continue; // a month comes at most three tokens after the day's first
            Found f = dayFirst(s, i);
            if (f == null && nextMonth == i) f = monthFirst(s, i);
            if (f == null) continue;
            boolean event = EventDates.before(s, f.start());
            if (!event && Context.birthAround(s, f.start(), f.end())) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, f.start(), f.end(), BirthDateScanner.BIRTH_WORD_SCORE));
            } else if (!event && !f.shortYear() && BirthDateScanner.adultsYear(s, f.start(), f.year())) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, f.start(), f.end(), 0.6));
            }
            i = f.lastToken();
        }
    }

    /**
     * The first token from {@code from} that can be a month: a month's name in any language, or a German ordinal
     * word (its ending checked by chars before it is parsed); -1 if none. Most messages have none, and are done.
     */
    private static int nextMonth(List<Token> t, int from) {
        for (int i = from; i < t.size(); i++) {
            Token m = t.get(i);
            if (!m.isWord()) continue;
            String f = m.folded();
            if (Dates.anyMonth(m) > 0) return i;
            int n = f.length();
            boolean ordinalEnding = n >= 5
                    && (f.charAt(n - 1) == 'e' && f.charAt(n - 2) == 't'
                            || f.charAt(n - 2) == 'e'
                                    && f.charAt(n - 3) == 't'
                                    && "rnms".indexOf(f.charAt(n - 1)) >= 0);
            if (ordinalEnding && NumberWords.germanOrdinal(f) > 0) return i;
        }
        return -1;
    }

    /** "vierzehnten mai …", "dritter dritter …", "14. mai …", "the third of march …". */
    private static Found dayFirst(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token a = t.get(i);
        int k = i + 1;
        int day;
        boolean words = a.isWord();
        boolean cardinal = false;
        if (a.isWord()) {
            day = NumberWords.germanOrdinal(a.folded());
            if (day < 0) day = NumberWords.englishOrdinal(a.folded());
            if (day < 0) { // "vierzehn mai …": a cardinal only before a month's name
                day = Math.max(NumberWords.german(a.folded()), NumberWords.english(a.folded()));
                cardinal = true;
            }
            if (day < 0 && NumberWords.englishTens(a.folded()) > 0 && near(s, i)) { // "twenty first"
                int ones = NumberWords.englishOrdinal(t.get(k).folded());
                day = ones > 0 && ones < 10 ? NumberWords.englishTens(a.folded()) + ones : -1;
                k++;
            }
        } else {
            day = a.length() <= 2 ? Integer.parseInt(a.text()) : -1;
            if (k + 2 < t.size() && t.get(k).start() == a.end() && t.get(k).length() == 2) k++; // "14th"
        }
        if (day < 1 || day > 31 || k + 1 >= t.size()) return null;
        if (t.get(k).folded().equals("of") && near(s, k - 1)) k++;
        if (k + 1 >= t.size() || !near(s, k - 1) || !t.get(k).isWord()) return null;
        int month = Dates.anyMonth(t.get(k));
        if (month == 0 && !cardinal) {
            month = NumberWords.germanOrdinal(t.get(k).folded());
            words = true;
        }
        if (month < 1 || month > 12 || !near(s, k)) return null;
        int[] year = year(s, k + 1);
        if (year == null || !(words || year[2] == 1) || !Dates.valid(day, month, year[0])) return null;
        return new Found(withThe(s, i), t.get(year[1]).end(), year[1], year[0], year[3] == 1);
    }

    /** "march third nineteen eighty", "March 3rd, nineteen eighty", "june the first, 1990". */
    private static Found monthFirst(TextScan s, int i) {
        List<Token> t = s.tokens;
        int month = Dates.month(t.get(i));
        if (month == 0 || !near(s, i)) return null;
        int k = i + 1;
        if (t.get(k).folded().equals("the") && k + 2 < t.size() && near(s, k)) k++;
        Token d = t.get(k);
        int day;
        boolean words = d.isWord();
        if (d.isWord()) {
            day = NumberWords.englishOrdinal(d.folded());
            if (day < 0) day = NumberWords.english(d.folded()); // "march three nineteen eighty"
        } else {
            day = d.length() <= 2 ? Integer.parseInt(d.text()) : -1;
            if (k + 2 < t.size()
                    && t.get(k + 1).start() == d.end()
                    && t.get(k + 1).length() == 2) k++; // "3rd"
        }
        if (day < 1 || k + 1 >= t.size() || !near(s, k)) return null;
        int[] year = year(s, k + 1);
        if (year == null || !(words || year[2] == 1) || !Dates.valid(day, month, year[0])) return null;
        return new Found(t.get(i).start(), t.get(year[1]).end(), year[1], year[0], year[3] == 1);
    }

    /** "the third of march": the article belongs to the date as it is said. */
    private static int withThe(TextScan s, int i) {
        Token a = s.tokens.get(i);
        return i > 0 && a.isWord() && s.tokens.get(i - 1).folded().equals("the") && near(s, i - 1)
                ? s.tokens.get(i - 1).start()
                : a.start();
    }

    /**
     * The year starting at token k: {year, its last token, 1 when in words, 1 when said in two digits}, or null.
     * German in one word or spread over up to four ("neunzehn hundert zweiundneunzig"), or its last two digits
     * ("zweiundneunzig"); English "nineteen eighty(-)four", "nineteen oh five", "twenty twenty", "two thousand and
     * three"; or four digits.
     */
    private static int[] year(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token y = t.get(k);
        if (y.isNumber()) return y.length() == 4 ? new int[] {Integer.parseInt(y.text()), k, 0, 0} : null;
        String f = y.folded();
        if (f.startsWith("neunzehn") || f.contains("tausend")) {
            StringBuilder joined = new StringBuilder(f);
            int[] best = null;
            for (int j = k; j < t.size() && j < k + 4; j++) {
                if (j > k) {
                    if (!near(s, j - 1) || !t.get(j).isWord()) break;
                    joined.append(t.get(j).folded());
                }
                int year = NumberWords.germanYear(joined.toString());
                if (year > 0) best = new int[] {year, j, 1, 0};
            }
            return best;
        }
        int century = f.equals("nineteen") ? 1900 : f.equals("twenty") ? 2000 : -1;
        if (century < 0 && f.equals("two") && k + 1 < t.size() && near(s, k)) {
            if (!t.get(k + 1).folded().equals("thousand")) return null;
            int j = k + 1;
            if (j + 1 < t.size() && near(s, j) && t.get(j + 1).folded().equals("and")) j++;
            int[] rest = twoDigits(s, j + 1, j, 1);
            return rest == null ? new int[] {2000, k + 1, 1, 0} : new int[] {2000 + rest[0], rest[1], 1, 0};
        }
        int lastTwo = NumberWords.german(f);
        if (century < 0 && lastTwo >= 20) return new int[] {BirthDateScanner.fullYear(lastTwo), k, 1, 1};
        if (century < 0 || k + 1 >= t.size() || !near(s, k)) return null;
        if (century == 1900 && t.get(k + 1).folded().equals("hundred")) return new int[] {1900, k + 1, 1, 0};
        int[] rest = twoDigits(s, k + 1, k, 10);
        return rest == null || rest[0] < 10 && rest[2] == 0 ? null : new int[] {century + rest[0], rest[1], 1, 0};
    }

    /**
     * English {@code min}..99 at token k (after token {@code prev}): {value, last token, 1 when written with "oh"}:
     * "eighty", "eighty-four", "eighty four", "oh five", "twelve", and from 1 "three".
     */
    private static int[] twoDigits(TextScan s, int k, int prev, int min) {
        List<Token> t = s.tokens;
        if (k >= t.size() || !near(s, prev) || !t.get(k).isWord()) return null;
        String f = t.get(k).folded();
        if ((f.equals("oh") || f.equals("o") || f.equals("zero")) && k + 1 < t.size() && near(s, k)) {
            int d = NumberWords.digit(t.get(k + 1));
            return d > 0 ? new int[] {d, k + 1, 1} : null;
        }
        int n = NumberWords.english(f);
        if (n < min) return null;
        if (n >= 20 && n % 10 == 0 && k + 1 < t.size() && near(s, k)) {
            int d = NumberWords.english(t.get(k + 1).folded());
            if (d > 0 && d < 10) return new int[] {n + d, k + 1, 0};
        }
        return new int[] {n, k, 0};
    }

    /** Tokens k and k+1 follow each other as spoken: only spaces, commas, dashes or a day's dot between them. */
    private static boolean near(TextScan s, int k) {
        if (k + 1 >= s.tokens.size()) return false;
        int from = s.tokens.get(k).end();
        int to = s.tokens.get(k + 1).start();
        return to > from && (NumberWordScanner.joined(s, from, to) || s.onlyBetween(from, to, ".,") && to - from <= 3);
    }
}
