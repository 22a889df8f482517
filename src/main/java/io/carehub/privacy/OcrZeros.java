package io.carehub.privacy;

/**
 * Scanned letters read by OCR put the letter O for the digit zero inside number groups ("3O0 5517 8842", "VN 7731
 * O254 19", "0 55 1 / 79 83 O 2"), and 0 or 1 for o or i inside words ("Kr0ll", "Eckste1n"). An O or o that touches
 * no letter and has a digit on both sides, right next to it or across one or two separators, is read as 0 in the
 * cleaned chars, so every scanner types the group by its keyword or shape as it types digits. "ISO 9001", "O2" and
 * "Model O5" keep their O: a letter touches it, or no digit stands before it. A 0 or 1 between two lowercase letters
 * of a capitalized word is read as o or i, unless both are hex digits ("2003:e5:4f1a"); a lowercase l for the I at a word's start
 * ("lrmgard", "lhre") as I when only the I makes it a listed word.
 */
final class OcrZeros {

    private static final String SEPARATORS = " -/";
    private static final int MAX_SEPARATORS = 2;

    private OcrZeros() {}

    /** Reads an OCR zero in place; called for every O or o at {@code i} while cleaning. */
    static void read(char[] c, int i) {
        if (digitBefore(c, i) && digitAfter(c, i) && !socialSecurityLetter(c, i)) c[i] = '0';
    }

    /** "Kr0ll", "Eckste1n": OCR's 0 or 1 between two lowercase letters is the letter o or i of a word. */
    static void readLetter(char[] c, int i) {
        if (i == 0 || i + 1 >= c.length) return;
        char before = c[i - 1];
        char after = c[i + 1];
        if (!Character.isLowerCase(before) || !Character.isLowerCase(after) || hex(before) && hex(after)) return;
        if (nameShaped(c, i)) c[i] = c[i] == '0' ? 'o' : 'i';
    }

    private static final int MAX_WORD = 30;

    /** A capital, then lowercase letters and this one digit: "Kr0ll", not "c3jct0v697" (a document number). */
    private static boolean nameShaped(char[] c, int i) {
        int start = i;
        while (start > 0 && i - start < MAX_WORD && Chars.isAlnum(c[start - 1])) start--;
        int end = i + 1;
        while (end < c.length && end - i < MAX_WORD && Chars.isAlnum(c[end])) end++;
        if (!Character.isUpperCase(c[start])) return false;
        for (int k = start + 1; k < end; k++) {
            if (k != i && !Character.isLowerCase(c[k])) return false;
        }
        return true;
    }

    /** Consonants that never follow an l at the start of a German or English word, but follow an I ("Irmgard"). */
    private static final String NOT_AFTER_INITIAL_L = "bcdfghkmnprstvwz";

    /**
     * "lrmgard", "lhre", "lngrid": OCR's lowercase l for a capital I at a word's start, read as I when the word is in
     * no list as it stands and in one with the I (a name, a surname, a common or stop word).
     */
    static void readInitialI(char[] c, int i) {
        if (i + 3 >= c.length || i > 0 && Chars.isLetter(c[i - 1])) return;
        if (NOT_AFTER_INITIAL_L.indexOf(c[i + 1]) < 0) return;
        int end = i + 1;
        while (end < c.length && Chars.isLetter(c[end])) end++;
        if (end - i < 4) return;
        String word = new String(c, i, end - i);
        Lexicons lexicons = Lexicons.get();
        if (lexicons.bits(Folding.fold(word)) == 0 && lexicons.bits(Folding.fold("i" + word.substring(1))) != 0) {
            c[i] = 'I';
        }
    }

    private static boolean hex(char ch) {
        return ch >= 'a' && ch <= 'f';
    }

    /**
     * "15080104O617", "65 170884 O 61 7": eight digits, a letter, three digits is a social-security number's shape,
     * whose letter is the first of the birth name, O included.
     */
    private static boolean socialSecurityLetter(char[] c, int i) {
        return digits(c, i - 1, -1) == 8 && digits(c, i + 1, 1) == 3;
    }

    /** The digits from {@code k} on in direction {@code step}, across single spaces, up to 9. */
    private static int digits(char[] c, int k, int step) {
        int count = 0;
        while (k >= 0 && k < c.length && count <= 8) {
            if (Chars.isDigit(c[k])) count++;
            else if (c[k] != ' ' || !(k + step >= 0 && k + step < c.length && Chars.isDigit(c[k + step]))) break;
            k += step;
        }
        return count;
    }

    private static boolean digitBefore(char[] c, int i) {
        int k = i - 1;
        while (k >= 0 && i - k <= MAX_SEPARATORS && SEPARATORS.indexOf(c[k]) >= 0) k--;
        return k >= 0 && Chars.isDigit(c[k]);
    }

    private static boolean digitAfter(char[] c, int i) {
        int k = i + 1;
        while (k < c.length && k - i <= MAX_SEPARATORS && SEPARATORS.indexOf(c[k]) >= 0) k++;
        return k < c.length && (Chars.isDigit(c[k]) || isOcrZero(c, k));
    }

    /** A following O of the same group ("1OO2"): read once the scan reaches it. */
    private static boolean isOcrZero(char[] c, int k) {
        return (c[k] == 'O' || c[k] == 'o') && k + 1 < c.length && Chars.isDigit(c[k + 1]);
    }
}
