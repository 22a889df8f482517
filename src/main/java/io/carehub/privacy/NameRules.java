package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Names of people (PERSON). Context first — "mein Name ist", "ich bin", "hier ist", salutations
 * (Herr, Frau, Dr.), relations ("meine Tochter"), signatures ("LG", "Mit freundlichen Grüßen"),
 * "… hier" — then the first-name and surname lexicons. Names that are ordinary words (Vogel,
 * Klein, Frank, Rose) only count with context or next to another name.
 */
final class NameRules implements Scanner {

    private final NameTriggers triggers;
    private final LexiconNames lexiconNames;

    NameRules(Lexicons lex) {
        NameSpan span = new NameSpan(lex);
        this.triggers = new NameTriggers(lex, span);
        this.lexiconNames = new LexiconNames(lex, span);
    }

    /** A token already inside a triggered name is not looked up in the lexicons again. */
    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        int covered = -1;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.isWord()) continue;
            int end = triggers.trigger(s, i, out);
            if (end > i) {
                covered = Math.max(covered, end);
                continue;
            }
            if (i < covered) continue;
            end = lexiconNames.lexiconName(s, i, out);
            if (end > i) covered = end;
        }
        lexiconNames.postfixHier(s, out);
        lexiconNames.signatureAtEnd(s, out);
    }
}
