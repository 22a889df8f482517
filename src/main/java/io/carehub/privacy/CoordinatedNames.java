package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A capitalized first name coordinated with a full name shares its surname: "die Eheleute Harm und Wiebke Ottens",
 * "Jonte & Frauke Harms" - the first word is a first name when it is no stop, common or ordinary word and no word
 * that is never a name ({@link NotNames}). The full name must open with a first name, so "Kundennummer und Petra
 * Lange" gains nothing. Linear: it looks only at the two tokens before each name.
 */
final class CoordinatedNames {

    private static final double SCORE = 0.6;
    private static final WordSet AND = WordSet.of("und", "and", "u", "&");
    private static final int FIRST = Lexicons.FIRST | Lexicons.WORLD_FIRST;
    private static final int WORD = Lexicons.STOP | Lexicons.COMMON;

    private CoordinatedNames() {}

    static List<Detection> add(TextScan s, List<Detection> found, NotNames notNames) {
        List<Detection> result = null; // a copy, made at the first name
        List<Token> t = s.tokens;
        for (int d = 0; d < found.size(); d++) {
            Detection name = found.get(d);
            if (name.type() != EntityType.PERSON) continue;
            int k = s.tokenAtOrAfter(name.start());
            if (k + 1 >= t.size() || t.get(k + 1).end() > name.end() || !firstName(t.get(k))) continue;
            int c = candidate(s, name.start());
            if (c < 0 || d > 0 && found.get(d - 1).end() > t.get(c).start() || notNames.notName(s, c)) continue;
            if (result == null) result = new ArrayList<>(found);
            result.add(
                    result.size() - (found.size() - d),
                    new Detection(EntityType.PERSON, t.get(c).start(), t.get(c).end(), SCORE));
        }
        return result == null ? found : result;
    }

    /** The token of the coordinated first name before a name starting at {@code start}, or -1. */
    private static int candidate(TextScan s, int start) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(start);
        int conj = k - 1;
        int gapFrom = conj >= 0 ? t.get(conj).end() : 0;
        boolean ampersand = false;
        if (conj >= 0 && !AND.has(t.get(conj)) || !blank(s, gapFrom, start, ".")) {
            // "&" is no token: "Jonte & Frauke"
            int amp = start - 1;
            while (amp >= 0 && s.at(amp) == ' ') amp--;
            if (amp < 0 || s.at(amp) != '&') return -1;
            ampersand = true;
            conj = k; // the candidate is the token before the "&"
            gapFrom = amp;
        }
        int c = conj - 1;
        if (c < 0) return -1;
        Token w = t.get(c);
        int gapTo = ampersand ? gapFrom : t.get(conj).start();
        if (!blank(s, w.end(), gapTo, "") || gapTo - w.end() > 2) return -1;
        int bits = w.lexicon();
        boolean word = (bits & WORD) != 0 || (bits & Lexicons.ORDINARY) != 0 && (bits & FIRST) == 0;
        return w.isWord() && w.capitalized() && w.length() >= 2 && !word ? c : -1;
    }

    private static boolean firstName(Token w) {
        return w.isWord() && w.capitalized() && (w.lexicon() & FIRST) != 0 && (w.lexicon() & WORD) == 0;
    }

    /** Only blanks (and the characters of {@code also}) in [from, to). */
    private static boolean blank(TextScan s, int from, int to, String also) {
        for (int i = from; i < to; i++) {
            char ch = s.at(i);
            if (ch != ' ' && also.indexOf(ch) < 0) return false;
        }
        return true;
    }
}
