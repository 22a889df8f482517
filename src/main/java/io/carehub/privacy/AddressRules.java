package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Postal addresses (ADDRESS), as one span: street + house number ("Lindenstraße 12a",
 * "Berliner Str. 45", "Am Weiher 3", "221B Baker Street"), optionally followed by postcode + city;
 * or postcode + city alone ("10115 Berlin"); or a postcode after "PLZ". The street, postcode and city patterns
 * extend one span together, so they stay one scanner; the street-name lexicon is {@link StreetLexicon}.
 */
final class AddressRules implements Scanner {

    private static final WordSet PREFIXES =
            WordSet.of("am", "an", "auf", "im", "unter", "zum", "zur", "hinter", "beim", "vor", "in");
    private static final WordSet ARTICLES = WordSet.of("der", "den", "dem", "die", "das");
    private static final WordSet ADDRESS_CONTEXT = WordSet.of(
            "wohne",
            "wohnen",
            "wohnt",
            "wohn",
            "adresse",
            "anschrift",
            "wohnhaft",
            "lieferadresse",
            "rechnungsadresse",
            "anschlussadresse",
            "umgezogen",
            "live",
            "address",
            "moved",
            "haus",
            "hause",
            "filiale",
            "wohnung",
            // where a village's part is named first ("Gemeinde Zarrentin OT Boize, Am Anger 3"), or the street is
            // announced ("Straße ist Beim Alten Forsthaus 2")
            "ot",
            "ortsteil",
            "gemeinde",
            "strasse",
            "klingel",
            "neubaugebiet",
            "neubau");

    private final Lexicons lex;

    AddressRules(Lexicons lex) {
        this.lex = lex;
    }

