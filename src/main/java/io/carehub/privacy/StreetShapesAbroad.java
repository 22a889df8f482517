package io.carehub.privacy;

import static io.carehub.privacy.AbroadStreetWords.STREET_FIRST;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Small shape tests {@link AddressesAbroad} asks while it reads a street abroad: a quoted street name, a number soon
 * after a name, a hyphenated French main street, a flat or unit written before the street.
 */
final class StreetShapesAbroad {

    private StreetShapesAbroad() {}

    /** Quotation marks around a street's name, as Bulgarian and Russian write it: „Витоша“, «Ленина». */
    static final String QUOTES = "„“”«»\"";

    /** A street word's dot and blank, then the quote that opens the name: "ул. „". */
    static boolean quoted(TextScan s, int from, int to) {
        return to - from <= 3 && to > from && QUOTES.indexOf(s.at(to - 1)) >= 0 && s.onlyBetween(from, to - 1, ".");
    }

    /** A number among the next five tokens: without one, no street written name first can end here. */
    static boolean numberSoon(List<Token> t, int i) {
        for (int k = i + 1; k < t.size() && k <= i + 5; k++) {
            if (t.get(k).isNumber()) return true;
        }
        return false;
    }

    /**
     * "Grand-Rue", "Grande-Rue", "Haute-Rue": a French street word joined to the adjective before it is the whole
     * street's name, as the main street of many towns in France, Wallonia, Romandie and Luxembourg is called.
     */
    static boolean hyphenatedStreetWord(String folded) {
        int dash = folded.indexOf('-');
        return dash > 0
                && MAIN_STREET_ADJECTIVES.contains(folded.substring(0, dash))
                && STREET_FIRST.contains(folded.substring(dash + 1));
    }

    /** The adjectives of hyphenated French street names: "Grand-Rue", "Haute-Rue", "Petite-Rue", "Vieille-Rue". */
    private static final WordSet MAIN_STREET_ADJECTIVES =
            WordSet.of("grand", "grande", "haute", "basse", "petite", "vieille", "neuve", "belle");

    /** The start of "Apt 12B, " right before {@code start}, or {@code start}. */
    static int unitBefore(TextScan s, int start) {
        int comma = start - 1;
        while (comma > 0 && s.at(comma) == ' ') comma--;
        if (s.at(comma) != ',' || start - comma > 2) return start;
        int k = s.tokenAtOrAfter(start);
        for (int j = Math.max(0, k - 3); j < k; j++) {
            Token unit = s.tokens.get(j);
            if (unit.isWord() && unit.length() > 1 && AbroadSegments.unit(s, unit.start()) == comma)
                return unit.start();
        }
        return start;
    }
}
