package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Capitalized words right before a comma and a birth word name the person born: "Ludovica Farnese di Montebello,
 * nata a Parma il 16/09/1981", "Rosimeire Aparecida Gonçalves, nascida em 16/10/1962", "Edoardo Pizzolato, nato il
 * 07/01/1995", "Jan de Vries, born 3 May 1990". Two to five words, particles between them allowed, none of them an
 * everyday word, a street or a city: "Neuer Vertrag, geboren …" or "Hauptstraße 5, geb. …" stay text. Linear: each
 * birth word looks at the five tokens before it.
 */
final class NamesBeforeBirth implements Scanner {

    private static final int MAX_WORDS = 5;
    private static final WordSet PARTICLES = WordSet.of(
            "di", "da", "de", "del", "della", "dos", "das", "do", "van", "von", "der", "den", "la", "le", "i", "y");

    private final Lexicons lex;

    NamesBeforeBirth(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 2; i < t.size(); i++) {
            Token birth = t.get(i);
            if (!birth.isWord() || !Context.birthWord(birth)) continue;
            Token last = t.get(i - 1);
            if (!s.onlyBetween(last.end(), birth.start(), ",") || s.at(last.end()) != ',') continue;
            int first = i - 1;
            int words = 0;
            for (int k = i - 1; k >= 0 && i - 1 - k < MAX_WORDS; k--) {
                Token w = t.get(k);
                if (!w.isWord() || k < i - 1 && !NameSpan.joined(s, w, t.get(k + 1))) break;
                String f = w.folded();
                if (!w.capitalized()) {
                    if (k < i - 1 && k > 0 && PARTICLES.contains(f)) continue; // "Farnese di Montebello"
                    break;
                }
                if (lex.isCommon(f) && !lex.isName(f) || lex.isStopWord(f) || lex.isCity(f)) break;
                int dash = f.lastIndexOf('-');
                if (dash > 0 && lex.isCommon(f.substring(dash + 1))) break; // "Diensthandy-Vertrag von …"
                if (StreetLexicon.isStreetToken(f) || NameTriggers.announcesName(f) || NameSpan.TITLES.contains(f))
                    break;
                first = k;
                words++;
            }
            if (words >= 2 && t.get(first).capitalized()) {
                out.add(new Detection(EntityType.PERSON, t.get(first).start(), last.end(), 0.7));
            }
        }
    }
}
