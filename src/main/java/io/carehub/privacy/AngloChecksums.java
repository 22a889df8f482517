package io.carehub.privacy;

import java.util.function.Predicate;

/**
 * Check digits of the national numbers of the English-speaking world that no shape alone gives away (OTHER_ID),
 * asked by {@link CheckedNationalIds} once the message names the number's kind: the Australian tax file number
 * ("tax file number 625 276 013", nine digits, weights 1-4-3-7-5-8-6-9-10 mod 11), the Australian Medicare card
 * number ("Medicare 6746 50758 3 1", ten digits starting 2 to 6 with a 1-3-7-9 weighted check, maybe the card's
 * issue digit after them), the New Zealand IRD number ("IRD number 78-465-638", eight or nine digits, a weighted mod-11
 * check) and the South African ID number ("8803148907081", YYMMDD, four serial digits, citizenship and race digits and
 * a Luhn digit). The short kinds must have their word right before the number (see {@link CheckedNationalIds}),
 * since one in ten of any nine digits passes such a check; the South African number's birth date and Luhn digit are
 * strong enough for a country word anywhere in the message ("SA ID …", "Cape Town"), or for "ID" right before it
 * ("My ID: 9007091367090" in a message whose only South African trace is a +27 phone): thirteen digits with a birth
 * date, a citizenship digit and a Luhn digit are few other numbers. The Irish PPS number ("6834154H", seven digits and
 * a check letter, weights 8 to 2 mod 23, W for 0) needs the Irish word or "PPSN" anywhere in the message, since its
 * keyword often stands a clause away ("My PPSN if you need it: …"). A US social security number spaced instead of
 * hyphenated ("593 26 9479"; the hyphenated one is {@link IdShapes}') needs "SSN" or "social security" anywhere in the
 * message and the number ranges the administration issues.
 */
final class AngloChecksums {

    static final String TFN = "au-tfn";
    static final String MEDICARE = "au-medicare";
    static final String IRD = "nz-ird";
    static final String SOUTH_AFRICAN = "south-african";
    /** "ID" or "identity" among the few words right before a South African number. */
    static final String SOUTH_AFRICAN_NEAR = "south-african-near";

    static final String IRISH_PPS = "irish-pps";
    static final String US_SSN = "us-ssn";

    private static final int[] TFN_WEIGHTS = {1, 4, 3, 7, 5, 8, 6, 9, 10};
    private static final int[] MEDICARE_WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9};
    private static final int[] IRD_WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private AngloChecksums() {}

    /**
     * The digits {@code d} of one number as written ({@code shape}), in groups split by spaces or hyphens, not dots
     * (a firmware version "050124.04.00.009" is no ID): one kind's check and word fit.
     */
    static boolean fits(String d, String shape, Predicate<String> named) {
        if (shape.indexOf('.') >= 0) return false;
        return switch (d.length()) {
            case 8 -> ird(d) && named.test(IRD);
            case 9 ->
                tfn(d) && named.test(TFN) || ird(d) && named.test(IRD) || spacedSsn(d, shape) && named.test(US_SSN);
            case 10 -> medicare(d) && named.test(MEDICARE);
            case 11 -> d.charAt(10) != '0' && medicare(d.substring(0, 10)) && named.test(MEDICARE);
            case 13 -> southAfrican(d) && (named.test(SOUTH_AFRICAN) || named.test(SOUTH_AFRICAN_NEAR));
            default -> false;
        };
    }

    /** Australia: nine digits whose 1-4-3-7-5-8-6-9-10 weighted sum is a multiple of 11. */
    static boolean tfn(String d) {
        int sum = Checksums.weighted(d, TFN_WEIGHTS);
        return sum % 11 == 0 && !d.equals("000000000");
    }

    /** Australia: ten digits, the first 2 to 6, the ninth the 1-3-7-9 weighted sum of the first eight mod 10. */
    static boolean medicare(String d) {
        if (d.charAt(0) < '2' || d.charAt(0) > '6') return false;
        int sum = Checksums.weighted(d, MEDICARE_WEIGHTS);
        return sum % 10 == d.charAt(8) - '0';
    }

    /**
     * New Zealand: eight or nine digits (padded to nine with a leading 0), the last 11 minus the 3-2-7-6-5-4-3-2
     * weighted sum of the first eight mod 11 (0 for a remainder of 0; a remainder of 1 is not issued here, its second
     * weighting aside).
     */
    static boolean ird(String d) {
        String p = d.length() == 8 ? "0" + d : d;
        if (p.startsWith("000")) return false;
        int sum = Checksums.weighted(p, IRD_WEIGHTS);
        int r = sum % 11;
        int check = r == 0 ? 0 : 11 - r;
        return check < 10 && check == p.charAt(8) - '0';
    }

    /** South Africa: YYMMDD, four serial digits, a citizenship digit (0 or 1), one more digit and a Luhn digit. */
    static boolean southAfrican(String d) {
        int month = Integer.parseInt(d.substring(2, 4));
        int day = Integer.parseInt(d.substring(4, 6));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && d.charAt(10) <= '1' && Checksums.luhn(d);
    }

    /**
     * Ireland: seven digits and a check letter, the 8-to-2 weighted sum of the digits mod 23 as a letter (A for 1, W
     * for 0).
     */
    static boolean ppsn(String d, char letter) {
        if (d.length() != 7) return false;
        int sum = 0;
        for (int i = 0; i < 7; i++) sum += (d.charAt(i) - '0') * (8 - i);
        int r = sum % 23;
        return Character.toUpperCase(letter) == (r == 0 ? 'W' : (char) ('A' + r - 1));
    }

    /**
     * "593 26 9479": three, two and four digits spaced, an area other than 000, 666 or 900 to 999, a group other than
     * 00 and a serial other than 0000.
     */
    static boolean spacedSsn(String d, String shape) {
        if (shape.length() != 11 || shape.charAt(3) != ' ' || shape.charAt(6) != ' ') return false;
        String area = d.substring(0, 3);
        return !area.equals("000")
                && !area.equals("666")
                && area.charAt(0) != '9'
                && !d.startsWith("00", 3)
                && !d.startsWith("0000", 5);
    }
}
