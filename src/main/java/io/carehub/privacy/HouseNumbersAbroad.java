package io.carehub.privacy;

import static io.carehub.privacy.AbroadStreetWords.NOT_AFTER_NUMBER;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * The house number of an address abroad and what is written onto it: "25a", "12/3", the Dutch floor after a dash
 * ("412-II", "17-hs") and the Hungarian floor and door after the number's dot ("34. II/5"). Shared by the rules that
 * read addresses written the local way ({@link AddressesAbroad}, {@link NamedStreetsAbroad}).
 */
final class HouseNumbersAbroad {

    private HouseNumbersAbroad() {}

    /** The end of "28", "25a", "12/3" at token k right after {@code after}, or -1. */
    static int houseNumber(TextScan s, int k, int after) {
        List<Token> t = s.tokens;
        if (k >= t.size()) return -1;
        Token n = t.get(k);
        if (!n.isNumber() || n.length() > 4 || n.start() - after > 3 || !s.onlyBetween(after, n.start(), ".,")) {
            return -1;
        }
        int end = n.end();
        if (Chars.isLetter(s.at(end)) && !Chars.isAlnum(s.at(end + 1))) end++;
        else if ((s.at(end) == '/' || s.at(end) == '-') && Chars.isDigit(s.at(end + 1))) {
            end++;
            while (Chars.isDigit(s.at(end))) end++;
        } else if (s.at(end) == '-' && romanFloor(s, end + 1) > 0) end = romanFloor(s, end + 1); // "412-II", "17-hs"
        if (Chars.isAlnum(s.at(end)) || (s.at(end) == '.' || s.at(end) == ',') && Chars.isDigit(s.at(end + 1))) {
            return -1; // "28.10." or "12,50"
        }
        int unit = s.tokenAtOrAfter(end);
        if (unit < t.size() && t.get(unit).start() - end <= 1 && NOT_AFTER_NUMBER.has(t.get(unit))) {
            return -1;
        }
        return end;
    }

    /**
     * "Pozsonyi út 34. II/5", "Piac utca 21. 3/12": Hungarians write floor and door after the house number's dot, the
     * floor in Roman or Arabic digits; the end of the door, or {@code end}. A date ("12. 3/2024") has a longer tail.
     */
    static int floorAndDoor(TextScan s, int end) {
        if (s.at(end) != '.' || s.at(end + 1) != ' ') return end;
        int k = end + 2;
        int floor = k;
        while (k - floor < 4 && "IVX".indexOf(s.at(k)) >= 0) k++;
        if (k == floor) while (k - floor < 2 && Chars.isDigit(s.at(k))) k++;
        if (k == floor || s.at(k) != '/' || !Chars.isDigit(s.at(k + 1))) return end;
        int door = ++k;
        while (k - door < 3 && Chars.isDigit(s.at(k))) k++;
        return Chars.isAlnum(s.at(k)) || s.at(k) == '/' ? end : k;
    }

    /** The end of a Dutch floor after a house number's dash ("412-II", "17-hs", "3-H"), or -1. */
    static int romanFloor(TextScan s, int i) {
        int k = i;
        while (k - i < 4 && "IVX".indexOf(s.at(k)) >= 0) k++;
        if (k == i && (s.at(k) == 'h' || s.at(k) == 'H')) k += s.at(k + 1) == 's' ? 2 : 1;
        return k > i && !Chars.isAlnum(s.at(k)) ? k : -1;
    }
}
