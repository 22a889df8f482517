package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;

/**
 * Towns of more than one word after a postcode: "Bad Homburg", "Schwäbisch Hall", "Frankfurt am Main", "Mülheim an
 * der Ruhr", "Halle (Saale)". Only words joined by single spaces count, so a sentence after the town stays out.
 */
final class TownNames {

    private TownNames() {}

    /** The token index after the town whose first word is at {@code first} ({@code end}: the index after that word). */
    static int end(TextScan s, int first, int end) {
        List<Token> t = s.tokens;
        Token city = t.get(first);
        String f = city.folded();
        // "Bad Homburg", "Schwäbisch Hall", "Sankt Augustin": a town's first word that needs a second
        if (end < t.size()
                && (TOWN_HEADS.contains(f) || f.endsWith("isch"))
                && t.get(end).capitalized()
                && t.get(end).start() - city.end() == 1) end++;
        // "Frankfurt am Main", "Mülheim an der Ruhr", "Bad Homburg vor der Höhe"
        if (end + 1 < t.size() && TOWN_JOINERS.contains(t.get(end).folded()) && spaced(t, end - 1, end + 1)) {
            int river = end + 1;
            if (JOINED_ARTICLES.contains(t.get(river).folded()) && river + 1 < t.size() && spaced(t, river, river + 1))
                river++;
            if (t.get(river).capitalized()) end = river + 1;
        }
        // "Halle (Saale)", "Frankfurt (Oder)"
        if (end < t.size()
                && s.at(t.get(end - 1).end()) == ' '
                && s.at(t.get(end - 1).end() + 1) == '('
                && t.get(end).capitalized()
                && t.get(end).start() == t.get(end - 1).end() + 2
                && (s.at(t.get(end).end()) == ')'
                        || s.at(t.get(end).end()) == '.' && s.at(t.get(end).end() + 1) == ')'))
            end++; // "Essen (Oldb.)"
        return end;
    }

    /** First words of towns that need their second: "Bad Kissingen", "Sankt Ingbert", "Lutherstadt Wittenberg". */
    private static final Set<String> TOWN_HEADS = Set.of(
            "bad",
            "kleines",
            "grosses",
            "neues",
            "altes",
            "hohen",
            "ober",
            "unter",
            "nieder",
            "sankt",
            "st",
            "neu",
            "alt",
            "gross",
            "klein",
            "hansestadt",
            "lutherstadt",
            "markt",
            "ostseebad",
            "nordseebad",
            "seebad",
            "hann",
            "koenigs",
            "villingen",
            "garmisch");

    /** Words that join a town to its river or region: "am Main", "an der Ruhr", "im Breisgau", "ob der Tauber". */
    private static final Set<String> TOWN_JOINERS = Set.of("am", "an", "im", "vor", "ob");

    /** Tokens {@code from} … {@code to} are separated by single spaces only. */
    private static boolean spaced(List<Token> t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (t.get(k + 1).start() - t.get(k).end() != 1) return false;
        }
        return true;
    }

    private static final Set<String> JOINED_ARTICLES = Set.of("der", "dem");
}
