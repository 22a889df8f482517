package io.carehub.privacy;

import static io.carehub.privacy.AbroadStreetWords.DIRECTIONS;
import static io.carehub.privacy.AbroadStreetWords.LOWER_CASE_OK;
import static io.carehub.privacy.AbroadStreetWords.NAME_LINKS;
import static io.carehub.privacy.AbroadStreetWords.NUMBER_WORDS;
import static io.carehub.privacy.AbroadStreetWords.STREET_AFTER;
import static io.carehub.privacy.AbroadStreetWords.STREET_FIRST;
import static io.carehub.privacy.AbroadStreetWords.STREET_LAST;
import static io.carehub.privacy.StreetEndingsAbroad.endsLikeAStreet;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * A whole address abroad (ADDRESS), as people who move across a border write it: a street with its number in the
 * order of its country ("Str. Memorandumului nr. 28", "вул. Шевченка 25", "9, Rue de la Gare", "1187 Queen Street
 * West", "5 Karl-Marx-Allee"), a flat before or after it ("Apt 12B, …", "…, ap. 4"), then up to four comma-separated
 * pieces: a district ("Clontarf"), a postcode and town in the country's format ({@link AbroadSegments}). A street
 * without a number, or a town alone, is no address.
 */
final class AddressesAbroad implements Scanner {

    private static final int MAX_PIECES = 4;
    private static final double SCORE = 0.85;

    private final Lexicons lex;

    AddressesAbroad(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            int streetEnd = townFirst(s, i);
            if (streetEnd < 0) streetEnd = postcodeTownFirst(s, i);
            if (streetEnd < 0) streetEnd = street(s, i);
            if (streetEnd < 0) {
                int piece = postcodePiece(s, t.get(i));
                if (piece > 0)
                    out.add(new Detection(EntityType.ADDRESS, t.get(i).start(), piece, 0.75));
                continue;
            }
            int start = t.get(i).start();
            for (int before = StreetShapesAbroad.unitBefore(s, start);
                    before < start;
                    before = StreetShapesAbroad.unitBefore(s, start)) start = before;
            int end = tail(s, HouseNumbersAbroad.floorAndDoor(s, streetEnd));
            out.add(new Detection(EntityType.ADDRESS, start, end, SCORE));
            i = s.tokenAtOrAfter(end) - 1;
        }
    }

    /** The end of a street with its number starting at token i, in any of the orders below, or -1. */
    private int street(TextScan s, int i) {
        List<Token> t = s.tokens;
        int end = t.get(i).isNumber() ? numberFirst(s, i) : streetWordFirst(s, i);
        if (end < 0 && t.get(i).isWord() && t.get(i).capitalized() && StreetShapesAbroad.numberSoon(t, i))
            end = nameFirst(s, i);
        return end;
    }

    /**
     * The town first, then a comma and the street, as Russian, Kazakh and Armenian addresses are written: "г. Омск,
     * ул. Ленина, д. 15", "ք. Գյումրի, Շիրակացու 8", "Երևան, Աբովյան փ. 24". After the word for town ("г.", "м.",
     * "гр.", "ք.") the street needs only capitalized words and a number; a town without that word needs a street
     * word, must be a word of the street's script that is no everyday word, and must not go on a sentence in that
     * script (the word before it is of another script, or there is none). The end of the street, or -1.
     */
    private int townFirst(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token w = t.get(i);
        if (!w.isWord() || !StreetShapesAbroad.numberSoon(t, i)) return -1;
        int townEnd = AbroadSegments.markedTown(s, lex, w.start());
        boolean marked = townEnd > 0;
        if (!marked) {
            if (!w.capitalized() || w.text().charAt(0) < 0x370 || lex.isCommon(w)) return -1;
            if (i > 0 && t.get(i - 1).isWord() && sameScript(t.get(i - 1), w)) return -1;
            townEnd = w.end();
        }
        if (s.at(townEnd) != ',' || s.at(townEnd + 1) != ' ') return -1;
        int k = s.tokenAtOrAfter(townEnd + 2);
        if (k >= t.size() || t.get(k).start() != townEnd + 2) return -1;
        if (!marked && !sameScript(t.get(k), w)) return -1;
        int end = street(s, k);
        if (end > 0 || !marked) return end;
        int j = k;
        while (j < t.size()
                && j - k < 3
                && t.get(j).isWord()
                && t.get(j).capitalized()
                && (j == k || NameSpan.joined(s, t.get(j - 1), t.get(j)))) j++;
        return j > k ? HouseNumbersAbroad.houseNumber(s, j, t.get(j - 1).end()) : -1;
    }

    /**
     * Postcode and town first, then a comma and the street, as Hungarian addresses are written: "1052 Budapest, Váci
     * utca 12.", "4025 Debrecen, Piac utca 20". The end of the street, or -1.
     */
    private int postcodeTownFirst(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token code = t.get(i);
        if (!code.isNumber() || code.length() != 4 || s.at(code.end()) != ' ' || !StreetShapesAbroad.numberSoon(t, i))
            return -1;
        int townEnd = AbroadSegments.postcodeTown(s, lex, code.start());
        if (townEnd < 0 || s.at(townEnd) != ',' || s.at(townEnd + 1) != ' ') return -1;
        int k = s.tokenAtOrAfter(townEnd + 2);
        if (k >= t.size() || t.get(k).start() != townEnd + 2 || !t.get(k).isWord()) return -1;
        return street(s, k);
    }

    private static boolean sameScript(Token a, Token b) {
        return Character.UnicodeScript.of(a.text().charAt(0))
                == Character.UnicodeScript.of(b.text().charAt(0));
    }

    /**
     * A postcode and town whose format alone says so, without a street ("A-1060 Wien", "1015 CX Amsterdam",
     * "Springfield, IL 62704", "Hamilton, ON L8N 1B5"): its end, or -1. A street found next to it joins it.
     */
    private int postcodePiece(TextScan s, Token w) {
        char next = s.at(w.end());
        if (w.isWord() && w.length() <= 3 && next == '-' && Chars.isDigit(s.at(w.end() + 1)) && w.capitalized()) {
            return AbroadSegments.postcodeTown(s, lex, w.start()); // "L-1110", "CH-8001"
        }
        if (w.isNumber()
                && w.length() == 4
                && next == ' '
                && Character.isUpperCase(s.at(w.end() + 1))
                && Character.isUpperCase(s.at(w.end() + 2))
                && s.at(w.end() + 3) == ' ') {
            return AbroadSegments.postcodeTown(s, lex, w.start()); // "1015 CX Amsterdam"
        }
        if (w.isWord()
                && w.capitalized()
                && next == ','
                && Character.isUpperCase(s.at(w.end() + 2))
                && Character.isUpperCase(s.at(w.end() + 3))
                && s.at(w.end() + 4) == ' ') {
            return AbroadSegments.townPostcode(s, lex, w.start()); // "Springfield, IL 62704"
        }
        return -1;
    }

    /** "вул. Шевченка 25", "Str. Memorandumului nr. 28", "Calle del Prado 7": the end of the number, or -1. */
    private int streetWordFirst(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token w = t.get(i);
        if (!w.isWord() || !STREET_FIRST.has(w) || i > 0 && s.at(w.start() - 1) == '.') return -1;
        boolean dot = s.at(w.end()) == '.';
        if (w.length() <= 2 && !dot || !w.capitalized() && !dot && !LOWER_CASE_OK.has(w)) return -1;
        int k = i + 1;
        int names = 0;
        while (k < t.size()
                && k - i <= 5
                && t.get(k).isWord()
                && (t.get(k).start() - t.get(k - 1).end() <= 2
                        || StreetShapesAbroad.quoted(
                                s, t.get(k - 1).end(), t.get(k).start()))) {
            Token n = t.get(k);
            if (NUMBER_WORDS.has(n) && names > 0) break;
            if (n.capitalized() && !lex.isStopWord(n) || AbroadStreetWords.elidedName(n)) names++;
            else if (!NAME_LINKS.has(n) && !lowerNameWord(s, w, k)) break; // "Avenida de la Costa Blanca"
            k++;
        }
        if (names == 0 || k >= t.size()) return -1;
        boolean numberWord = t.get(k).isWord() && NUMBER_WORDS.has(t.get(k));
        if (numberWord) k++;
        int after = t.get(k - 1).end();
        if (StreetShapesAbroad.QUOTES.indexOf(s.at(after)) >= 0)
            after++; // "ул. „Цар Симеон“ 112": the name's closing quote
        if (numberWord && s.at(after) == '°') after++; // "Avenue Hassan II, n° 144": the French number sign
        return HouseNumbersAbroad.houseNumber(s, k, after);
    }

    /** South Slavic street words whose names keep lower-case words: "Ulica Matice hrvatske 12", "Trg bana Jelačića 3". */
    private static final WordSet SLAVIC_STREETS = WordSet.of("ulica", "trg");

    /**
     * "Ulica Matice hrvatske 12", "Ulica kralja Zvonimira 5": after a South Slavic street word a lower-case word that is
     * no stop word stays in the name when a capitalized word or the house number follows it.
     */
    private boolean lowerNameWord(TextScan s, Token street, int k) {
        List<Token> t = s.tokens;
        if (!SLAVIC_STREETS.has(street) || k + 1 >= t.size() || lex.isStopWord(t.get(k))) return false;
        Token next = t.get(k + 1);
        return next.start() - t.get(k).end() == 1 && (next.isNumber() || next.isWord() && next.capitalized());
    }

    /** "Atatürk Cad. No: 15", "Petőfi utca 5", "Kalverstraat 92", "Storgatan 12": the end of the number, or -1. */
    private int nameFirst(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (!t.get(i).capitalized()
                || lex.isCommon(t.get(i))
                || i > 0 && s.at(t.get(i).start() - 1) == '-') {
            return -1;
        }
        int k = i;
        while (k < t.size()
                && k - i < 3
                && t.get(k).isWord()
                && (k == i || NameSpan.joined(s, t.get(k - 1), t.get(k)))) {
            String f = t.get(k).folded();
            boolean word = k > i && STREET_AFTER.contains(f);
            if (word || t.get(k).capitalized() && endsLikeAStreet(f)) {
                int n = k + 1;
                if (n < t.size() && t.get(n).isWord() && NUMBER_WORDS.has(t.get(n))) n++;
                return n < t.size()
                        ? HouseNumbersAbroad.houseNumber(
                                s, n, t.get(n - 1).end() + (s.at(t.get(n - 1).end()) == ':' ? 1 : 0))
                        : -1;
            }
            boolean link = k > i && NAME_LINKS.contains(f); // "Jacob van Lennepstraat"
            if (!link && (!t.get(k).capitalized() || lex.isStopWord(f))) return -1;
            k++;
        }
        return -1;
    }

    /** "9, Rue de la Gare", "1187 Queen Street West", "5 Karl-Marx-Allee": the end of the street's name, or -1. */
    private int numberFirst(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token number = t.get(i);
        if (number.length() > 4 || number.text().charAt(0) == '0' || i + 1 >= t.size()) return -1;
        if (i > 0 && ".,/:-".indexOf(s.at(number.start() - 1)) >= 0 && Chars.isDigit(s.at(number.start() - 2))) {
            return -1; // part of a date, an amount or a phone number
        }
        int k = i + 1;
        if (t.get(k).isWord() && t.get(k).length() == 1 && t.get(k).start() == number.end()) k++; // "12B"
        else if (k + 1 < t.size()
                && REPEATS.has(t.get(k))
                && ", ".indexOf(s.at(t.get(k).end())) >= 0) {
            k++; // "3 bis avenue", "23 bis, boulevard de Strasbourg"
        }
        if (k >= t.size()
                || !t.get(k).isWord()
                || !s.onlyBetween(t.get(k - 1).end(), t.get(k).start(), ", ")) {
            return -1;
        }
        if (t.get(k).start() - t.get(k - 1).end() > 2) return -1;
        Token first = t.get(k);
        if (STREET_FIRST.has(first) && first.length() > 2) { // "8 rue du Moulin" too
            int end = nameWords(s, k + 1, 4);
            return end > k + 1 ? t.get(end - 1).end() : -1;
        }
        if (first.capitalized() && StreetLexicon.isStreetToken(first.folded())) {
            return first.end(); // "5 Karl-Marx-Allee", "12 Bergstraße"
        }
        if (first.capitalized() && StreetShapesAbroad.hyphenatedStreetWord(first.folded()))
            return first.end(); // "8 Grand-Rue"
        for (int j = k; j < t.size() && j - k < 4; j++) {
            Token w = t.get(j);
            if (!w.isWord() || !w.capitalized() || j > k && !NameSpan.joined(s, t.get(j - 1), w)) return -1;
            if (j > k && STREET_LAST.has(w)) {
                int end = j + 1;
                if (end < t.size()
                        && t.get(end).isWord()
                        && t.get(end).capitalized()
                        && DIRECTIONS.has(t.get(end))
                        && NameSpan.joined(s, w, t.get(end))) end++;
                return t.get(end - 1).end();
            }
            if (lex.isStopWord(w)) return -1;
        }
        return -1;
    }

    /** The French repeated house number: "3 bis avenue Jean Jaurès", "12 ter rue des Lilas". */
    private static final WordSet REPEATS = WordSet.of("bis", "ter", "quater");

    /** Token index after up to {@code max} words of a street's name, at least one capitalized. */
    private int nameWords(TextScan s, int k, int max) {
        List<Token> t = s.tokens;
        int j = k;
        int last = k;
        while (j < t.size() && j - k < max && t.get(j).isWord() && NameSpan.joined(s, t.get(j - 1), t.get(j))) {
            Token n = t.get(j);
            if (n.capitalized() && !lex.isCommon(n) || AbroadStreetWords.elidedName(n)) last = j + 1;
            else if (!NAME_LINKS.has(n)) break;
            j++;
        }
        return last;
    }

    /** The end of the comma-separated pieces after a street: flats, a district, postcode and town. */
    private int tail(TextScan s, int end) {
        int confirmed = end;
        int at = end;
        boolean district = false;
        for (int piece = 0; piece < MAX_PIECES; piece++) {
            int next = skip(s, at);
            if (next < 0) break;
            int e = AbroadSegments.unit(s, next);
            if (e > 0) {
                confirmed = at = e;
                continue;
            }
            e = Math.max(AbroadSegments.postcodeTown(s, lex, next), AbroadSegments.townPostcode(s, lex, next));
            e = Math.max(e, AbroadSegments.markedTown(s, lex, next)); // "…, кв. 12, м. Харків, 61002"
            if (e > 0) {
                int code = skip(s, e); // "Dublin 6, D06 X2K4": the Eircode after the town's district
                return code > 0 && AbroadSegments.eircode(s, code) > 0 ? AbroadSegments.eircode(s, code) : e;
            }
            int k = s.tokenAtOrAfter(next);
            if (k >= s.tokens.size()) break;
            Token w = s.tokens.get(k);
            if (w.isWord() && lex.isCity(w) && w.capitalized()) return w.end();
            if (district || !w.isWord() || !w.capitalized() || lex.isCommon(w) || s.at(w.end()) != ',') break;
            district = true; // "Clontarf": kept only if a postcode or town follows
            at = w.end();
        }
        return confirmed;
    }

    /** The position after ", " or " " following {@code at}, or -1. */
    private static int skip(TextScan s, int at) {
        int i = at;
        if (s.at(i) == ',') i++;
        if (s.at(i) != ' ' || i >= s.length() - 1) return -1;
        return i + 1;
    }
}
