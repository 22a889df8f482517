package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes the addresses found, as {@link NameGrowth} completes names: a postcode + city takes in the
 * street and house number before it whatever the street is called ("Sülzgürtel 88, 50937 Köln", "Via
 * Roma 12, 39100 Bolzano", "Obere Königstraße 31, …"); a street + house number takes in a postcode +
 * city right after it; a city takes in what belongs to its name ("Freiburg im Breisgau", "Frankfurt
 * (Oder)", "Bad Tölz").
 */
final class AddressGrowth {

    private final Lexicons lex;
    private final CityNames cities;
    private final StreetStarts streets;

    AddressGrowth(Lexicons lex) {
        this.lex = lex;
        this.cities = new CityNames(lex);
        this.streets = new StreetStarts(lex);
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
            newLast = cities.cityName(s, newLast);
            int newFirst = t.get(first).isNumber() && t.get(first).length() >= 4
                    ? streets.streetBefore(s, first)
                    : streets.adjectiveBefore(s, first);
            if (newFirst == first && t.get(first).isNumber() && t.get(first).length() == 5) {
                newFirst = streets.numberFirstStreetBefore(s, first);
            }
            if (newFirst == first) newFirst = streets.streetBeforeTown(s, first, last);
            if (newFirst > 0) newFirst = StreetStarts.unitBefore(s, newFirst);
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
        return CityQualifiers.extend(s, result == null ? found : result);
    }

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

    /** "Feldstraße 22 45886 Gelsenkirchen": the token index of the city after a house number, or {@code last}. */
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
        return lex.isStopWord(city) && !CityQualifiers.bracketAfter(s, city.end()) ? last : k + 1;
    }
}
