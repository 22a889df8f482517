package io.carehub.privacy;

/**
 * Check digits and birth dates of personal numbers abroad (OTHER_ID): Luxembourg's matricule, the Swedish
 * personnummer, the Norwegian fødselsnummer, the Czech and Slovak rodné číslo, the Belgian national number, the Finnish
 * henkilötunnus, the Icelandic kennitala, the Estonian isikukood and Lithuanian asmens kodas, the Latvian personas
 * kods, the Dutch BSN and the Danish CPR number. Each takes the number's digits only (the henkilötunnus its chars).
 */
final class AbroadChecksums {

    private AbroadChecksums() {}

    /** Luxembourg: birth date YYYYMMDD, three serial digits, a Luhn and a Verhoeff check digit over the first 11. */
    static boolean luxembourgMatricule(String d) {
        if (d.length() != 13 || !date(num(d, 6, 8), num(d, 4, 6))) return false;
        String body = d.substring(0, 11);
        return Checksums.luhn(body + d.charAt(11)) && verhoeff(body) == d.charAt(12) - '0';
    }

    /** Sweden: YYMMDD (day + 60 for a coordination number) and four digits, the last a Luhn check digit. */
    static boolean swedishPersonnummer(String d) {
        if (d.length() != 10) return false;
        int day = num(d, 4, 6);
        return date(day > 60 ? day - 60 : day, num(d, 2, 4)) && Checksums.luhn(d);
    }

