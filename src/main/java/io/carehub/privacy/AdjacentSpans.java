package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins two names or two addresses found side by side into one span: "Kowalski, Piotr", "Ursula von der Heide"
 * found as two pieces, "17 Carlton Road, Manchester M16 8BB". Masked apart, the comma or particle between them
 * stays in the text and the whole value is not one token for the bot; masked together it is.
 */
final class AdjacentSpans {

    private AdjacentSpans() {}

    /** {@code found} ordered by start and non-overlapping; known values (with a canonical form) stay as they are. */
    static List<Detection> join(TextScan s, List<Detection> found) {
        if (found.size() < 2) return found;
        List<Detection> result = new ArrayList<>(found.size());
        Detection last = null;
        for (Detection d : found) {
            if (last != null && joinable(s, last, d)) {
                last = new Detection(d.type(), last.start(), d.end(), Math.max(last.score(), d.score()));
                result.set(result.size() - 1, last);
            } else {
                result.add(d);
                last = d;
            }
        }
        return result.size() == found.size() ? found : result;
    }

    private static boolean oneWord(TextScan s, Detection d) {
        return s.tokenAtOrAfter(d.end()) - s.tokenAtOrAfter(d.start()) == 1;
    }

    private static boolean joinable(TextScan s, Detection a, Detection b) {
        if (a.type() != b.type() || a.canonical() != null || b.canonical() != null) return false;
        if (a.type() != EntityType.PERSON && a.type() != EntityType.ADDRESS) return false;
        if (a.type() == EntityType.ADDRESS && floorBetween(s, a.end(), b.start())) return true;
        if (b.start() - a.end() > 12) return false;
        int commas = 0;
        for (int i = a.end(); i < b.start(); i++) {
            char ch = s.c[i];
            if (ch == ',') commas++;
            else if (ch != ' ' && !Character.isLetter(ch)) return false;
        }
        if (commas > 1) return false;
        // "Kowalski, Piotr": two names joined by a comma only when each is one word, surname then first name
        if (commas == 1
                && a.type() == EntityType.PERSON
                && (!oneWord(s, a) || !oneWord(s, b))
                && !capitalsFirst(s, a, b)) {
            return false;
        }
        // words between may only be name particles ("von der")
        int k = s.tokenAtOrAfter(a.end());
        for (; k < s.tokens.size() && s.tokens.get(k).start() < b.start(); k++) {
            Token token = s.tokens.get(k);
            if (a.type() != EntityType.PERSON || !NameSpan.PARTICLES.has(token)) return false;
        }
        return true;
    }

    /** "NGUYEN, Thi Lan", "FERREIRA DA SILVA, João": a surname in capitals, a comma, first names that are not. */
    private static boolean capitalsFirst(TextScan s, Detection a, Detection b) {
        String surname = s.text.substring(a.start(), a.end());
        String first = s.text.substring(b.start(), b.end());
        return surname.length() > 1
                && TextScan.unchangedByUpperCase(surname)
                && !TextScan.unchangedByUpperCase(first)
                && Character.isUpperCase(first.charAt(0));
    }

    /** Floor and flat words between a street and its postcode: "Kirchgasse 4, 2. OG links, 63739 …", "WE 12". */
    private static final WordSet FLOOR_WORDS = WordSet.of(
            "og",
            "eg",
            "dg",
            "ug",
            "stock",
            "etage",
            "links",
            "rechts",
            "li",
            "re",
            "mitte",
            "hinterhaus",
            "vorderhaus",
            "seitenfluegel",
            "we",
            "whg",
            "wohnung",
            "apt",
            "apartment",
            "flat",
            "floor",
            "app",
            "zimmer");

    private static final int MAX_FLOOR_CHARS = 24;

    private static boolean floorBetween(TextScan s, int from, int to) {
        if (to - from > MAX_FLOOR_CHARS || to - from < 3) return false;
        for (int i = from; i < to; i++) {
            char ch = s.c[i];
            if (ch != ' ' && ch != ',' && ch != '.' && !Chars.isAlnum(ch)) return false;
        }
        boolean floorWord = false;
        for (int k = s.tokenAtOrAfter(from);
                k < s.tokens.size() && s.tokens.get(k).start() < to;
                k++) {
            Token token = s.tokens.get(k);
            if (token.isNumber() && token.length() <= 3) continue;
            if (!token.isWord() || !FLOOR_WORDS.has(token)) return false;
            floorWord = true;
        }
        return floorWord;
    }
}
