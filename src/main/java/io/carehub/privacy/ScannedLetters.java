package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * The layout of scanned letters read by OCR: a letter's fields run together on one line ("Rosenstr. 2 Kundennr 8819
 * 3320 44 39104 Magdeburg"), so a postcode and its town follow the last group of a customer number with one space.
 */
final class ScannedLetters {

    private ScannedLetters() {}

    /**
     * The five digits at {@code k} are a postcode, not a number's last group: a capitalized town of the city list
     * follows right after.
     */
    static boolean postcodeAfterNumber(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k + 1 >= t.size()) return false;
        Token code = t.get(k);
        Token town = t.get(k + 1);
        return code.isNumber()
                && code.length() == 5
                && town.isWord()
                && town.capitalized()
                && town.start() == code.end() + 1
                && (town.lexicon() & Lexicons.CITY) != 0;
    }
}
