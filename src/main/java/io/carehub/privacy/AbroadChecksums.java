package io.carehub.privacy;

/**
 * Check digits and birth dates of personal numbers abroad (OTHER_ID): Luxembourg's matricule, the Swedish
 * personnummer, the Norwegian fødselsnummer, the Czech and Slovak rodné číslo and the Belgian national number. Each
 * takes the number's digits only.
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

    /** The weighted sum's mod-11 check digit; 11 gives 0, 10 is never issued (-1). */
    private static int mod11(String d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) sum += (d.charAt(i) - '0') * weights[i];
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
}
