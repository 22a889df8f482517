package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * An occupation that is a surname too is no name where it says what someone does: "ich bin Bauer – also Landwirt",
 * "bin Schreiner in Lörrach", "freiberuflicher Grafiker", "Achim Lutz, Schlosser", "das bin ich, Fotografin". A
 * finding of that one word is dropped after "bin"/"als", after an adjective, or after a comma, dash or bracket that
 * follows a name or "ich"; never right after a salutation or a first name ("Frau Bauer", "Herr Schlosser"). The
 * words are {@code privacy/occupations.txt}.
 */
final class Occupations {

    private static final WordSet WORDS = Lexicons.words("occupations.txt");
    private static final WordSet BEFORE = WordSet.of(
            "bin", "bins", "bist", "als", "i'm", "gelernter", "gelernte", "selbstständiger", "selbstständige");
    private static final WordSet SALUTATIONS =
            WordSet.of("herr", "herrn", "frau", "hr", "fr", "familie", "fam", "mr", "mrs", "ms", "dr", "prof");
    private static final int FIRST = Lexicons.FIRST | Lexicons.WORLD_FIRST;
    private static final int ADJECTIVE_LENGTH = 5;

    private Occupations() {}

    static List<Detection> strip(TextScan s, List<Detection> found) {
        List<Detection> result = null; // a copy, made at the first occupation
        for (int d = 0; d < found.size(); d++) {
            Detection p = found.get(d);
            boolean drop = p.type() == EntityType.PERSON && occupation(s, p, d > 0 ? found.get(d - 1) : null);
            if (drop && result == null) result = new ArrayList<>(found.subList(0, d));
            else if (!drop && result != null) result.add(p);
        }
        return result == null ? found : result;
    }

    /** The finding is one occupation word where an occupation is said, not a name. */
    private static boolean occupation(TextScan s, Detection p, Detection previous) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(p.start());
        if (k == 0 || k >= t.size() || t.get(k).end() != p.end() || !WORDS.has(t.get(k))) return false;
        Token before = t.get(k - 1);
        String f = before.folded();
        boolean adjacent = s.onlyBetween(before.end(), p.start(), "");
        // "Frau Bauer", "Kevin Schlosser"
        if (adjacent && (SALUTATIONS.contains(f) || before.capitalized() && (before.lexicon() & FIRST) != 0)) {
            return false;
        }
        char mark = s.lastCharBefore(p.start());
        if (mark == ',' || mark == '–' || mark == '-' || mark == '(') {
            // "Achim Lutz, Schlosser", "das bin ich, Fotografin"
            return f.equals("ich")
                    || previous != null && previous.type() == EntityType.PERSON && before.end() == previous.end();
        }
        if (!adjacent || !before.isWord()) return false;
        return BEFORE.contains(f)
                || !before.capitalized()
                        && (before.lexicon() & Lexicons.STOP) == 0
                        && before.length() >= ADJECTIVE_LENGTH;
    }
}
