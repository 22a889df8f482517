package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A first name, one more word and a street written as one word ("Robert Keßler Talstr. 9", "Wiebke Janssen Deichstr
 * 12", "GÜNTHER BRANDSTÄTTER LINDENSTR 14"): the street rules read the word before a street as the first word of its
 * name ("Obere Hauptstraße", "Frankfurter Allee"), so the surname went to the address and the person kept the first
 * name only. A street that is one word ("Talstr", "Hauptstraße") needs no word before it; after a name of one word the
 * word between is its surname. The words that do begin a street's name before a one-word street ("Alte Lindenstraße",
 * "Obere Hauptstraße", "Am Deich") stay in the address: everyday words that are no surname ("Schneider" is one),
 * stop words and words ending in "e". Cost: one
 * look at each person finding followed by an address.
 */
final class SurnamesBeforeStreets {

    private SurnamesBeforeStreets() {}

    static List<Detection> move(TextScan s, List<Detection> found) {
        List<Detection> result = null; // a copy, made at the first move
        for (int d = 0; d + 1 < found.size(); d++) {
            Detection p = found.get(d);
            Detection a = found.get(d + 1);
            if (p.type() != EntityType.PERSON || a.type() != EntityType.ADDRESS) continue;
            int surname = surnameAt(s, p, a);
            if (surname < 0) continue;
            if (result == null) result = new ArrayList<>(found);
            Token t = s.tokens.get(surname);
            Token street = s.tokens.get(surname + 1);
            result.set(d, new Detection(EntityType.PERSON, p.start(), t.end(), p.score(), p.canonical()));
            result.set(d + 1, new Detection(EntityType.ADDRESS, street.start(), a.end(), a.score(), a.canonical()));
        }
        return result == null ? found : result;
    }

    /** The index of the surname that begins {@code a} after the one-word name {@code p}, or -1. */
    private static int surnameAt(TextScan s, Detection p, Detection a) {
        if (a.start() <= p.end() || a.start() - p.end() > 2 || !s.onlyBetween(p.end(), a.start(), "")) return -1;
        int k = s.tokenAtOrAfter(a.start());
        if (k < 1 || k + 1 >= s.tokens.size()) return -1;
        Token name = s.tokens.get(k - 1);
        if (name.start() != p.start() || name.end() != p.end() || !name.isWord()) return -1; // a name of one word
        Token t = s.tokens.get(k);
        Token street = s.tokens.get(k + 1);
        if (t.start() != a.start() || !t.isWord() || t.length() < 3 || street.end() > a.end()) return -1;
        if (street.start() - t.end() != 1 || !street.isWord() || !StreetLexicon.isStreetToken(street)) return -1;
        String f = t.folded();
        boolean streetWord = (t.lexicon() & LowerCaseMessages.WORD) != 0 && (t.lexicon() & Lexicons.SURNAME) == 0
                || f.endsWith("e")
                || StreetLexicon.isStreetToken(t)
                || t.keywordLists() != null;
        return streetWord ? -1 : k;
    }
}
