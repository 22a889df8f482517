package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * The start of a street before what was found, for {@link AddressGrowth}: the street and house number before a
 * postcode ("Sülzgürtel 88, 50937 Köln"), written house number first ("12 Bergstrasse, 10115 Berlin"), an
 * adjective before a street name ("Obere Königstraße") and a flat before the street ("Flat 3, 12 Bergstrasse").
 */
final class StreetStarts {

    private static final WordSet STREET_STARTS = WordSet.of(
            "am", "an", "auf", "im", "in", "unter", "zum", "zur", "hinter", "beim", "vor", "via", "rue", "der",
            "achter", "op", "up", "bi", "to");
    private static final WordSet STREET_LINKS = WordSet.of("de", "der", "den", "dem", "van", "von", "ten", "ter");

    private final Lexicons lex;

    StreetStarts(Lexicons lex) {
        this.lex = lex;
    }

    /** Everyday adjectives that name streets too: "Alte Dorfstraße", "Neue Reihe". */
    private static final WordSet STREET_ADJECTIVES = WordSet.of(
            "alte",
            "alter",
            "neue",
            "neuer",
            "obere",
            "untere",
            "hohe",
            "lange",
            "kleine",
            "grosse",
            "breite",
            "hintere",
            "vordere",
            "innere",
            "mittlere");

    /** "Obere Königstraße", "Weender Landstr.": a capitalized adjective before a street name, or {@code first}. */
    int adjectiveBefore(TextScan s, int first) {
        List<Token> t = s.tokens;
        if (first == 0) return first;
        Token b = t.get(first - 1);
        String f = b.folded();
        // "Neue Mainzer Straße", "Alte Jakobstraße": only the everyday street adjectives before a two-word street
        boolean twoWords = first + 1 < t.size()
                && StreetLexicon.STREET_WORDS.has(t.get(first + 1))
                && STREET_ADJECTIVES.contains(f);
        if (!twoWords && !StreetLexicon.isStreetToken(t.get(first))) return first;
        boolean adjective = f.endsWith("e") || f.endsWith("er") || f.endsWith("es") || f.endsWith("en");
        if (!b.isWord()
                || !b.capitalized()
                || lex.isCommon(f) && !STREET_ADJECTIVES.contains(f)
                || !adjective
                || !NameSpan.joined(s, b, t.get(first))) {
            return first;
        }
        return first - 1;
    }

    /** "Sülzgürtel 88, 50937 Köln": the first token of a street and house number before a postcode, or {@code first}. */
    int streetBefore(TextScan s, int first) {
        List<Token> t = s.tokens;
        int k = first - 1;
        if (k >= 0
                && t.get(k).isWord()
                && t.get(k).length() == 1
                && t.get(k).start() == t.get(k - 1 >= 0 ? k - 1 : k).end()) {
            k--; // "5a"
        }
        if (k < 1 || !t.get(k).isNumber() || t.get(k).length() > 4) return first;
        int numberEnd = t.get(first - 1).end(); // after "5a" its letter
        if (!s.onlyBetween(numberEnd, t.get(first).start(), ",") || t.get(first).start() - numberEnd > 2) {
            return first;
        }
        // "7-9", "12-14": a range of house numbers
        if (k >= 2
                && t.get(k - 1).isNumber()
                && t.get(k - 1).end() + 1 == t.get(k).start()
                && s.at(t.get(k - 1).end()) == '-') k--;
        int square = squareBefore(s, k);
        if (square >= 0) return square;
        int number = k;
        int j = number;
        while (j - 1 >= 0 && number - j < 3) {
            Token w = t.get(j - 1);
            if (!w.isWord() || t.get(j).start() - w.end() != 1 || s.at(w.end()) != ' ' && s.at(w.end()) != '.') break;
            String f = w.folded();
            boolean street = w.capitalized() && (!lex.isCommon(f) || STREET_ADJECTIVES.contains(f))
                    || StreetLexicon.isStreetToken(f);
            // "Achter de Karken 4", "Op de Hööchte 2": a lower-case article inside a street's name
            boolean link = STREET_LINKS.contains(f) && !w.capitalized();
            if (!street && !link && !(STREET_STARTS.contains(f) && w.capitalized())) break;
            j--;
        }
        if (j == number) return first;
        while (j < number && !t.get(j).capitalized() && !StreetLexicon.isStreetToken(t.get(j))) j++;
        return j < number ? j : first;
    }

    private static final WordSet STREET_WORDS = WordSet.of(
            "strasse", "str", "street", "st", "road", "rd", "avenue", "ave", "lane", "allee", "weg", "platz", "gasse",
            "ring", "damm", "ufer", "markt");
    private static final WordSet UNITS = WordSet.of(
            "flat",
            "apt",
            "apartment",
            "suite",
            "unit",
            "room",
            "wohnung",
            "whg",
            "we",
            "app",
            "appartement",
            "zimmer");

    /**
     * "12 Bergstrasse, 10115 Berlin", "41 Schillerstraße, 60313 Frankfurt": a street written the English way, house
     * number first, before a postcode; the first token of the house number, or {@code first}.
     */
    int numberFirstStreetBefore(TextScan s, int first) {
        List<Token> t = s.tokens;
        int k = first - 1;
        if (k < 1 || !t.get(k).isWord() || t.get(first).start() - t.get(k).end() > 2) return first;
        if (!s.onlyBetween(t.get(k).end(), t.get(first).start(), ",")) return first;
        String last = t.get(k).folded();
        int j = k;
        while (j - 1 >= 0
                && k - j < 3
                && t.get(j - 1).isWord()
                && t.get(j).start() - t.get(j - 1).end() == 1) {
            Token w = t.get(j - 1);
            if (!w.capitalized() || lex.isStopWord(w) && !STREET_STARTS.has(w)) break;
            j--;
        }
        boolean street = StreetLexicon.isStreetToken(last)
                || STREET_WORDS.contains(last)
                || STREET_STARTS.has(t.get(j)) && t.get(j).capitalized();
        if (!street) return first;
        Token n = j > 0 ? t.get(j - 1) : null;
        if (n != null && n.isNumber() && n.length() <= 4 && t.get(j).start() - n.end() == 1) return j - 1;
        return first;
    }