    /** Norway: DDMMYY (day + 40 for a D-number), three serial digits and two mod-11 check digits. */
    static boolean norwegianFoedselsnummer(String d) {
        if (d.length() != 11) return false;
        int day = num(d, 0, 2);
        if (!date(day > 40 ? day - 40 : day, num(d, 2, 4))) return false;
        int k1 = mod11(d, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
        int k2 = mod11(d, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
        return k1 == d.charAt(9) - '0' && k2 == d.charAt(10) - '0';
    }

    /** Czech Republic and Slovakia: YYMMDD (month + 50 for women, + 20 since 2004) and four digits, divisible by 11. */
    static boolean rodneCislo(String d) {
        if (d.length() != 10) return false;
        int month = num(d, 2, 4) % 50;
        if (month > 20) month -= 20;
        if (!date(num(d, 4, 6), month)) return false;
        long n = Long.parseLong(d);
        return n % 11 == 0 || n / 10 % 11 == 10 && n % 10 == 0; // before 1985 a remainder of 10 was written 0
    }

    /** Belgium: YYMMDD, three serial digits and 97 minus the first nine mod 97 (with a 2 before them from 2000). */
    static boolean belgianNationalNumber(String d) {
        if (d.length() != 11) return false;
        int month = num(d, 2, 4);
        if (!date(num(d, 4, 6), month) && !(month == 0 || month > 20)) return false; // unknown or bis numbers
        long body = Long.parseLong(d.substring(0, 9));
        int check = num(d, 9, 11);
        return 97 - body % 97 == check || 97 - (2_000_000_000L + body) % 97 == check;
    }

    private static final String FINNISH_CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final String FINNISH_CENTURY_SIGNS = "+-ABCDEFUVWXY";

    /**
     * Finland: DDMMYY, a century sign ("+" 1800s, "-" or U to Y 1900s, A to F 2000s), three serial digits and a check
     * char, the nine digits mod 31 ("131052-308T", "070805Y4326"); {@code c} is the eleven chars as written.
     */
    static boolean finnishHenkilotunnus(CharSequence c) {
        if (c.length() != 11 || FINNISH_CENTURY_SIGNS.indexOf(Character.toUpperCase(c.charAt(6))) < 0) return false;
        long n = 0;
        for (int i = 0; i < 10; i++) {
            if (i == 6) continue;
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') return false;
            n = n * 10 + ch - '0';
        }
        if (!date((int) (n / 10_000_000), (int) (n / 100_000 % 100))) return false;
        return FINNISH_CHECK_CHARS.charAt((int) (n % 31)) == Character.toUpperCase(c.charAt(10));
    }

    /**
     * Iceland: DDMMYY, two serial digits, a mod-11 check digit over the first eight (weights 3 2 7 6 5 4 3 2) and the
     * century digit (9 for the 1900s, 0 for the 2000s, 8 for the 1800s): "120374-2229".
     */
    static boolean icelandicKennitala(String d) {
        if (d.length() != 10 || "890".indexOf(d.charAt(9)) < 0 || !date(num(d, 0, 2), num(d, 2, 4))) return false;
        return mod11(d, new int[] {3, 2, 7, 6, 5, 4, 3, 2}) == d.charAt(8) - '0';
    }

    /**
     * Estonia and Lithuania: a century and sex digit (1 to 6), YYMMDD, three serial digits and a check digit, the
     * first ten weighted 1 to 9, 1 mod 11, or weighted 3 to 9, 1 to 3 when that gives 10 (then 10 is written 0).
     */
    static boolean balticPersonalCode(String d) {
        if (d.length() != 11 || d.charAt(0) < '1' || d.charAt(0) > '6' || !date(num(d, 5, 7), num(d, 3, 5))) {
            return false;
        }
        int check = Checksums.weighted(d, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1}) % 11;
        if (check == 10) check = Checksums.weighted(d, new int[] {3, 4, 5, 6, 7, 8, 9, 1, 2, 3}) % 11 % 10;
        return check == d.charAt(10) - '0';
    }

    /**
     * Latvia: DDMMYY, a century digit (0 to 2), three serial digits and a check digit (1101 minus the weighted sum,
     * mod 11), or since 2017 "32" and nine digits with the same check, no birth date in them: "210478-12341".
     */
    static boolean latvianPersonasKods(String d) {
        if (d.length() != 11) return false;
        if (!d.startsWith("32") && (!date(num(d, 0, 2), num(d, 2, 4)) || d.charAt(6) > '2')) return false;
        int check = (1101 - Checksums.weighted(d, new int[] {1, 6, 3, 7, 9, 10, 5, 8, 4, 2})) % 11;
        return check < 10 && check == d.charAt(10) - '0';
    }

    /** The Netherlands: the BSN's nine digits weighted 9 to 2 and the last -1 sum to a multiple of 11 (the 11-proof). */
    static boolean dutchBsn(String d) {
        if (d.length() != 9 || d.startsWith("00")) return false;
        int sum = Checksums.weighted(d, new int[] {9, 8, 7, 6, 5, 4, 3, 2}) - (d.charAt(8) - '0');
        return sum > 0 && sum % 11 == 0;
    }

    /** Denmark: DDMMYY and four serial digits; no check digit since 2007, so only the birth date can be checked. */
    static boolean danishCpr(String d) {
        return d.length() == 10 && date(num(d, 0, 2), num(d, 2, 4));
    }

    /** The weighted sum's mod-11 check digit; 11 gives 0, 10 is never issued (-1). */
    private static int mod11(String d, int[] weights) {
        int sum = Checksums.weighted(d, weights);
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check == 10 ? -1 : check;
    }

    private static boolean date(int day, int month) {
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    private static int num(String d, int from, int to) {
        return Integer.parseInt(d.substring(from, to));
    }

    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
    };
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
    };
    private static final int[] VERHOEFF_INV = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    /** The Verhoeff check digit of {@code d}. */
    static int verhoeff(String d) {
        int c = 0;
        for (int i = 0; i < d.length(); i++) {
            c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][d.charAt(d.length() - 1 - i) - '0']];
        }
        return VERHOEFF_INV[c];
    }

    /**
     * Kazakhstan: YYMMDD, a century and sex digit (1 to 6), four serial digits and a check digit: the first eleven
     * weighted 1 to 11 mod 11, or weighted 3 to 11, 1, 2 when that gives 10 (a second 10 is no valid IIN).
     */
    static boolean kazakhIin(String d) {
        if (!date(num(d, 4, 6), num(d, 2, 4)) || d.charAt(6) < '1' || d.charAt(6) > '6') return false;
        int check = weightedMod11(d, 1);
        if (check == 10) check = weightedMod11(d, 3);
        return check != 10 && check == d.charAt(11) - '0';
    }

    /** The first eleven digits weighted from {@code firstWeight} up, 11 wrapping to 1, mod 11. */
    private static int weightedMod11(String d, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) sum += (d.charAt(i) - '0') * ((firstWeight - 1 + i) % 11 + 1);
        return sum % 11;
    }

    /** Ukraine: the РНОКПП's first nine digits weighted -1, 5, 7, 9, 4, 6, 10, 5, 7; the sum mod 11 mod 10. */
    static boolean ukrainianTaxNumber(String d) {
        int sum = Checksums.weighted(d, new int[] {-1, 5, 7, 9, 4, 6, 10, 5, 7});
        return Math.floorMod(sum, 11) % 10 == d.charAt(9) - '0';
    }
}
