package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Completes the addresses found, as {@link NameGrowth} completes names: a postcode + city takes in the
 * street and house number before it whatever the street is called ("Sülzgürtel 88, 50937 Köln", "Via
 * Roma 12, 39100 Bolzano", "Obere Königstraße 31, …"); a street + house number takes in a postcode +
 * city right after it; a city takes in what belongs to its name ("Freiburg im Breisgau", "Frankfurt
 * (Oder)", "Bad Tölz").
 */
final class AddressGrowth {

    private static final Set<String> STREET_STARTS =
            Set.of("am", "an", "auf", "im", "in", "unter", "zum", "zur", "hinter", "beim", "vor", "via", "rue", "der");
    private static final Set<String> CITY_LINKS = Set.of("im", "am", "an", "ob", "in", "bei", "vor");
    /** First words of towns that need their second: "Bad Kissingen", "Sankt Ingbert", "Lutherstadt Wittenberg". */
    private static final Set<String> CITY_PREFIXES = Set.of(
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

    AddressGrowth(Lexicons lex) {
        this.lex = lex;
    }

    /** {@code found} ordered by start and non-overlapping; returns the same with ADDRESS spans grown. */
    List<Detection> grow(TextScan s, List<Detection> found) {
        List<Detection> result = null;
        for (int d = 0; d < found.size(); d++) {
            Detection a = found.get(d);
            if (a.type() != EntityType.ADDRESS) continue;
            int limitStart = d > 0 ? found.get(d - 1).end() : 0;
            int limitEnd = d + 1 < found.size() ? found.get(d + 1).start() : s.length();
            List<Token> t = s.tokens;
            int first = s.tokenAtOrAfter(a.start());
            int last = s.tokenAtOrAfter(a.end()) - 1;
            if (first > last || first >= t.size()) continue;
            int newLast = houseNumberEnd(s, last) ? postcodeCityAfter(s, last) : last;
            newLast = cityName(s, newLast);
            int newFirst = t.get(first).isNumber() && t.get(first).length() >= 4
                    ? streetBefore(s, first)
                    : adjectiveBefore(s, first);
            if (newFirst == first && t.get(first).isNumber() && t.get(first).length() == 5) {
                newFirst = numberFirstStreetBefore(s, first);
            }
            if (newFirst > 0) newFirst = unitBefore(s, newFirst);
            if (t.get(newFirst).start() < limitStart) newFirst = first;
            if (t.get(newLast).end() > limitEnd) newLast = last;
            if (newFirst == first && newLast == last) continue;
            if (result == null) result = new ArrayList<>(found);
            result.set(
                    d,
                    new Detection(
                            EntityType.ADDRESS,
                            Math.min(a.start(), t.get(newFirst).start()),
                            Math.max(a.end(), t.get(newLast).end()),
                            a.score(),
                            a.canonical()));
        }
        return result == null ? found : result;
    }

    /** "Feldstraße 22 45886 Gelsenkirchen": the token index of the city after a house number, or {@code last}. */
    /** A house number ends the finding: "12", "12a", "2b" (a letter glued to the number). */
    private static boolean houseNumberEnd(TextScan s, int last) {
        List<Token> t = s.tokens;
        if (t.get(last).isNumber()) return true;
        return last > 0
                && t.get(last).length() == 1
                && t.get(last).isWord()
                && t.get(last - 1).isNumber()
                && t.get(last - 1).end() == t.get(last).start();
    }

    private int postcodeCityAfter(TextScan s, int last) {
        List<Token> t = s.tokens;
        int k = last + 1;
        if (k + 1 >= t.size()) return last;
        Token pc = t.get(k);
        Token city = t.get(k + 1);
        // five digits in Germany; four in Austria, Switzerland, Liechtenstein ("Stadtplatz 22, 4780 Schärding")
        boolean fourDigits = pc.length() == 4 && pc.text().charAt(0) != '0' && city.capitalized();
        if (!pc.isNumber()
                || pc.length() != 5 && !fourDigits
                || !s.onlyBetween(t.get(last).end(), pc.start(), ",")) return last;
        if (pc.start() - t.get(last).end() > 2 || !city.isWord() || city.start() - pc.end() != 1) return last;
        return lex.isStopWord(city.folded()) ? last : k + 1;
    }

    private static final Set<String> CITY_ARTICLES = Set.of("der", "dem", "den");

    /** The last token of the city's name starting at {@code last}. */
    private int cityName(TextScan s, int last) {
        List<Token> t = s.tokens;
        Token city = t.get(last);
        if (!city.isWord()) return last;
        int k = last + 1;
        if (k >= t.size() || !t.get(k).isWord()) return last;
        Token n = t.get(k);
        // "Bad Homburg", "Schwäbisch Hall", "Bergisch Gladbach": a town's first word that needs its second, and
        // then maybe a river or region after it ("Bad Homburg vor der Höhe")
        boolean head = CITY_PREFIXES.contains(city.folded()) || city.folded().endsWith("isch") && city.capitalized();
        // "St. Ingbert", "St. Gallen", "Hann. Münden": an abbreviated first word and its dot, not a sentence's end
        boolean dotted = last > 0
                && t.get(last - 1).isNumber()
                && n.start() - city.end() == 2
                && s.at(city.end()) == '.'
                && city.length() <= 4
                && city.capitalized()
                && (city.folded().equals("st") || !lex.isCommon(city.folded()) && !lex.isCity(city.folded()))
                && !lex.isCommon(n.folded());
        if ((head || dotted) && n.capitalized() && (n.start() - city.end() == 1 || dotted)) {
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
        if (CITY_LINKS.contains(n.folded()) && n.start() - city.end() == 1 && k + 1 < t.size()) {
            int c = k + 1;
            if (c + 1 < t.size() && CITY_ARTICLES.contains(t.get(c).folded())) c++;
            Token name = t.get(c);
            if (name.isWord()
                    && name.capitalized()
                    && !lex.isStopWord(name.folded())
                    && name.start() - t.get(c - 1).end() == 1) {
                return c; // "Freiburg im Breisgau", "Rothenburg ob der Tauber"
            }
        }
        return last;
    }

    /** Everyday adjectives that name streets too: "Alte Dorfstraße", "Neue Reihe". */
    private static final java.util.Set<String> STREET_ADJECTIVES = java.util.Set.of(
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
    private int adjectiveBefore(TextScan s, int first) {
        List<Token> t = s.tokens;
        if (first == 0) return first;
        Token b = t.get(first - 1);
        String f = b.folded();
        // "Neue Mainzer Straße", "Alte Jakobstraße": only the everyday street adjectives before a two-word street
        boolean twoWords = first + 1 < t.size()
                && StreetLexicon.STREET_WORDS.contains(t.get(first + 1).folded())
                && STREET_ADJECTIVES.contains(f);
        if (!twoWords && !StreetLexicon.isStreetToken(t.get(first).folded())) return first;
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
    private int streetBefore(TextScan s, int first) {
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
        int number = k;
        int j = number;
        while (j - 1 >= 0 && number - j < 3) {
            Token w = t.get(j - 1);
            if (!w.isWord() || t.get(j).start() - w.end() != 1 || s.at(w.end()) != ' ' && s.at(w.end()) != '.') break;
            String f = w.folded();
            boolean street = w.capitalized() && (!lex.isCommon(f) || STREET_ADJECTIVES.contains(f))
                    || StreetLexicon.isStreetToken(f);
            if (!street && !(STREET_STARTS.contains(f) && w.capitalized())) break;
            j--;
        }
        if (j == number) return first;
        while (j < number
                && !t.get(j).capitalized()
                && !StreetLexicon.isStreetToken(t.get(j).folded())) j++;
        return j < number ? j : first;
    }

    private static final Set<String> STREET_WORDS = Set.of(
            "strasse", "str", "street", "st", "road", "rd", "avenue", "ave", "lane", "allee", "weg", "platz", "gasse",
            "ring", "damm", "ufer", "markt");
    private static final Set<String> UNITS = Set.of(
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
    private int numberFirstStreetBefore(TextScan s, int first) {
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
            if (!w.capitalized() || lex.isStopWord(w.folded()) && !STREET_STARTS.contains(w.folded())) break;
            j--;
        }
        boolean street = StreetLexicon.isStreetToken(last)
                || STREET_WORDS.contains(last)
                || STREET_STARTS.contains(t.get(j).folded()) && t.get(j).capitalized();
        if (!street) return first;
        Token n = j > 0 ? t.get(j - 1) : null;
        if (n != null && n.isNumber() && n.length() <= 4 && t.get(j).start() - n.end() == 1) return j - 1;
        return first;
    }

    /** "Flat 3, 12 Bergstrasse", "Apt 12B, 5 Karl-Marx-Allee": the unit word before the street's start, or it. */
    private static int unitBefore(TextScan s, int first) {
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
        if (!unit.isWord() || gap < 1 || gap > 2 || !UNITS.contains(unit.folded())) return first;
        return k - 1;
    }
}
