package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Addresses of the Maghreb, French-speaking Africa and French housing estates that name a quarter rather than a
 * street with a house number (ADDRESS): "Cité El Khadra, Bloc 5, 16000 Alger", "Villa 23, Cité Keur Gorgui, Dakar",
 * "Quartier Bastos, Yaoundé", "Lot. Al Amal, Rue 12 N° 45, Casablanca 20250", "Résidence les Pins, Esc. 2, 4 rue
 * Voltaire, 31000 Toulouse", "Cité 5 Juillet, Bloc 12, 31000 Oran", and the post-office box of African towns, "BP 1234 Abidjan". A capitalized quarter word
 * and its capitalized name, up to three comma-separated pieces that each carry a number (a block, a villa, a numbered
 * street), then a known town (maybe with its postcode) or a postcode and town: the town is the proof, so "la Cité des
 * Sciences" or "Résidence Seniors" alone stays unmarked. Only a quarter word or "BP" starts the look, so the scan
 * costs one set lookup per word.
 */
final class QuartersAbroad implements Scanner {

    private static final double SCORE = 0.85;
    private static final int MAX_PIECES = 3;

    /** Quarter words, folded: French cité, quartier, lotissement, résidence; Maghrebi hay (حي) and its "lot." */
    private static final WordSet QUARTER_WORDS =
            WordSet.of("cite", "quartier", "qtr", "lotissement", "lot", "residence", "hay", "hai");

    /** A villa or house number written before the quarter: "Villa 23, Cité Keur Gorgui". */
    private static final WordSet HOUSE_WORDS = WordSet.of("villa", "maison", "immeuble", "imm");

    /** The post-office box that stands for a street in West and Central Africa: "BP 1234 Abidjan". */
    private static final WordSet BOX_WORDS = WordSet.of("bp");

    private final Lexicons lex;

    QuartersAbroad(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token w = t.get(i);
            if (!w.isWord() || !Character.isUpperCase(w.text().charAt(0))) continue;
            int end = -1;
            if (QUARTER_WORDS.has(w)) end = quarter(s, i);
            else if (BOX_WORDS.has(w)) end = box(s, i);
            if (end < 0) continue;
            out.add(new Detection(EntityType.ADDRESS, houseBefore(s, i), end, SCORE));
            i = s.tokenAtOrAfter(end) - 1;
        }
    }

    /** "Cité El Khadra, Bloc 5, 16000 Alger": the end of the town, or -1. */
    private int quarter(TextScan s, int i) {
        List<Token> t = s.tokens;
        int k = i + 1;
        int names = 0;
        if (k + 1 < t.size()
                && t.get(k).isNumber()
                && t.get(k).length() <= 2
                && Dates.anyMonth(t.get(k + 1).folded()) > 0) {
            k += 2; // named after a date, as many Algerian estates are: "Cité 5 Juillet", "Cité 20 Août 1955"
            names++;
            if (k < t.size()
                    && t.get(k).isNumber()
                    && t.get(k).length() == 4
                    && NameSpan.joined(s, t.get(k - 1), t.get(k))) k++;
        }
        while (k < t.size() && k - i <= 4 && t.get(k).isWord() && NameSpan.joined(s, t.get(k - 1), t.get(k))) {
            Token n = t.get(k);
            if (n.capitalized() && !lex.isStopWord(n)) names++;
            else if (!AbroadStreetWords.NAME_LINKS.has(n)) break;
            k++;
        }
        if (names == 0 || !t.get(k - 1).capitalized() && !t.get(k - 1).isNumber()) return -1;
        int at = t.get(k - 1).end();
        for (int piece = 0; piece <= MAX_PIECES; piece++) {
            if (s.at(at) != ',' || s.at(at + 1) != ' ') return -1;
            int next = at + 2;
            int town = town(s, next);
            if (town > 0) return town;
            at = numberedPiece(s, next);
            if (at < 0) return -1;
        }
        return -1;
    }

    /** "BP 1234 Abidjan", "BP 45 Yaoundé": the end of the town, or -1. */
    private int box(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token number = t.get(i + 1);
        if (!number.isNumber() || number.length() > 6 || !s.onlyBetween(t.get(i).end(), number.start(), ".:")) {
            return -1;
        }
        int town = town(s, number.end() + 1);
        return s.at(number.end()) == ' ' ? town : -1;
    }

    /** A known town at {@code at}, maybe with its postcode ("Casablanca 20250"), or a postcode and town: its end. */
    private int town(TextScan s, int at) {
        int k = s.tokenAtOrAfter(at);
        if (k >= s.tokens.size()) return -1;
        Token w = s.tokens.get(k);
        if (w.start() != at) return -1;
        if (w.isNumber()) return AbroadSegments.postcodeTown(s, lex, at);
        if (!w.isWord() || !w.capitalized() || !lex.isCity(w)) return -1;
        if (k + 1 < s.tokens.size()) {
            Token code = s.tokens.get(k + 1);
            if (code.isNumber() && code.length() >= 4 && code.length() <= 5 && code.start() == w.end() + 1) {
                return code.end();
            }
        }
        return w.end();
    }

    /** A short piece with a number up to the next comma ("Bloc 5", "Esc. 2", "Rue 12 N° 45"): its end, or -1. */
    private static int numberedPiece(TextScan s, int at) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(at);
        boolean number = false;
        int end = -1;
        for (int j = k; j < t.size() && j - k < 5; j++) {
            Token p = t.get(j);
            if (j > k && !s.onlyBetween(t.get(j - 1).end(), p.start(), ".°º")) break;
            if (p.end() - at > 30) return -1;
            number |= p.isNumber();
            end = p.end();
            if (s.at(end) == ',') return number ? end : -1;
        }
        return -1;
    }

    /** The start of "Villa 23, " right before the quarter word at token i, or the quarter word's start. */
    private static int houseBefore(TextScan s, int i) {
        List<Token> t = s.tokens;
        int start = t.get(i).start();
        if (i < 2) return start;
        Token number = t.get(i - 1);
        Token house = t.get(i - 2);
        if (number.isNumber()
                && house.isWord()
                && HOUSE_WORDS.has(house)
                && house.end() + 1 == number.start()
                && s.onlyBetween(number.end(), start, ",")
                && start - number.end() == 2) {
            return house.start();
        }
        return start;
    }
}
