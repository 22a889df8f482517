package io.carehub.privacy;

/**
 * Scanned letters read by OCR put the letter O for the digit zero inside number groups ("3O0 5517 8842", "VN 7731
 * O254 19", "0 55 1 / 79 83 O 2"). An O or o that touches no letter and has a digit on both sides, right next to it
 * or across one or two separators, is read as 0 in the cleaned chars, so every scanner types the group by its
 * keyword or shape as it types digits. "ISO 9001", "O2" and "Model O5" keep their O: a letter touches it, or no digit
 * stands before it.
 */
final class OcrZeros {

    private static final String SEPARATORS = " -/";
    private static final int MAX_SEPARATORS = 2;

    private OcrZeros() {}

    /** Reads the OCR zeros of {@code c} in place; called for every O or o at {@code i} while cleaning. */
    static void read(char[] c, int i) {
        if (digitBefore(c, i) && digitAfter(c, i) && !socialSecurityLetter(c, i)) c[i] = '0';
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
            if (TextScan.isDigit(c[k])) count++;
            else if (c[k] != ' ' || !(k + step >= 0 && k + step < c.length && TextScan.isDigit(c[k + step]))) break;
            k += step;
        }
        return count;
    }

    private static boolean digitBefore(char[] c, int i) {
        int k = i - 1;
        while (k >= 0 && i - k <= MAX_SEPARATORS && SEPARATORS.indexOf(c[k]) >= 0) k--;
        return k >= 0 && TextScan.isDigit(c[k]);
    }

    private static boolean digitAfter(char[] c, int i) {
        int k = i + 1;
        while (k < c.length && k - i <= MAX_SEPARATORS && SEPARATORS.indexOf(c[k]) >= 0) k++;
        return k < c.length && (TextScan.isDigit(c[k]) || isOcrZero(c, k));
    }

    /** A following O of the same group ("1OO2"): read once the scan reaches it. */
    private static boolean isOcrZero(char[] c, int k) {
        return (c[k] == 'O' || c[k] == 'o') && k + 1 < c.length && TextScan.isDigit(c[k + 1]);
    }
}
