package io.carehub.privacy;

import java.util.function.Predicate;

/**
 * Check digits of the personal and tax numbers of Central and Southeastern Europe (OTHER_ID), asked by
 * {@link CheckedNationalIds} once the message names the number's country or keyword: the ex-Yugoslav JMBG and the
 * Slovenian EMŠO ("1205985711237", birth date DDMMYYY), the Romanian CNP ("1850512401230", sex digit and YYMMDD) and
 * the Moldovan IDNP (13 digits, 7-3-1 weights), the Greek AMKA ("12058501235", DDMMYY and a Luhn digit), the
 * Croatian OIB ("69458215732", ISO 7064 mod 11,10), the Hungarian személyi azonosító ("1-850512-1231"), the Greek
 * AFM and the Hungarian TAJ szám (nine digits), the Hungarian adóazonosító jel (ten digits starting with 8) and the
 * Slovenian davčna številka (eight digits). Each takes the number's digits only; the country word guards the short
 * ones, since one in ten or eleven of any digits passes a check.
 */
final class SouthEastChecksums {

    private static final int[] IDNP_WEIGHTS = {7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1};

    private SouthEastChecksums() {}

    /** 13 digits: a JMBG or EMŠO, a CNP or an IDNP whose country the message names. */
    static boolean fits13(String d, Predicate<String> named) {
        return jmbg(d) && named.test("yugoslav")
                || cnp(d) && named.test("romanian")
                || idnp(d) && named.test("moldovan");
    }

    /** 11 digits: an AMKA, an OIB or a Hungarian personal number whose country the message names. */
    static boolean fits11(String d, Predicate<String> named) {
        return amka(d) && named.test("greek")
                || oib(d) && named.test("croatian")
                || hungarianPersonalNumber(d) && named.test("hungarian");
    }

    /** 9 digits: a Greek AFM or a Hungarian TAJ number, each after its own word somewhere in the message. */
    static boolean fits9(String d, Predicate<String> named) {
        return afm(d) && named.test("greek-tax") || taj(d) && named.test("taj");
    }

    /** JMBG/EMŠO: DDMMYYY (YYY 9xx for 19xx, 0xx for 20xx), region, serial, 11 minus the weighted sum mod 11 (10, 11 → 0). */
    static boolean jmbg(String d) {
        if (d.length() != 13 || !date(num(d, 0, 2), num(d, 2, 4)) || d.charAt(4) != '9' && d.charAt(4) != '0')
            return false;
        int[] weights = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int m = 11 - Checksums.weighted(d, weights) % 11;
        return (m > 9 ? 0 : m) == d.charAt(12) - '0';
    }

    /** CNP: sex and century digit 1 to 9, YYMMDD, county, serial, the 2-7-9-1-4-6-3-5-8-2-7-9 sum mod 11 (10 → 1). */
    static boolean cnp(String d) {
        if (d.length() != 13 || d.charAt(0) == '0' || !date(num(d, 5, 7), num(d, 3, 5))) return false;
        int county = num(d, 7, 9);
        if (county < 1 || county > 52 && county != 70) return false;
        int r = Checksums.weighted(d, new int[] {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9}) % 11;
        return (r == 10 ? 1 : r) == d.charAt(12) - '0';
    }

    /** IDNP: 13 digits, a person's starting with 0 or 2, the last the 7-3-1 weighted sum of the others mod 10. */
    static boolean idnp(String d) {
        if (d.length() != 13 || d.charAt(0) != '0' && d.charAt(0) != '2') return false;
        return Checksums.weighted(d, IDNP_WEIGHTS) % 10 == d.charAt(12) - '0';
    }

    /** AMKA: DDMMYY, four serial digits and a Luhn check digit. */
    static boolean amka(String d) {
        return d.length() == 11 && date(num(d, 0, 2), num(d, 2, 4)) && Checksums.luhn(d);
    }

    /** OIB: ten digits and an ISO 7064 mod 11,10 check digit. */
    static boolean oib(String d) {
        if (d.length() != 11) return false;
        int a = 10;
        for (int i = 0; i < 10; i++) {
            a = (a + d.charAt(i) - '0') % 10;
            if (a == 0) a = 10;
            a = a * 2 % 11;
        }
        int check = 11 - a;
        return (check == 10 ? 0 : check) == d.charAt(10) - '0';
    }

    /**
     * Személyi azonosító: sex and century digit 1 to 8, YYMMDD, three serial digits and a check digit, the first ten
     * weighted 1 to 10 (born before 1997) or 10 to 1 (since) mod 11; 10 is never issued.
     */
    static boolean hungarianPersonalNumber(String d) {
        if (d.length() != 11 || d.charAt(0) < '1' || d.charAt(0) > '8' || !date(num(d, 5, 7), num(d, 3, 5)))
            return false;
        int up = 0;
        int down = 0;
        for (int i = 0; i < 10; i++) {
            up += (d.charAt(i) - '0') * (i + 1);
            down += (d.charAt(i) - '0') * (10 - i);
        }
        int check = d.charAt(10) - '0';
        return up % 11 == check || down % 11 == check;
    }

    /** Adóazonosító jel: 8, the days since 1867-01-01 in five digits, three serial digits, weights 1 to 9 mod 11. */
    static boolean hungarianTaxNumber(String d) {
        if (d.length() != 10 || d.charAt(0) != '8') return false;
        int sum = 0;
        for (int i = 0; i < 9; i++) sum += (d.charAt(i) - '0') * (i + 1);
        return sum % 11 == d.charAt(9) - '0';
    }

    /** TAJ szám: eight digits weighted 3 and 7 in turn, the ninth the sum mod 10. */
    static boolean taj(String d) {
        if (d.length() != 9) return false;
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += (d.charAt(i) - '0') * (i % 2 == 0 ? 3 : 7);
        return sum % 10 == d.charAt(8) - '0';
    }

    /** AFM: eight digits weighted by the powers of two 256 to 2, the ninth the sum mod 11 mod 10. */
    static boolean afm(String d) {
        if (d.length() != 9 || d.startsWith("000")) return false;
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += (d.charAt(i) - '0') << (8 - i);
        return sum % 11 % 10 == d.charAt(8) - '0';
    }

    /** Davčna številka: not starting with 0, seven digits weighted 8 to 2, 11 minus the sum mod 11 (10 → 0). */
    static boolean slovenianTaxNumber(String d) {
        if (d.length() != 8 || d.charAt(0) == '0') return false;
        int sum = 0;
        for (int i = 0; i < 7; i++) sum += (d.charAt(i) - '0') * (8 - i);
        int check = 11 - sum % 11;
        return check != 11 && (check == 10 ? 0 : check) == d.charAt(7) - '0';
    }

    private static boolean date(int day, int month) {
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    private static int num(String d, int from, int to) {
        return Integer.parseInt(d.substring(from, to));
    }
}
