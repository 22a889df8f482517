package io.carehub.privacy;

import java.util.List;

/**
 * Licence plates from abroad after a word for a car or a plate (OTHER_ID): Romanian "CJ 07 MHX", Polish "WA 12345",
 * Dutch "12-ABC-3", Austrian "W 12345 A", Swiss "ZH 123456", British "AB12 CDE", Greek "ΝΙΚ-8120". Their formats
 * differ, so the shape
 * is a generic one: two or three groups of capitals and digits joined by a space or dash, five to nine characters,
 * with a run of at least two digits; without the context word before it, no such group counts.
 */
final class ForeignPlates implements Scanner {

    /** Words before a plate: a car, a vehicle or the plate itself, in the languages customers write in. */
    private static final WordSet CAR_WORDS = WordSet.of(
            "car",
            "auto",
            "autos",
            "pkw",
            "wagen",
            "fahrzeug",
            "kennzeichen",
            "nummernschild",
            "plate",
            "plates",
            "numberplate",
            "registration",
            "reg",
            "vehicle",
            "van",
            "kenteken",
            "tablica",
            "rejestracyjna",
            "samochod",
            "masina",
            "inmatriculare",
            "voiture",
            "immatriculation",
            "targa",
            "matricula");

    /** Units and currencies after a number: "M 20 GB", "12 000 EUR" are no plates. */
    private static final WordSet UNITS =
            WordSet.of("GB", "MB", "KB", "TB", "EUR", "USD", "CHF", "PLN", "KM", "PS", "KW");

    /** Keywords written in capitals before a number: "PLZ 01277", "PIN 48213", "VN 7731 0254" are no plates. */
    private static final WordSet NOT_PLATES = WordSet.of(
            "PLZ", "NR", "NO", "TEL", "FAX", "KD", "KDNR", "ID", "IBAN", "BIC", "PIN", "PUK", "SIM", "TAN", "IP", "VN",
            "RE", "AZ", "ART", "REF", "TK", "TKT", "ORD", "INV", "DSL", "LTE");

    private static final int MAX_GROUPS = 3;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        char[] c = s.c;
        for (int i = 0; i < c.length; i++) {
            if (!isPlateChar(c[i]) || i > 0 && Chars.isAlnum(c[i - 1]) || joinedBefore(c, i)) continue;
            int end = plateEnd(c, i);
            if (end > i && carWordNear(s, i, end)) {
                out.add(new Detection(EntityType.OTHER_ID, i, end, 0.85));
                i = end;
            }
        }
    }

    private static String firstGroup(char[] c, int start) {
        int k = start;
        while (k < c.length && isPlateChar(c[k])) k++;
        return new String(c, start, k - start);
    }

    /** "WÜ-TX 207": after a letter and a dash, the rest of a German plate (LicencePlateScanner's) starts. */
    private static boolean joinedBefore(char[] c, int i) {
        return i > 1 && c[i - 1] == '-' && Character.isLetterOrDigit(c[i - 2]);
    }

    /** The end of a plate starting at {@code start}, or -1. */
    private static int plateEnd(char[] c, int start) {
        int groups = 0;
        int chars = 0;
        int letters = 0;
        int longestDigitRun = 0;
        int digitRun = 0;
        int i = start;
        int end = -1;
        while (groups < MAX_GROUPS) {
            int g = i;
            while (i < c.length && isPlateChar(c[i]) && i - g < 7) {
                if (Chars.isDigit(c[i])) {
                    digitRun++;
                    longestDigitRun = Math.max(longestDigitRun, digitRun);
                } else {
                    digitRun = 0;
                    letters++;
                }
                i++;
            }
            if (i == g || i < c.length && Chars.isAlnum(c[i])) return -1; // lower case or a longer word
            digitRun = 0;
            if (i - g <= 3 && groups > 0 && UNITS.contains(new String(c, g, i - g))) return -1; // "M 20 GB"
            // only Dutch plates start with digits and join their groups with dashes ("12 000" is an amount), but
            // for a Czech series ("4U7 3815") or a Spanish number with its consonants ("4821 KTZ")
            if (groups == 1 && Chars.isDigit(c[start]) && c[g - 1] != '-' && !seriesFirst(c, start, g - 1, i))
                return -1;
            groups++;
            chars += i - g;
            end = i;
            if (i + 1 >= c.length || c[i] != ' ' && c[i] != '-' || !isPlateChar(c[i + 1])) break;
            i++;
        }
        boolean shape = groups >= 2 && chars >= 5 && chars <= 9 && letters >= 1 && longestDigitRun >= 2;
        return shape && !NOT_PLATES.contains(firstGroup(c, start)) ? end : -1;
    }

    /**
     * A car or plate word up to six words before, a plate word ("Kennzeichen", "SPZ", "Geschäftsauto") up to twelve
     * before, or one up to four words after the plate: "GZ-481-T (NL-Kennzeichen)".
     */
    private static boolean carWordNear(TextScan s, int start, int end) {
        return Context.anyWordBefore(s, start, 6, 50, CAR_WORDS::has)
                || Context.anyBefore(s, start, 12, 100, IdentityWords::plate)
                || Context.anyAfter(s, end, 4, 40, IdentityWords::plate);
    }

    /**
     * A plate that starts with digits and a space: a Czech series of a digit, a letter and a character, then four
     * digits ("4U7 3815"); or a Spanish number of four digits, then three consonants ("4821 KTZ").
     */
    private static boolean seriesFirst(char[] c, int start, int firstEnd, int secondEnd) {
        int first = firstEnd - start;
        int second = secondEnd - firstEnd - 1;
        if (first == 3 && Character.isLetter(c[start + 1])) return second == 4 && allDigits(c, firstEnd + 1, secondEnd);
        if (first == 2 && allDigits(c, start, firstEnd)) return turkishProvince(c, start, firstEnd, secondEnd);
        if (first != 4 || second != 3 || !allDigits(c, start, firstEnd)) return false;
        for (int k = firstEnd + 1; k < secondEnd; k++) {
            if (SPANISH_LETTERS.indexOf(c[k]) < 0) return false;
        }
        // no third group: "4821 KTZ", "4821 KTZ — la …", not "4821 KTZ 12"
        return secondEnd + 1 >= c.length
                || c[secondEnd] != ' ' && c[secondEnd] != '-'
                || !isPlateChar(c[secondEnd + 1]);
    }

    /** A Turkish plate's province (01-81), then one to three capitals: "34 KHT 682", "06 A 1234". */
    private static boolean turkishProvince(char[] c, int start, int firstEnd, int secondEnd) {
        int province = (c[start] - '0') * 10 + c[start + 1] - '0';
        if (province < 1 || province > 81 || secondEnd - firstEnd - 1 > 3) return false;
        for (int k = firstEnd + 1; k < secondEnd; k++) {
            if (c[k] < 'A' || c[k] > 'Z') return false;
        }
        return true;
    }

    private static final String SPANISH_LETTERS = "BCDFGHJKLMNPRSTVWXYZ";

    private static boolean allDigits(char[] c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Chars.isDigit(c[k])) return false;
        }
        return true;
    }

    /** A capital, a digit, or a Greek capital: Greek plates write their letters in Greek ("ΝΙΚ-8120"). */
    private static boolean isPlateChar(char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch >= '\u0391' && ch <= '\u03A9';
    }
}
