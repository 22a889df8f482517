package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A name found once is a name wherever it stands again in the message, though nothing there says so: "unsere Kinder
 * Arta und Dardan. Kann Dardan Tarif wechseln?". Takes the capitalized words of the PERSON findings that the name
 * lexicons list (no everyday word, no organisation's word) and marks their other capitalized occurrences that stand
 * alone. Linear: one pass to collect the words, one over the tokens.
 */
final class RepeatedNames {

    private static final double SCORE = 0.7;
    /** Everyday words, names that are everyday words too, and towns: the token's lexicon bits say it once. */
    private static final int NO_NAME = Lexicons.STOP | Lexicons.COMMON | Lexicons.ORDINARY | Lexicons.CITY;

    private final Lexicons lex;

    RepeatedNames(Lexicons lex) {
        this.lex = lex;
    }

    /** {@code found}: non-overlapping findings ordered by start; returns them with the repeated names added. */
    List<Detection> add(TextScan s, List<Detection> found, NotNames notNames) {
        if (!hasPerson(found)) return found; // most messages: no organisation words to mark
        boolean[] org = notNames.organisationWords(s);
        Set<String> names = names(s, found, org);
        if (names.isEmpty()) return found;
        List<Token> t = s.tokens;
        List<Detection> result = null;
        int next = 0; // the first finding that does not end before the token
        for (int k = 0; k < t.size(); k++) {
            Token token = t.get(k);
            while (next < found.size() && found.get(next).end() <= token.start()) next++;
            boolean covered = next < found.size() && found.get(next).start() < token.end();
            if (covered || org[k] || !token.capitalized() || !names.contains(token.folded()) || inPhrase(s, k)) {
                continue;
            }
            if (result == null) result = new ArrayList<>(found);
            result.add(new Detection(EntityType.PERSON, token.start(), token.end(), SCORE));
        }
        if (result == null) return found;
        result.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return result;
    }

    private static boolean hasPerson(List<Detection> found) {
        for (Detection d : found) {
            if (d.type() == EntityType.PERSON) return true;
        }
        return false;
    }

    /**
     * "Liebig Legal", "Chez Luc": next to a capitalized word that is no everyday word, the name is part of another
     * name (a firm's, a place's), which the rules left alone for a reason.
     */
    private boolean inPhrase(TextScan s, int k) {
        List<Token> t = s.tokens;
        return k > 0 && otherName(t.get(k - 1)) || k + 1 < t.size() && otherName(t.get(k + 1));
    }

    private boolean otherName(Token token) {
        return token.isWord() && token.capitalized() && !lex.isCommon(token);
    }

    /** The folded capitalized words of the PERSON findings that the name lexicons list. */
    private Set<String> names(TextScan s, List<Detection> found, boolean[] org) {
        Set<String> names = new HashSet<>();
        List<Token> t = s.tokens;
        for (Detection d : found) {
            if (d.type() != EntityType.PERSON) continue;
            for (int k = s.tokenAtOrAfter(d.start()); k < t.size() && t.get(k).end() <= d.end(); k++) {
                Token token = t.get(k);
                String f = token.folded();
                if (token.isWord()
                        && token.capitalized()
                        && !org[k]
                        && f.length() >= 3
                        && (token.lexicon() & NO_NAME) == 0
                        && (lex.isName(f) || lex.isWorldName(f) || lex.hasSurnameShape(f))) names.add(f);
            }
        }
        return names;
    }
}