    private static final WordSet COPULAS = WordSet.of("ist", "is", "lautet");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        int covered = 0;
        for (int i = 0; i < t.size(); i++) {
            if (i < covered) continue;
            int streetEnd = street(s, i);
            if (streetEnd > i) {
                int numberEnd = houseNumber(s, streetEnd);
                int spoken = numberEnd > streetEnd ? -1 : SpokenAddresses.houseNumber(s, streetEnd);
                if (spoken > streetEnd && postcodeCity(s, afterComma(s, spoken)) > 0) numberEnd = spoken;
                if (numberEnd > streetEnd) {
                    int end = postcodeCityAfterNumber(s, afterComma(s, numberEnd));
                    if (end < 0) end = cityAfterComma(s, numberEnd);
                    int last = end > 0 ? end : numberEnd;
                    if (end < 0 && AddressCues.companyPlaceBefore(s, i)) {
                        covered = last; // "im Shop Hauptstraße 88 in Heilbronn": where the company sells
                        continue;
                    }
                    out.add(new Detection(
                            EntityType.ADDRESS,
                            end > 0 ? t.get(i).start() : SpokenAddresses.townBefore(s, i),
                            t.get(last - 1).end(),
                            0.85));
                    covered = last;
                    continue;
                }
            }
            if (t.get(i).isNumber() && t.get(i).length() >= 1 && t.get(i).length() <= 4 && englishStreet(s, i) > i) {
                int end = englishStreet(s, i);
                int cityEnd = cityAfterComma(s, end);
                int last = cityEnd > 0 ? cityEnd : end;
                out.add(new Detection(
                        EntityType.ADDRESS, t.get(i).start(), t.get(last - 1).end(), 0.8));
                covered = last;
                continue;
            }
            int end = postcodeCity(s, i);
            if (end > i) {
                out.add(new Detection(
                        EntityType.ADDRESS, t.get(i).start(), t.get(end - 1).end(), 0.8));
                covered = end;
                continue;
            }
            String f = t.get(i).folded();
            int p = i + 1 < t.size() && COPULAS.has(t.get(i + 1)) ? i + 2 : i + 1;
            if ((f.equals("plz") || f.equals("postleitzahl")) && p < t.size() && isPostcode(s, p)) {
                int last = Math.max(p + 1, postcodeCity(s, p)); // "plz 50667 köln": the town too
                out.add(new Detection(
                        EntityType.ADDRESS, t.get(p).start(), t.get(last - 1).end(), 0.8));
                covered = last;
            } else if (AddressCues.LIVING.has(t.get(i))
                    && AddressCues.postcodeAlone(s, i + 1)
                    && postcodeCity(s, i + 2) < 0) {
                out.add(new Detection(
                        EntityType.ADDRESS, t.get(i + 2).start(), t.get(i + 2).end(), 0.75));
                covered = i + 3;
            } else if (f.equals("postfach") && i + 1 < t.size() && t.get(i + 1).isNumber()) {
                int j = i + 1;
                while (j + 1 < t.size()
                        && t.get(j + 1).isNumber()
                        && t.get(j + 1).start() - t.get(j).end() == 1
                        && j - i < 4) j++;
                int pc = postcodeCity(s, afterComma(s, j + 1));
                int last = pc > 0 ? pc : j + 1;
                out.add(new Detection(
                        EntityType.ADDRESS, t.get(i).start(), t.get(last - 1).end(), 0.8));
                covered = last;
            }
        }
    }

    /** "krummen straße 17 37073 göttingen": a house number, then a postcode and its town. */
    private boolean postcodeAfterNumber(TextScan s, int k) {
        int numberEnd = houseNumber(s, k);
        return numberEnd > k && postcodeCityAfterNumber(s, afterComma(s, numberEnd)) > 0;
    }

    /** Token index after a street name starting at i, or -1. */
    private int street(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token a = t.get(i);
        if (!a.isWord()) return -1;
        String f = a.folded();
        if (StreetLexicon.isStreetToken(a)) return afterDot(s, i + 1);
        // "Berliner Str.", "Schönhauser Allee", "Kleiner Weg"; dictated in lower case with its postcode after
        if ((a.capitalized() || SpokenAddresses.adjective(a))
                && i + 1 < t.size()
                && t.get(i + 1).isWord()
                && StreetLexicon.STREET_WORDS.has(t.get(i + 1))
                && t.get(i + 1).start() - a.end() == 1
                && (a.capitalized()
                        ? !lex.isStopWord(f)
                        : SpokenAddresses.adjective(a) && postcodeAfterNumber(s, i + 2))) {
            return afterDot(s, i + 2);
        }
        // "Am Weiher 3", "Unter den Linden 77" — only with address context or a postcode after
        if (PREFIXES.has(a) && a.capitalized()) {
            int k = i + 1;
            if (k < t.size() && ARTICLES.has(t.get(k))) k++;
            if (AddressCues.adjective(s, k)) k++; // "An der Alten Ziegelei 12", "Beim Alten Forsthaus 2"
            if (k < t.size()
                    && t.get(k).isWord()
                    && t.get(k).capitalized()
                    && !lex.isStopWord(t.get(k))
                    && !t.get(k).folded().equals("nr")) { // "AUF NR. 14": a number, not "Auf dem Kamp 8"
                int numberEnd = houseNumber(s, k + 1);
                if (numberEnd > k + 1
                        && (Context.anyWordBefore(s, a.start(), 6, 60, ADDRESS_CONTEXT::has)
                                || AddressCues.villagePartAfter(s, numberEnd)
                                || postcodeCityAfterNumber(s, afterComma(s, numberEnd)) > 0)) {
                    return k + 1;
                }
            }
        }
        return -1;
    }

    private static int afterDot(TextScan s, int k) {
        return k;
    }

    private static final WordSet UNIT_WORDS = WordSet.of(
            "euro", "eur", "gb", "mb", "mbit", "min", "minuten", "stunden", "tage", "monate", "uhr", "x", "ghz");

    /** Token index after "12", "12a", "3-5", "40-42", "12 a", or -1. */
    private int houseNumber(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k >= t.size()) return -1;
        if (k + 1 < t.size()
                && t.get(k).folded().equals("nr")
                && t.get(k + 1).isNumber()
                && (k == 0 || s.onlyBetween(t.get(k - 1).end(), t.get(k).start(), ","))
                && s.onlyBetween(t.get(k).end(), t.get(k + 1).start(), ".")) {
            return houseNumber(s, k + 1); // "Weinbergweg Nr. 7"
        }
        Token n = t.get(k);
        int prevEnd = k > 0 ? t.get(k - 1).end() : 0;
        if (!n.isNumber() || n.length() > 4 || n.text().charAt(0) == '0' || n.start() - prevEnd > 3) return -1;
        if (!s.onlyBetween(prevEnd, n.start(), ".,")) return -1;
        int end = letterAfter(s, k + 1);
        if (end == k + 1 && end < t.size() && SpokenAddresses.spacedLetter(s, t.get(end))) end++; // "Mühlenweg 11 b"
        else if (end < t.size()
                && t.get(end).isNumber()
                && t.get(end).start() == t.get(end - 1).end() + 1
                && (s.at(t.get(end - 1).end()) == '-' || s.at(t.get(end - 1).end()) == '/')
                && t.get(end).length() <= 4) end = letterAfter(s, end + 1); // "3-5", "7a-7c"
        else if (end + 1 < t.size()
                && t.get(end).text().equals("1")
                && t.get(end + 1).text().equals("2")
                && s.onlyBetween(t.get(end - 1).end(), t.get(end).start(), "")
                && t.get(end).end() + 1 == t.get(end + 1).start()
                && s.at(t.get(end).end()) == '/') end += 2; // "4 1/2"
        if (end < t.size()) {
            Token after = t.get(end);
            if (after.isWord()
                    && after.start() - t.get(end - 1).end() <= 1
                    && lex.isStopWord(after)
                    && UNIT_WORDS.has(after)) {
                return -1;
            }
            if (after.isNumber()
                    && after.start() - t.get(end - 1).end() == 1
                    && ",.".indexOf(s.at(t.get(end - 1).end())) >= 0) {
                return -1; // 39,95 or 12.03.
            }
        }
        return end;
    }

    /** The token index after a house number's letter written right after it ("7a"), or {@code k}. */
    private static int letterAfter(TextScan s, int k) {
        List<Token> t = s.tokens;
        return k < t.size()
                        && t.get(k).isWord()
                        && t.get(k).length() == 1
                        && t.get(k).start() == t.get(k - 1).end()
                ? k + 1
                : k;
    }

    /** "in", or the comma dictated as "Komma" ("Ulmenweg 3 Komma 97070 Würzburg"), before the postcode. */
    private static int afterComma(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k < t.size()
                && t.get(k).isWord()
                && (t.get(k).folded().equals("in") || t.get(k).folded().equals("komma"))) return k + 1;
        return k;
    }

    static boolean isPostcode(TextScan s, int k) {
        Token n = s.tokens.get(k);
        if (!n.isNumber() || n.length() != 5) return false;
        if (" -/.".indexOf(s.at(n.start() - 1)) >= 0
                && Chars.isDigit(s.at(n.start() - 2))
                && !ScannedLetters.postcodeAfterNumber(s, k)) return false;
        return !(".,-/".indexOf(s.at(n.end())) >= 0 && Chars.isDigit(s.at(n.end() + 1)));
    }

    /** "Am Hang 11 35390 Gießen": after a house number the postcode may follow without a comma. */
    private int postcodeCityAfterNumber(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k > 0
                && k < t.size()
                && t.get(k).isNumber()
                && t.get(k).length() == 5
                && t.get(k - 1).isNumber()
                && t.get(k).start() - t.get(k - 1).end() == 1
                && s.at(t.get(k - 1).end()) == ' ') {
            int end = cityAfter(s, k);
            return end > 0 ? end : SpokenAddresses.lowerCaseTown(s, lex, k);
        }
        int end = postcodeCity(s, k);
        return end > 0 || k >= s.tokens.size() || !isPostcode(s, k) ? end : SpokenAddresses.lowerCaseTown(s, lex, k);
    }

    /** Token index after "10115 Berlin" starting at k, or -1. */
    private int postcodeCity(TextScan s, int k) {
        if (k + 1 >= s.tokens.size() || !isPostcode(s, k)) return -1;
        return cityAfter(s, k);
    }

    /** Token index after the town following the postcode at k, or -1. */
    private int cityAfter(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k + 1 >= t.size()) return -1;
        Token city = t.get(k + 1);
        if (!city.isWord()
                || city.start() - t.get(k).end() != 1
                || s.at(t.get(k).end()) != ' ') return -1;
        String f = city.folded();
        boolean known = lex.isCity(f) || lex.isCity(f.split("-")[0]);
        // "17192 Waren (Müritz)": a town that is also an everyday word, said to be one by its bracketed part
        boolean bracketed = city.capitalized() && CityQualifiers.bracketAfter(s, city.end());
        if (!known && !bracketed && !(city.capitalized() && !lex.isStopWord(f))) return -1;
        int end = k + 2;
        // "Frankfurt am Main", "Halle (Saale)", "Berlin-Mitte"; longer towns grow in AddressGrowth.cityName
        if (end + 1 < t.size()
                && t.get(end).folded().equals("am")
                && t.get(end + 1).capitalized()) end += 2;
        return end;
    }

    /** ", London" after an English street. */
    private int cityAfterComma(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k >= t.size() || k == 0) return -1;
        Token city = t.get(k);
        if (!city.isWord() || !lex.isCity(city) || !s.onlyBetween(t.get(k - 1).end(), city.start(), ",")) return -1;
        return k + 1;
    }

    private static final WordSet ENGLISH_STREET_WORDS =
            WordSet.of("street", "road", "avenue", "lane", "drive", "square", "place", "close", "crescent");

    /** "221B Baker Street" → token index after "Street", or -1. */
    private int englishStreet(TextScan s, int i) {
        List<Token> t = s.tokens;
        int k = i + 1;
        if (k < t.size()
                && t.get(k).isWord()
                && t.get(k).length() == 1
                && t.get(k).start() == t.get(i).end()) k++;
        int words = 0;
        while (k < t.size()
                && words < 3
                && t.get(k).isWord()
                && t.get(k).capitalized()
                && (words == 0 || NameSpan.joined(s, t.get(k - 1), t.get(k)))) { // not "12 Euro, Avenue"
            if (words > 0 && ENGLISH_STREET_WORDS.has(t.get(k))) {
                return k + 1;
            }
            words++;
            k++;
        }
        return -1;
    }
}
