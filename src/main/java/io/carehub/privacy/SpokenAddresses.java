package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Parts of an address as speech-to-text writes them, for {@link AddressRules}: a house number said as a word
 * ("Schillerstraße neun a"), a street's adjective in lower case ("krummen straße 17 37073 göttingen"), a town said
 * before the street ("aus Passau Innstraße 44") or in lower case after its postcode, a house number's letter after a
 * space ("Mühlenweg 11 b").
 */
final class SpokenAddresses {

    private static final WordSet DETERMINERS = WordSet.of(
            "meine", "unsere", "eine", "diese", "jene", "keine", "seine", "ihre", "deine", "eure", "welche", "alle");

    private SpokenAddresses() {}

    /** "lange", "krummen", "hohe": a street's adjective as dictation writes it, in lower case; no article or pronoun. */
    static boolean adjective(TextScan.Token w) {
        String f = w.folded();
        return f.length() >= 4 && (f.endsWith("e") || f.endsWith("en") || f.endsWith("er")) && !DETERMINERS.has(w);
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

    /** "11 b": a house number's letter after a space, where nothing else follows but punctuation or a postcode. */
    static boolean spacedLetter(TextScan s, Token letter) {
        char ch = Character.toLowerCase(s.at(letter.start()));
        if (!letter.isWord() || letter.length() != 1 || ch < 'a' || ch > 'h' || s.at(letter.start() - 1) != ' ') {
            return false;
        }
        char after = s.at(letter.end());
        boolean last = letter.end() >= s.length() || ",;!?)".indexOf(after) >= 0 || after == '.';
        if (last || after == ' ' && Chars.isDigit(s.at(letter.end() + 1))) return true;
        return after == ' ' && ch != 'a' && ch != 'e'; // "a" and "e" are words too: only before a comma or the end
    }

    /** "lange straße 17 31582 nienburg": after a street and house number, a postcode's town in lower case. */
    static int lowerCaseTown(TextScan s, Lexicons lex, int k) {
        List<Token> t = s.tokens;
        if (k + 1 >= t.size() || !t.get(k).isNumber() || t.get(k).length() != 5) return -1;
        Token town = t.get(k + 1);
        if (!town.isWord() || town.capitalized() || town.start() - t.get(k).end() != 1) return -1;
        return lex.isStopWord(town) || lex.isCommon(town) && !lex.isCity(town) ? -1 : k + 2;
    }
}
