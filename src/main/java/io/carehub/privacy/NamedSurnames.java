package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * A surname named as such: "mein nachname wird mit ß geschrieben: Weiß", "Familienname ist Koch", "my surname is
 * Baker". After a word for the surname, in the same sentence, the word after a colon or after "ist"/"is"/"lautet" is
 * a surname even when it is also an ordinary word. Linear: it looks at most {@value #WINDOW} tokens after each such
 * word.
 */
final class NamedSurnames implements Scanner {

    private static final double SCORE = 0.9;
    private static final int WINDOW = 8;
    private static final WordSet SURNAME_WORDS = WordSet.of(
            "nachname",
            "nachnamen",
            "familienname",
            "familiennamen",
            "zuname",
            "zunamen",
            "geburtsname",
            "geburtsnamen",
            "surname",
            "lastname");
    /** "last name", "family name": the word before "name". */
    private static final WordSet BEFORE_NAME = WordSet.of("last", "family");

    private static final WordSet IS = WordSet.of("ist", "is", "lautet", "war", "was");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!surnameWord(t, i)) continue;
            for (int j = i + 1; j < t.size() && j <= i + WINDOW; j++) {
                Token prev = t.get(j - 1);
                Token w = t.get(j);
                if (sentenceEnds(s, prev.end(), w.start())) break;
                boolean colon = colon(s, prev.end(), w.start());
                if (!colon && !IS.has(prev)) continue;
                if (surname(w, colon)) {
                    out.add(new Detection(EntityType.PERSON, w.start(), w.end(), SCORE));
                    i = j;
                }
                break;
            }
        }
    }

    private static boolean surnameWord(List<Token> t, int i) {
        String f = t.get(i).folded();
        // every word for the surname ends in "name" or "namen": two char tests reject almost every token
        int n = f.length();
        if (n < 4 || f.charAt(n - 1) != 'e' && f.charAt(n - 1) != 'n') return false;
        return SURNAME_WORDS.has(t.get(i)) || f.equals("name") && i > 0 && BEFORE_NAME.has(t.get(i - 1));
    }

    /** A word of two letters or more, capitalized (or in any case after a colon), and no stop word ("ist nicht"). */
    private static boolean surname(Token w, boolean colon) {
        return w.isWord()
                && w.length() >= 2
                && (w.capitalized() || colon)
                && (w.lexicon() & Lexicons.STOP) == 0
                && Dates.month(w) == 0;
    }

    private static boolean colon(TextScan s, int from, int to) {
        for (int k = from; k < to; k++) if (s.at(k) == ':') return true;
        return false;
    }

    private static boolean sentenceEnds(TextScan s, int from, int to) {
        for (int k = from; k < to; k++) {
            char ch = s.at(k);
            if (ch == '.' || ch == '!' || ch == '?' || ch == '\n') return true;
        }
        return false;
    }
}
