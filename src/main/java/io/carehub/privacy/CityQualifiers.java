package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * The part of a town's name in brackets or after a slash ("Waren (Müritz)", "Halle (Saale)", "Essen (Oldb.)",
 * "Kadıköy/İstanbul"): it belongs to the address, so an address found up to the town takes it in, and a name found
 * inside the brackets ("Havel") is the river's, not a person's.
 */
final class CityQualifiers {

    /** Longest bracketed part taken: "(Oberpfalz)", "(Breisgau)", "(bei Kiel)". */
    private static final int MAX_BRACKETED = 24;

    private CityQualifiers() {}

    /** {@code found} ordered by start and non-overlapping; ADDRESS spans grown by their town's qualifier. */
    static List<Detection> extend(TextScan s, List<Detection> found) {
        return AddressExtension.apply(
                found, a -> new AddressExtension(qualifierEnd(s, a.start(), a.end()), CityQualifiers::swallowed));
    }

    private static boolean swallowed(Detection d) {
        return d.type() == EntityType.PERSON || d.type() == EntityType.ADDRESS;
    }

    /** The end of "(Müritz)" or "/İstanbul" right after a town that ends at {@code end}, or {@code end}. */
    static int qualifierEnd(TextScan s, int start, int end) {
        if (end <= start || !Character.isLetter(s.at(end - 1)) && s.at(end - 1) != '.') {
            return end;
        }
        int close = s.at(end) == '.' ? end + 1 : end;
        if (s.at(close) == ')') { // the town's growth stopped before the closing bracket: "Frankfurt (Oder", "(Opf."
            int open = end - 1;
            while (open > start && s.at(open) != '(' && end - open <= MAX_BRACKETED) open--;
            return s.at(open) == '(' && open > start ? close + 1 : end;
        }
        if (s.at(end) == ' ' && s.at(end + 1) == '(') return bracketEnd(s, end + 1);
        if (s.at(end) == '/' && Character.isUpperCase(s.at(end + 1))) {
            int k = end + 1;
            while (k < s.length() && (Character.isLetter(s.at(k)) || s.at(k) == '-') && k - end <= MAX_BRACKETED) k++;
            return Character.isLetterOrDigit(s.at(k)) || k - end < 3 ? end : k;
        }
        if (s.at(end) == ' ') return linkedEnd(s, end);
        return end;
    }

    /** Links between a town and its region or river: "Weilheim i. OB", "Kirchheim unter Teck", "Lindau am Bodensee". */
    private static final WordSet LINKS = WordSet.of("i", "a", "am", "im", "an", "ob", "unter", "vor");

    /** Articles and the abbreviated "der" after a link: "an der Donau", "a. d. Ilm", "ob der Tauber". */
    private static final WordSet ARTICLES = WordSet.of("d", "der", "dem", "den");

    /**
     * The end of "i. OB", "unter Teck", "a. d. Donau" after a town that follows its postcode and ends at {@code end},
     * or {@code end}: a link, perhaps an article, and one capitalized word that is no everyday word or month and
     * ends the phrase ("82362 Weilheim am Montag", "Ochsenfurt unter Vorbehalt zugestimmt" keep their end).
     */
    private static int linkedEnd(TextScan s, int end) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(end);
        if (k < 2 || k + 1 >= t.size() || t.get(k - 1).end() != end) return end;
        if (!postcodeBefore(t, k - 1) && !(k > 2 && t.get(k - 2).capitalized() && postcodeBefore(t, k - 2))) return end;
        if (!LINKS.has(t.get(k)) || t.get(k).capitalized()) return end;
        int next = k + 1;
        if (next + 1 < t.size() && ARTICLES.has(t.get(next))) next++;
        Token region = t.get(next);
        if (!region.isWord() || !region.capitalized()) return end;
        for (int j = k; j <= next; j++) {
            if (t.get(j).start() - t.get(j - 1).end() > 2
                    || !s.onlyBetween(t.get(j - 1).end(), t.get(j).start(), ".")) {
                return end;
            }
        }
        Lexicons lex = Lexicons.get();
        boolean abbreviation = region.length() <= 4 && TextScan.unchangedByUpperCase(region.text()); // "i. OB"
        boolean everyday = lex.isCommon(region) || lex.isOrdinary(region);
        if ((everyday && !abbreviation) || Dates.month(region) > 0) return end;
        return next + 1 < t.size() && t.get(next + 1).start() - region.end() == 1 ? end : region.end();
    }

    /** A German postcode right before the town's word at {@code town}: "82362 Weilheim", "83646 Bad Tölz". */
    private static boolean postcodeBefore(List<Token> t, int town) {
        return town > 0 && t.get(town - 1).isNumber() && t.get(town - 1).length() == 5;
    }

    /**
     * "(Müritz)", "(Oldb.)", "(bei Kiel)" at {@code open}: one capitalized word, or a short lower-case link and one
     * ("(Haus am Park)" names a building, not the town); the end after ")", or the position before the space.
     */
    static int bracketEnd(TextScan s, int open) {
        int k = open + 1;
        int words = 0;
        int wordStart = k;
        boolean lastCapitalized = false;
        while (k < s.length() && k - open <= MAX_BRACKETED && s.at(k) != ')') {
            char ch = s.at(k);
            if (Character.isLetter(ch) && (k == open + 1 || s.at(k - 1) == ' ')) {
                if (words == 1 && (lastCapitalized || k - wordStart > 5)) return open - 1; // only "bei", "a.d."
                words++;
                wordStart = k;
                lastCapitalized = Character.isUpperCase(ch);
            } else if (!Character.isLetter(ch) && ch != ' ' && ch != '.' && ch != '-') {
                return open - 1;
            }
            k++;
        }
        return s.at(k) == ')' && words >= 1 && lastCapitalized ? k + 1 : open - 1;
    }

    /** A bracketed part right after the word ending at {@code end}: "Waren (Müritz)" is a town, "waren" a verb. */
    static boolean bracketAfter(TextScan s, int end) {
        return s.at(end) == ' ' && s.at(end + 1) == '(' && bracketEnd(s, end + 1) > end;
    }
}
