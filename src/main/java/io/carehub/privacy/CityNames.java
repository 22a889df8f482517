package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * The whole name of a town after its first word, for {@link AddressGrowth}: "Bad Homburg", "Freiburg im Breisgau",
 * "St. Ingbert", "Frankfurt (Oder)".
 */
final class CityNames {

    private static final WordSet CITY_LINKS = WordSet.of("im", "am", "an", "ob", "in", "bei", "vor");
    /** First words of towns that need their second: "Bad Kissingen", "Sankt Ingbert", "Lutherstadt Wittenberg". */
    private static final WordSet CITY_PREFIXES = WordSet.of(
            "bad",
            "sankt",
            "st",
            "neu",
            "alt",
            "gross",
            "klein",
            "kleines",
            "grosses",
            "neues",
            "altes",
            "hohen",
            "ober",
            "unter",
            "nieder",
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

    private final Lexicons lex;

    CityNames(Lexicons lex) {
        this.lex = lex;
    }

    private static final WordSet CITY_ARTICLES = WordSet.of("der", "dem", "den");

    /** The last token of the city's name starting at {@code last}. */
    int cityName(TextScan s, int last) {
        List<Token> t = s.tokens;
        Token city = t.get(last);
        if (!city.isWord()) return last;
        int k = last + 1;
        if (k >= t.size() || !t.get(k).isWord()) return last;
        Token n = t.get(k);
        // "Bad Homburg", "Schwäbisch Hall", "Bergisch Gladbach": a town's first word that needs its second, and
        // then maybe a river or region after it ("Bad Homburg vor der Höhe")
        boolean head = CITY_PREFIXES.has(city) || city.folded().endsWith("isch") && city.capitalized();
        // "St. Ingbert", "St. Gallen", "Hann. Münden": an abbreviated first word and its dot, not a sentence's end
        boolean dotted = last > 0
                && t.get(last - 1).isNumber()
                && n.start() - city.end() == 2
                && s.at(city.end()) == '.'
                && city.length() <= 4
                && city.capitalized()
                && (city.folded().equals("st") || !lex.isCommon(city) && !lex.isCity(city))
                && !lex.isCommon(n);
        // "bad endorf": a town written in lower case keeps its second word in lower case too
        boolean sameCase = n.capitalized() || !city.capitalized() && !lex.isStopWord(n);
        if ((head || dotted) && sameCase && (n.start() - city.end() == 1 || dotted)) {
            if (k + 1 >= t.size() || !t.get(k + 1).isWord()) return k;
            last = k;
            city = n;
            k = last + 1;
            n = t.get(k);
        }
        // "Frankfurt (Oder)", "Essen (Oldb.)"
        if (s.at(city.end() + 1) == '('
                && (s.at(n.end()) == ')' || s.at(n.end()) == '.' && s.at(n.end() + 1) == ')')
                && n.capitalized()) return k;
        if (CITY_LINKS.has(n) && n.start() - city.end() == 1 && k + 1 < t.size()) {
            int c = k + 1;
            if (c + 1 < t.size() && CITY_ARTICLES.has(t.get(c))) c++;
            Token name = t.get(c);
            if (name.isWord()
                    && name.capitalized()
                    && !lex.isStopWord(name)
                    && name.start() - t.get(c - 1).end() == 1) {
                return c; // "Freiburg im Breisgau", "Rothenburg ob der Tauber"
            }
        }
        return last;
    }
}
