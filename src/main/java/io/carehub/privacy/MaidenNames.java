package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A birth name after a name: "Anastasia Becker geb. Iwanowa", "Maria Nowak z domu Kowalczyk", "Jana Dvořák rozená
 * Nováková", "Claire Martin née Dubois". The word after "geb." is a date far more often than a name; here it follows a
 * person found just before, is capitalized, is no month and no everyday word (unless it is a known surname: "geb.
 * Vogel"), so it is the same person's other surname. Cost: one look after each person finding.
 */
final class MaidenNames {

    private static final double SCORE = 0.7;

    /** The words that introduce a birth name; "z domu" by its second word. */
    private static final WordSet BIRTH_NAME_WORDS = WordSet.of(
            "geb", "geborene", "geborener", "gebürtige", "née", "nee", "domu", "rozená", "rodená", "rođena", "rojena");

    private MaidenNames() {}

    static List<Detection> add(TextScan s, List<Detection> found) {
        List<Detection> result = null; // a copy, made at the first birth name
        for (int d = 0; d < (result == null ? found : result).size(); d++) {
            List<Detection> list = result == null ? found : result;
            Detection p = list.get(d);
            if (p.type() != EntityType.PERSON) continue;
            Token name = birthName(s, p);
            if (name == null) continue;
            if (d + 1 < list.size() && list.get(d + 1).start() < name.end()) continue; // already something
            if (result == null) result = new ArrayList<>(found);
            result.add(d + 1, new Detection(EntityType.PERSON, name.start(), name.end(), SCORE));
            d++;
        }
        return result == null ? found : result;
    }

    /** The birth name after {@code p}, or null. */
    private static Token birthName(TextScan s, Detection p) {
        int k = s.tokenAtOrAfter(p.end());
        if (k < 0 || k + 1 >= s.tokens.size()) return null;
        Token first = s.tokens.get(k);
        if (first.start() - p.end() > 2 || !s.onlyBetween(p.end(), first.start(), ",")) return null;
        if (first.folded().equals("z") && k + 2 < s.tokens.size()) k++; // "z domu"
        Token lead = s.tokens.get(k);
        if (!lead.isWord() || !BIRTH_NAME_WORDS.contains(lead.folded())) return null;
        if (lead != first && (!lead.folded().equals("domu") || lead.start() - first.end() != 1)) return null;
        Token name = s.tokens.get(k + 1);
        if (!name.isWord() || !name.capitalized() || name.length() < 3 || name.start() - lead.end() > 2) return null;
        if (!s.onlyBetween(lead.end(), name.start(), ". ")) return null;
        if (Dates.month(name) > 0 || name.keywordLists() != null) return null;
        Lexicons lex = Lexicons.get();
        if (lex.isCommon(name) && !lex.isSurname(name)) return null;
        return name;
    }
}
