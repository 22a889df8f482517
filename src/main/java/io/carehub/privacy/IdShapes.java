package io.carehub.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OTHER_ID values whose shape alone tells what they are, without a keyword: a UK National Insurance number
 * ("QQ 12 34 56 C"), a US social-security number ("512-48-7391"), a Swiss AHV number ("756.9214.0769.88", EAN
 * check digit), a French social-security number (13 digits and their key), a German health-insurance number
 * (a letter and nine digits, check digit), an Austrian social-security number (a serial, its check digit and the
 * birth date: "1231 120485"), an Italian codice fiscale, a German or Austrian VAT id and a Ghana Card's personal
 * number ("GHA-" and nine digits and one). Each
 * pattern has fixed-width parts only, so a match is tried in constant time per position.
 */
final class IdShapes implements Scanner {

    /** A letter or digit that glues to the shape; Chinese, Japanese or Thai text before it does not (no spaces). */
    private static final String GLUED = "[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]]";

    private static final Pattern SHAPES = Pattern.compile("(?<!" + GLUED + ")(?:"
            + "(?<nino>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])"
            + "|(?<ssn>(?!000|666|9)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4})"
            + "|(?<ahv>756[. ]?\\d{4}[. ]?\\d{4}[. ]?\\d{2})"
            + "|(?<nir>[12] ?\\d{2} ?(?:0[1-9]|1[0-2]) ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2})"
            + "|(?<kvnr>[A-Z]\\d{9})"
            + "|(?<atsv>[1-9]\\d{3} ?(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2})"
            + "|(?<cf>[A-Z]{6}\\d{2}[A-EHLMPR-T]\\d{2}[A-Z]\\d{3}[A-Z])"
            + "|(?<vat>(?:DE ?\\d{3} ?\\d{3} ?\\d{3}|ATU ?\\d{8}))"
            + "|(?<ghana>GHA-\\d{9}-\\d)"
            + "|(?<cnic>[1-7]\\d{4}-\\d{7}-\\d)"
            + ")(?!" + GLUED + ")");

    private static final StartMatcher.FirstChars SHAPE_FIRST =
            StartMatcher.FirstChars.DIGITS.plus(StartMatcher.FirstChars.CAPITALS);

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        StartMatcher matches = new StartMatcher(SHAPES, s, SHAPE_FIRST, IdShapes::shapeStart);
        while (matches.find()) {
            Matcher m = matches.matcher();
            double score = score(m);
            if (score > 0) out.add(new Detection(EntityType.OTHER_ID, m.start(), m.end(), score));
        }
    }

    /**
     * The first chars of each shape: three digits and a dash (ssn), "756" (ahv), a 1 or 2 with two digits and a space
     * or a month's first digit around them (nir), four digits not starting with 0, maybe a space, a day and a month
     * (atsv, {@link #atsvAt}); an ASCII capital and nine digits (kvnr), two capitals and a digit or a space and a
     * digit (nino, vat), six capitals (cf), "ATU" or "GHA", five digits and a dash (cnic, the Pakistani
     * "35202-8716453-1": province digit, district, family and a sex digit). Years, postcodes, customer and phone
     * numbers, and words in capitals, are mostly not tried.
     */
    private static boolean shapeStart(char[] c, int i) {
        if (i + 5 >= c.length || StartMatcher.afterAsciiAlnum(c, i))
            return false; // every shape has 9+ chars, six read here
        char ch = c[i];
        if (Chars.isDigit(ch)) {
            boolean nirDigit = ch == '1' || ch == '2';
            if (Chars.isDigit(c[i + 1]) && Chars.isDigit(c[i + 2])) {
                char fourth = c[i + 3];
                return fourth == '-'
                        || ch == '7' && c[i + 1] == '5' && c[i + 2] == '6'
                        || Chars.isDigit(fourth) && Chars.isDigit(c[i + 4]) && c[i + 5] == '-'
                        || nirDigit && (fourth == ' ' || fourth == '0' || fourth == '1')
                        || atsvAt(c, i);
            }
            return nirDigit && c[i + 1] == ' ' && Chars.isDigit(c[i + 2]) && Chars.isDigit(c[i + 3]);
        }
        if (!asciiCapital(ch)) return false;
        char next = c[i + 1];
        if (Chars.isDigit(next)) return digits(c, i + 1, 9); // kvnr
        if (!asciiCapital(next)) return false;
        char third = c[i + 2];
        if (Chars.isDigit(third) || third == ' ' && Chars.isDigit(c[i + 3])) return true;
        return ch == 'A' && next == 'T' && third == 'U'
                || ch == 'G' && next == 'H' && third == 'A'
                || capitals(c, i, 6);
    }

    /**
     * The whole Austrian shape at {@code i}, "1231 120485" or "1231120485": a serial not starting with 0, a day 01-31
     * and a month 01-12. A customer or order number of eight digits and more mostly has no day and month just there,
     * and the pattern is not tried on it.
     */
    private static boolean atsvAt(char[] c, int i) {
        if (c[i] == '0' || !digits(c, i, 4)) return false;
        int j = c[i + 4] == ' ' ? i + 5 : i + 4;
        if (!digits(c, j, 6)) return false;
        char d = c[j];
        char e = c[j + 1];
        boolean day = d == '0' ? e != '0' : d == '1' || d == '2' || d == '3' && e <= '1';
        char m = c[j + 2];
        char n = c[j + 3];
        return day && (m == '0' ? n != '0' : m == '1' && n <= '2');
    }

    /** {@code count} ASCII digits from {@code from} on. */
    private static boolean digits(char[] c, int from, int count) {
        if (from + count > c.length) return false;
        for (int k = from; k < from + count; k++) {
            if (!Chars.isDigit(c[k])) return false;
        }
        return true;
    }

    private static boolean capitals(char[] c, int from, int count) {
        if (from + count > c.length) return false;
        for (int k = from; k < from + count; k++) {
            if (!asciiCapital(c[k])) return false;
        }
        return true;
    }

    private static boolean asciiCapital(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    /** How sure the shape is, or 0 when its check digit fails. */
    private static double score(Matcher m) {
        if (m.group("ahv") != null) return Checksums.ean13(TextScan.digitsOf(m.group())) ? 0.9 : 0;
        if (m.group("nir") != null)
            return Checksums.frenchSocialSecurity(m.group().replace(" ", "")) ? 0.9 : 0;
        if (m.group("kvnr") != null) return Checksums.healthInsuranceNumber(m.group()) ? 0.8 : 0;
        if (m.group("atsv") != null) return Checksums.austrianSocialSecurity(TextScan.digitsOf(m.group())) ? 0.8 : 0;
        return 0.85;
    }
}
