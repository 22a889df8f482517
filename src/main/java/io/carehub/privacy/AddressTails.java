package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * The rest of an address abroad after its street and house number, which addresses of Brazil, Portugal, Spain,
 * India or Nigeria write after commas: the flat ("apto 702", "2.º Esq.", "1º A"), the district ("Moinhos de
 * Vento", "Besant Nagar"), a postcode of another shape ("90570-080", "4000-447", "115 26", "600090"), the town with
 * its particles ("Santiago de Compostela", "São Paulo") and the state ("- SP"). "Rua Oscar Freire, 879, 01426-001 São
 * Paulo - SP" is one address, not a street, a customer number and a name.
 *
 * <p>A tail is taken only as far as a flat, a postcode or a state code reaches, or to the end of the sentence
 * ("14 Adeola Odeku Street, Victoria Island, Lagos"): a capitalized phrase after an address that goes on into the
 * sentence ("…, Maria Silva wohnt dort") stays out. It swallows only weaker findings inside it (the postcode read
 * as a customer number, the district read as a name), never a phone number or an e-mail address. Linear: each
 * address looks at the few tokens after it.
 */
final class AddressTails {

    private static final int MAX_SEGMENTS = 6;
    private static final int MAX_PLACE_WORDS = 4;

    /** Words for a flat, floor or side, in the languages whose addresses put them after the house number. */
    private static final WordSet UNITS = WordSet.of(
            "apto",
            "apt",
            "apartamento",
            "apartment",
            "flat",
            "piso",
            "planta",
            "andar",
            "bloco",
            "bloque",
            "bl",
            "esc",
            "escalera",
            "porta",
            "puerta",
            "pta",
            "sala",
            "dpto",
            "depto",
            "casa",
            "lote",
            "quadra",
            "qd",
            "conj",
            "suite",
            "unit",
            "floor",
            "fl",
            "door",
            "no");
    /** The side of a landing after a floor: "2.º Esq.", "3º Dto", "1º A". */
    private static final WordSet SIDES = WordSet.of("esq", "dto", "dt", "dir", "dcha", "izq", "izda", "fte", "frente");
    /** Particles inside a town's or district's name: "Santiago de Compostela", "São José dos Campos". */
    private static final WordSet PARTICLES = WordSet.of("de", "do", "da", "dos", "das", "del", "di", "la", "el");

    private final Lexicons lex;

    AddressTails(Lexicons lex) {
        this.lex = lex;
    }

    /** {@code found} ordered by start and non-overlapping; returns the same with ADDRESS spans given their tails. */
    List<Detection> extend(TextScan s, List<Detection> found) {
        return AddressExtension.apply(found, a -> {
            int[] townPostcode = {-1, -1};
            int end = tailEnd(s, a.end(), townPostcode);
            return new AddressExtension(end, x -> swallowable(x, townPostcode));
        });
    }

    /** Weaker findings inside a tail; a phone number only where it is the postcode before a town ("04567-120 São Paulo"). */
    private static boolean swallowable(Detection x, int[] townPostcode) {
        return x.type() == null
                || x.type() == EntityType.PHONE && x.start() == townPostcode[0] && x.end() == townPostcode[1]
                || x.type() == EntityType.CUSTOMER_ID && x.score() < 0.5
                || x.type() == EntityType.PERSON && x.score() <= 0.7
                || x.type() == EntityType.ADDRESS;
    }

    /**
     * The char position where the tail after an address ending at {@code addressEnd} ends, or -1 for none; {@code
     * townPostcode} gets the span of a dashed postcode with a town after it.
     */
    private int tailEnd(TextScan s, int addressEnd, int[] townPostcode) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(addressEnd);
        int committed = -1;
        int prevEnd = addressEnd;
        if (k >= t.size()) return -1;
        if (k > 0 && postcodeRest(s, k)) { // "80020-310": the address ended inside a postcode
            committed = t.get(k).end();
            prevEnd = committed;
            k++;
            int place = place(s, k, true);
            if (place > k && separator(s, prevEnd, t.get(k).start(), false)) {
                int state = state(s, place);
                committed = t.get(Math.max(place, state) - 1).end();
                prevEnd = committed;
                k = Math.max(place, state);
            }
        } else if (townParticle(s, k, addressEnd)) { // "15702 Santiago de Compostela"
            int place = place(s, k + 1);
            if (place > k + 1) {
                committed = t.get(place - 1).end();
                prevEnd = committed;
                k = place;
            }
        }
        int places = 0;
        boolean named = false;
        for (int segment = 0; segment < MAX_SEGMENTS && k < t.size(); segment++) {
            boolean afterAbbreviation = k > 0 && t.get(k - 1).end() == prevEnd && unitWord(t.get(k - 1));
            if (!separator(s, prevEnd, t.get(k).start(), afterAbbreviation)) break;
            int unit = unit(s, k);
            if (unit > k) { // a flat belongs to the address only with a postcode or town after it
                prevEnd = t.get(unit - 1).end();
                k = unit;
                continue;
            }
            int postcode = postcode(s, k);
            int town = postcode > k ? place(s, postcode, true) : postcode;
            if (postcode == k + 1 && town == postcode) postcode = k; // a lone number is a postcode only before a town
            if (postcode > k) {
                int place = town;
                if (place > postcode && postcode == k + 2) {
                    townPostcode[0] = t.get(k).start();
                    townPostcode[1] = t.get(k + 1).end();
                }
                int state = state(s, place > postcode ? place : postcode);
                int last = Math.max(state, Math.max(place, postcode));
                committed = t.get(last - 1).end();
                places = 0;
                named = false;
                prevEnd = committed;
                k = last;
                continue;
            }
            // a district may be called like a person ("Jardim América") when a postcode or state follows
            int place = place(s, k, true);
            if (place == k) break;
            named |= place(s, k, false) < place;
            int state = state(s, place);
            prevEnd = t.get(Math.max(place, state) - 1).end();
            k = Math.max(place, state);
            places++;
            // "Porto Alegre - RS"; "…, Victoria Island, Lagos." - two places in a row that end the sentence
            if (state > place || places >= 2 && !named && sentenceEnds(s, prevEnd)) committed = prevEnd;
        }
        return committed;
    }

    /** Only ", " or " - " (or one space) between the parts of an address; after "Esq." or "apto." its dot too. */
    private static boolean separator(TextScan s, int from, int to, boolean dotAllowed) {
        int i = from;
        if (dotAllowed && i < to && s.c[i] == '.') i++;
        if (to - i < 1 || to - i > 3) return false;
        int commas = 0;
        for (; i < to; i++) {
            char ch = s.c[i];
            if (ch == ',' || ch == '-') commas++;
            else if (ch != ' ') return false;
        }
        return commas <= 1;
    }

    private static boolean unitWord(Token w) {
        return w.isWord() && (UNITS.has(w) || SIDES.has(w));
    }

    /** "80020" ended the address and "-310" follows: the rest of a Brazilian or Portuguese postcode. */
    private static boolean postcodeRest(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token before = t.get(k - 1);
        Token rest = t.get(k);
        return before.isNumber()
                && (before.length() == 5 || before.length() == 4)
                && rest.isNumber()
                && rest.length() == 3
                && rest.start() == before.end() + 1
                && s.at(before.end()) == '-';
    }

    /** A lower-case particle right after the address's last word, before a capitalized one: a town goes on. */
    private static boolean townParticle(TextScan s, int k, int addressEnd) {
        List<Token> t = s.tokens;
        Token w = t.get(k);
        return w.isWord()
                && !w.capitalized()
                && PARTICLES.has(w)
                && w.start() == addressEnd + 1
                && s.at(addressEnd) == ' '
                && k > 0
                && t.get(k - 1).isWord()
                && t.get(k - 1).capitalized()
                && k + 1 < t.size()
                && t.get(k + 1).capitalized();
    }

    /** "apto 702", "2.º Esq.", "1º A", "piso 3": the token after the flat, or {@code k}. */
    private static int unit(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token w = t.get(k);
        if (w.isWord() && UNITS.has(w) && k + 1 < t.size()) {
            Token n = t.get(k + 1);
            if (n.start() - w.end() <= 2 && (n.isNumber() && n.length() <= 4 || n.isWord() && n.length() == 1)) {
                return side(s, k + 2);
            }
            return k;
        }
        if (w.isNumber() && w.length() <= 2 && k + 1 < t.size()) {
            Token n = t.get(k + 1);
            boolean ordinal = n.isWord()
                    && (n.text().equals("º") || n.text().equals("ª") || n.text().equals("o") && s.at(w.end()) == '.')
                    && n.start() - w.end() <= 1;
            if (ordinal) return side(s, k + 2);
        }
        return k;
    }

    private static int side(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k < t.size()
                && t.get(k).isWord()
                && t.get(k).start() - t.get(k - 1).end() <= 2
                && (SIDES.has(t.get(k)) || t.get(k).length() == 1 && t.get(k).capitalized())) {
            return k + 1;
        }
        return k;
    }

    /** "90570-080", "4000-447", "01-234", "115 26", "600090", "28009": the token after the postcode, or {@code k}. */
    private static int postcode(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token a = t.get(k);
        if (!a.isNumber()) return k;
        if (k + 1 < t.size() && t.get(k + 1).isNumber() && t.get(k + 1).start() == a.end() + 1) {
            Token b = t.get(k + 1);
            char sep = s.at(a.end());
            boolean dashed = sep == '-'
                    && (a.length() == 5 && b.length() == 3
                            || a.length() == 4 && b.length() == 3
                            || a.length() == 2 && b.length() == 3);
            boolean spaced = sep == ' ' && a.length() == 3 && b.length() == 2;
            if (dashed || spaced) return k + 2;
        }
        return a.length() >= 4 && a.length() <= 6 ? k + 1 : k;
    }

    /** Capitalized words with particles between them ("Porto Alegre", "Moinhos de Vento"): the token after, or k. */
    private int place(TextScan s, int k) {
        return place(s, k, false);
    }

    /** {@code town}: where a town or district is expected (after a postcode, before one): it may be a name too. */
    private int place(TextScan s, int k, boolean town) {
        List<Token> t = s.tokens;
        int j = k;
        int words = 0;
        while (j < t.size() && words < MAX_PLACE_WORDS) {
            Token w = t.get(j);
            if (j > k && w.start() - t.get(j - 1).end() != 1) break;
            if (!w.isWord()) break;
            String f = w.folded();
            if (j > k && PARTICLES.contains(f) && !w.capitalized()) {
                if (j + 1 < t.size() && t.get(j + 1).capitalized()) {
                    j++;
                    continue;
                }
                break;
            }
            if (!w.capitalized() || w.length() < 2 || lex.isStopWord(f) || NameTriggers.announcesName(f)) break;
            // a person after an address is no part of it: "…, 10435 Berlin, Thea Lindqvist"
            // (where a town is expected it may be called like a person or a thing: "São Paulo", "Jardim América")
            if (!town && !lex.isCity(f) && (lex.isCommon(f) || lex.isName(f) || lex.isAnyFirstName(f))) break;
            j++;
            words++;
        }
        return words == 0 ? k : j;
    }

    /** " - SP", " - RS": a state's two capitals after a town. */
    private static int state(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k >= t.size() || k == 0) return k;
        Token w = t.get(k);
        int gap = w.start() - t.get(k - 1).end();
        boolean dash = gap >= 1 && gap <= 3 && s.onlyBetween(t.get(k - 1).end(), w.start(), "-");
        boolean capitals = w.length() == 2
                && Character.isUpperCase(w.text().charAt(0))
                && Character.isUpperCase(w.text().charAt(1));
        return dash && capitals && s.at(t.get(k - 1).end()) == ' ' ? k + 1 : k;
    }

    /** The sentence (or the message) ends right after {@code pos}. */
    private static boolean sentenceEnds(TextScan s, int pos) {
        if (pos >= s.length()) return true;
        char ch = s.at(pos);
        if (ch == '\n' || ch == ';' || ch == ')' || ch == '|') return true;
        return (ch == '.' || ch == '!' || ch == '?')
                && (pos + 1 >= s.length() || Character.isWhitespace(s.at(pos + 1)));
    }
}
