package io.carehub.privacy;

/**
 * British driving licence numbers (ID_DOCUMENT), known by their 16-char shape without a keyword: the first five
 * letters of the surname padded with 9s, the birth date as decade digit, month (plus 50 for women), day and year
 * digit, two initials (9 for none), one digit and two check chars ("MORGA753116SM9IJ", "LEE99610224J99AB"). The
 * month and day must be a date's, so a serial or an order code of the same length rarely fits. An initial O right
 * after the birth date's digits ("HAVER807145O99WK") is read as an OCR zero when the text is cleaned, so the initial is
 * taken from the text as written.
 */
final class UkDrivingLicences {

    static final int LENGTH = 16;

    private UkDrivingLicences() {}

    /** Whether the 16 chars from {@code start} are a driving licence number (the caller checks word bounds). */
    static boolean at(TextScan s, int start) {
        char[] c = s.c;
        if (start + LENGTH > c.length || !letter(c[start])) return false;
        boolean padded = false;
        for (int k = start + 1; k < start + 5; k++) {
            if (c[k] == '9') padded = true;
            else if (padded || !letter(c[k])) return false; // the 9s only pad a short surname at its end
        }
        for (int k = start + 5; k < start + 11; k++) {
            if (!Chars.isDigit(c[k])) return false;
        }
        int month = (c[start + 6] - '0') * 10 + c[start + 7] - '0';
        int day = (c[start + 8] - '0') * 10 + c[start + 9] - '0';
        if (month > 50) month -= 50;
        if (month < 1 || month > 12 || day < 1 || day > 31) return false;
        if (!letter(c[start + 11]) && s.text.charAt(start + 11) != 'O') return false;
        if (!letter(c[start + 12]) && c[start + 12] != '9') return false;
        return Chars.isDigit(c[start + 13]) && alnum(c[start + 14]) && alnum(c[start + 15]);
    }

    private static boolean letter(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean alnum(char ch) {
        return letter(ch) || Chars.isDigit(ch);
    }
}
