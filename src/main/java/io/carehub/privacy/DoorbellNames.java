package io.carehub.privacy;

import io.carehub.privacy.NameSpan.Mode;
import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Names in address context, where nothing else says "name": "c/o Nordlicht" is left to the company rules,
 * but "c/o Jana Berger", "bei Schulte klingeln", "ring at Miller's" name the person at the door. A lone
 * surname there is as personal as a whole name.
 */
final class DoorbellNames implements Scanner {

    private final Lexicons lex;
    private final NameSpan span;

    DoorbellNames(Lexicons lex) {
        this.lex = lex;
        this.span = new NameSpan(lex);
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            String w = t.get(i).folded();
            if (w.equals("c")
                    && s.at(t.get(i).end()) == '/'
                    && t.get(i + 1).folded().equals("o")) {
                name(s, i + 2, Mode.WEAK, out); // "c/o Jana Berger", not "c/o Nordlicht Consulting"
            } else if ((w.equals("bei") || w.equals("beim")) && doorbellAfter(t, i + 1)) {
                name(s, i + 1, Mode.LEXICON_OR_CAPITAL, out); // "bei Schulte klingeln"
            }
        }
    }

    private void name(TextScan s, int k, Mode mode, List<Detection> out) {
        List<Token> t = s.tokens;
        if (k >= t.size() || !t.get(k).capitalized() || lex.isCommon(t.get(k).folded())) return;
        int end = span.scanName(s, k, mode);
        if (end > k)
            out.add(new Detection(
                    EntityType.PERSON, t.get(k).start(), t.get(end - 1).end(), 0.75));
    }

    /** "klingeln", "klingelt", "läuten" among the four words after the name. */
    private static boolean doorbellAfter(List<Token> t, int k) {
        for (int j = k + 1; j < t.size() && j <= k + 4; j++) {
            String f = t.get(j).folded();
            if (f.startsWith("klingel") || f.startsWith("laeut") || f.equals("ring")) return true;
        }
        return false;
    }
}
