package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * An initial and a surname: "D. Brenninkmeyer", "J.-P. Meyer", and in lower case after a sign-off or a word that
 * announces a name ("mfg h. schulte", "name war k. albers"). Abbreviations stay out: their second part is a single
 * letter ("z. B.", "u. a."), follows one ("u. a. teuer"), a number ("S. 12") or an everyday word ("Typ A. Danach"), and titles have more than one
 * letter ("Dr. Müller", "St. Pauli"). Linear: it looks at the few tokens around each one-letter word.
 */
final class InitialNames implements Scanner {

    private static final double SCORE = 0.7;
    private static final int WORD = Lexicons.STOP | Lexicons.COMMON | Lexicons.CITY;
    private static final int NAME = Lexicons.SURNAME | Lexicons.WORLD_NAME;
    /** Besides {@link NameTriggers#announcesName}: words before a lower-case initial's name. */
    private static final WordSet BEFORE_LOWER =
            WordSet.of("war", "name", "heisse", "heisst", "hiess", "hies", "gez", "unterschrift");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            Token a = t.get(i);
            if (!initial(s, a)
                    || i > 0
                            && initial(s, t.get(i - 1))
                            && a.start() - t.get(i - 1).end() <= 2) continue;
            int k = i + 1;
            // "J.-P. Meyer": a second initial after a hyphen
            if (s.at(a.end() + 1) == '-' && initial(s, t.get(k)) && t.get(k).start() == a.end() + 2) k++;
            if (k >= t.size()) break;
            Token n = t.get(k);
            int gap = n.start() - t.get(k - 1).end();
            if (gap < 1 || gap > 2 || !s.onlyBetween(t.get(k - 1).end() + 1, n.start(), " ")) continue;
            if (!surname(s, n)) continue;
            // in lower case a word the name lists know after a sign-off or a word that announces a name, or a word
            // no list knows right after it ("vg k. albers")
            boolean lower = !a.capitalized() || !n.capitalized();
            boolean known = (n.lexicon() & NAME) != 0 && announced(s, i, 3);
            if (lower && !known && !(n.lexicon() == 0 && announced(s, i, 1))) continue;
            if (!lower && afterLabel(s, i) && !announced(s, i, 3)) continue;
            out.add(new Detection(EntityType.PERSON, a.start(), n.end(), SCORE));
            i = k;
        }
    }

    /** One letter right before a dot, not glued to a word or digit before it. */
    private static boolean initial(TextScan s, Token a) {
        return a.isWord()
                && a.length() == 1
                && s.at(a.end()) == '.'
                && (a.start() == 0 || !Chars.isAlnum(s.at(a.start() - 1)) && s.at(a.start() - 1) != '.');
    }

    /** A word of letters that is no everyday word, not a month and not cut short by a dot of its own. */
    private static boolean surname(TextScan s, Token n) {
        if (!n.isWord() || n.length() < 2 || Dates.month(n) != 0) return false;
        if (n.length() <= 3 && s.at(n.end()) == '.') return false; // "i. Allg.", "u. Ä."
        int bits = n.lexicon();
        if ((bits & WORD) != 0) return false;
        return (bits & Lexicons.ORDINARY) == 0 || (bits & NAME) != 0;
    }

    /** "Tarif Business M. Gibt es …", "Variante B. Speedport": a capitalized word that is no name right before. */
    private static boolean afterLabel(TextScan s, int i) {
        if (i == 0) return false;
        Token p = s.tokens.get(i - 1);
        return p.isWord()
                && p.capitalized()
                && s.onlyBetween(p.end(), s.tokens.get(i).start(), "")
                && (p.lexicon() & (NAME | Lexicons.FIRST | Lexicons.WORLD_FIRST)) == 0;
    }

    /** A sign-off or a word that announces a name among the {@code tokens} tokens before the initial. */
    private static boolean announced(TextScan s, int i, int tokens) {
        List<Token> t = s.tokens;
        for (int k = i - 1; k >= 0 && k >= i - tokens; k--) {
            String f = t.get(k).folded();
            if (NameTriggers.announcesName(f) || BEFORE_LOWER.contains(f)) return true;
        }
        return false;
    }
}
