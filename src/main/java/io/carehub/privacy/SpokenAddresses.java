package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;

/**
 * Parts of an address as speech-to-text writes them, for {@link AddressRules}: a house number said as a word
 * ("Schillerstraße neun a"), a street's adjective in lower case ("krummen straße 17 37073 göttingen") and a town said
 * before the street ("aus Passau Innstraße 44").
 */
final class SpokenAddresses {

    private static final Set<String> DETERMINERS = Set.of(
            "meine", "unsere", "eine", "diese", "jene", "keine", "seine", "ihre", "deine", "eure", "welche", "alle");

    private SpokenAddresses() {}

    /** "lange", "krummen", "hohe": a street's adjective as dictation writes it, in lower case; no article or pronoun. */
    static boolean adjective(String f) {
        return f.length() >= 4 && (f.endsWith("e") || f.endsWith("en") || f.endsWith("er")) && !DETERMINERS.contains(f);
    }

    /** "aus Passau Innstraße 44": a listed town said right before the street, without a postcode after; its start. */
    static int townBefore(TextScan s, int i) {
        Token street = s.tokens.get(i);
        if (i == 0) return street.start();
        Token town = s.tokens.get(i - 1);
        boolean listed = town.isWord()
                && town.capitalized()
                && (town.lexicon() & Lexicons.CITY) != 0
                && !(i > 1 && s.tokens.get(i - 2).isNumber()); // "20095 Hamburg, …": the postcode's town
        return listed && s.onlyBetween(town.end(), street.start(), "") ? town.start() : street.start();
    }

    /** A house number dictated as a word, with its letter: "Schillerstraße neun a 04109 Leipzig" (a postcode must follow). */
    static int houseNumber(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k >= t.size()
                || k == 0
                || !t.get(k).isWord()
                || !s.onlyBetween(t.get(k - 1).end(), t.get(k).start(), ",")) {
            return -1;
        }
        int n = NumberWords.german(t.get(k).folded());
        if (n < 1 || n > 99) return -1;
        int end = k + 1;
        if (end < t.size()
                && t.get(end).isWord()
                && t.get(end).length() == 1
                && t.get(end).start() - t.get(k).end() <= 1) end++;
        return end;
    }
}