    /** "Flat 3, 12 Bergstrasse", "Apt 12B, 5 Karl-Marx-Allee": the unit word before the street's start, or it. */
    static int unitBefore(TextScan s, int first) {
        List<Token> t = s.tokens;
        int k = first - 1;
        if (k < 1 || t.get(first).start() - t.get(k).end() > 2) return first;
        if (!s.onlyBetween(t.get(k).end(), t.get(first).start(), ",")) return first;
        if (t.get(k).isWord()
                && t.get(k).length() <= 2
                && t.get(k - 1).isNumber()
                && t.get(k - 1).end() == t.get(k).start()) {
            k--; // "12B"
        }
        if (k < 1 || !t.get(k).isNumber() || t.get(k).length() > 4) return first;
        Token unit = t.get(k - 1);
        int gap = t.get(k).start() - unit.end();
        if (!unit.isWord() || gap < 1 || gap > 2 || !UNITS.has(unit)) return first;
        return k - 1;
    }

    /**
     * "71 Kingsway, Leeds LS9 8BE", "Via Roma 12, Milano 20121": a street and its house number, either order, before
     * a town that a postcode follows; the street's first token, or {@code first}.
     */
    int streetBeforeTown(TextScan s, int first, int last) {
        List<Token> t = s.tokens;
        if (first < 2
                || first + 1 > last
                || !t.get(first).isWord()
                || !t.get(first).capitalized()) return first;
        Token code = t.get(first + 1);
        boolean postcode = code.isNumber() && code.length() >= 4
                || Character.isUpperCase(s.at(code.start()))
                        && (Chars.isDigit(s.at(code.start() + 1)) || Chars.isDigit(s.at(code.start() + 2)));
        int k = first - 1;
        if (!postcode || !s.onlyBetween(t.get(k).end(), t.get(first).start(), ",")) return first;
        if (t.get(first).start() - t.get(k).end() != 2 || s.at(t.get(k).end()) != ',') return first;
        if (t.get(k).isWord()
                && t.get(k).length() == 1
                && t.get(k).start() == t.get(k - 1).end()) k--; // "12b"
        if (t.get(k).isNumber()) {
            int street = houseNumber(t.get(k)) ? streetWordsBefore(s, k) : k;
            return street < k && namesAStreet(t, street, k) ? street : first;
        }
        int j = k;
        while (j > 0 && k - j < 3 && streetWord(t.get(j)) && NameSpan.joined(s, t.get(j - 1), t.get(j))) j--;
        if (j == k || !t.get(j).isNumber() || !houseNumber(t.get(j))) return first;
        return namesAStreet(t, j + 1, k + 1) ? j : first;
    }

    /** English streets of one word: "Kingsway", "Moorgate", "Fenchurch Row", "Parkside". */
    private static final String[] ENGLISH_ENDINGS = {"way", "gate", "row", "side", "hill", "field", "green", "gardens"};

    /** Tokens {@code from} to {@code to} (exclusive) name a street by a street word or ending ("3 Leute" do not). */
    private static boolean namesAStreet(List<Token> t, int from, int to) {
        for (int i = from; i < to; i++) {
            String f = t.get(i).folded();
            if (STREET_WORDS.contains(f)
                    || AbroadStreetWords.STREET_LAST.contains(f)
                    || StreetLexicon.isStreetToken(f)
                    || StreetEndingsAbroad.endsLikeAStreet(f)) return true;
            for (String ending : ENGLISH_ENDINGS) {
                if (f.length() > ending.length() + 2 && f.endsWith(ending)) return true;
            }
        }
        return false;
    }

    /** The first of one to three street words right before the house number at {@code number}, or {@code number}. */
    private int streetWordsBefore(TextScan s, int number) {
        List<Token> t = s.tokens;
        int j = number;
        while (j > 0
                && number - j < 3
                && streetWord(t.get(j - 1))
                && t.get(j).start() - t.get(j - 1).end() == 1) j--;
        return j;
    }

    private boolean streetWord(Token w) {
        return w.isWord() && w.capitalized() && (!lex.isStopWord(w) || STREET_STARTS.has(w));
    }

    private static boolean houseNumber(Token n) {
        return n.isNumber() && n.length() <= 4 && n.text().charAt(0) != '0';
    }

    /** "Q 7, 24", "N4, 13": a Mannheim square (a letter and a block) before the house number at {@code k}, or -1. */
    private static int squareBefore(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k < 1
                || t.get(k).start() - t.get(k - 1).end() > 2
                || s.at(t.get(k - 1).end()) != ',') return -1;
        Token block = t.get(k - 1);
        if (block.isWord() && block.length() == 2) {
            return square(block.text().charAt(0), block.text().charAt(1)) ? k - 1 : -1;
        }
        if (k < 2 || !block.isNumber() || block.length() != 1) return -1;
        Token letter = t.get(k - 2);
        boolean near = block.start() - letter.end() <= 1 && s.onlyBetween(letter.end(), block.start(), "");
        return letter.length() == 1
                        && near
                        && square(letter.text().charAt(0), block.text().charAt(0))
                ? k - 2
                : -1;
    }

    private static boolean square(char letter, char block) {
        return letter >= 'A' && letter <= 'U' && block >= '1' && block <= '7';
    }
}
