package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * What around a German street and house number says it is (or is not) a customer's address, for {@link
 * AddressRules}: a village's part after the house number, the company's shop before the street, a postcode alone after
 * a verb of living, an adjective inside a street's name.
 */
final class AddressCues {

    private AddressCues() {}

    private static final WordSet VILLAGE_PARTS = WordSet.of("ot", "ortsteil");

    /**
     * "Im Winkel 5, OT Klein Lukow": the village's part named after the house number says the words before were a
     * street, as a postcode after it would.
     */
    static boolean villagePartAfter(TextScan s, int k) {
        List<Token> t = s.tokens;
        return k < t.size()
                && VILLAGE_PARTS.has(t.get(k))
                && s.onlyBetween(t.get(k - 1).end(), t.get(k).start(), ",");
    }

    private static final WordSet COMPANY_PLACES = WordSet.of("shop");
    private static final WordSet PLACE_LINKS = WordSet.of("am", "an", "im", "in", "der", "ist", "auf");

    /**
     * "Wann hat der Shop Königstraße 27 in Stuttgart offen?", "im Shop am Marktplatz 3": a street named right
     * after the company's shop, without a postcode, says where the company is, not where the customer lives. Only
     * the word itself ("Barbershop" is the customer's own), at most three linking words between, and only when no
     * postcode follows (the caller's test).
     */
    static boolean companyPlaceBefore(TextScan s, int i) {
        List<Token> t = s.tokens;
        for (int j = i - 1; j >= 0 && j >= i - 4; j--) {
            if (COMPANY_PLACES.has(t.get(j))) return true;
            if (!PLACE_LINKS.has(t.get(j))) return false;
        }
        return false;
    }

    static final WordSet LIVING = WordSet.of("wohne", "wohnen", "wohnt", "wohnhaft", "live", "lebe", "leben");

    /**
     * "wohne in 04109", "wir wohnen in 80331 und ...": a postcode given alone after a verb of living and "in" is
     * where the customer lives, as "PLZ 12345" is. The five digits must stand alone (not a phone's or a date's part).
     */
    static boolean postcodeAlone(TextScan s, int k) {
        List<Token> t = s.tokens;
        return k + 1 < t.size()
                && t.get(k).folded().equals("in")
                && AddressRules.isPostcode(s, k + 1)
                && !Chars.isDigit(s.at(t.get(k + 1).end() + 1));
    }

    /**
     * An inflected adjective written capitalized inside a street's name and followed by the capitalized noun:
     * "Alten" in "An der Alten Ziegelei 12", "Hohen" in "Am Hohen Rain 4", "Neuen" in "Zur Neuen Mühle 1". Only
     * the endings "-en", "-er", "-e" of a German adjective after an article or a preposition; the noun and the
     * house number are still checked by the caller.
     */
    static boolean adjective(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k + 1 >= t.size()
                || !t.get(k).isWord()
                || !t.get(k).capitalized()
                || t.get(k).length() < 4) return false;
        Token noun = t.get(k + 1);
        if (!noun.isWord() || !noun.capitalized() || noun.start() - t.get(k).end() != 1) return false;
        // "In Leipziger Straße 14", "IN DER GROSSE ELBSTRASSE": a street word's own name, read from the adjective on
        if (StreetLexicon.isStreetToken(noun) || StreetLexicon.STREET_WORDS.has(noun)) return false;
        if (!Character.isLowerCase(t.get(k).text().charAt(1))) return false;
        String f = t.get(k).folded();
        return f.endsWith("en") || f.endsWith("er") || f.endsWith("e");
    }
}
