package io.carehub.privacy;

import java.util.List;
import java.util.Set;

/**
 * Licence plates from abroad after a word for a car or a plate (OTHER_ID): Romanian "CJ 07 MHX", Polish "WA 12345",
 * Dutch "12-ABC-3", Austrian "W 12345 A", Swiss "ZH 123456", British "AB12 CDE". Their formats differ, so the shape
 * is a generic one: two or three groups of capitals and digits joined by a space or dash, five to nine characters,
 * with a run of at least two digits; without the context word before it, no such group counts.
 */
final class ForeignPlates implements Scanner {

    /** Words before a plate: a car, a vehicle or the plate itself, in the languages customers write in. */
    private static final Set<String> CAR_WORDS = Set.of(
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
    private static final Set<String> UNITS =
            Set.of("GB", "MB", "KB", "TB", "EUR", "USD", "CHF", "PLN", "KM", "PS", "KW");

    private static final int MAX_GROUPS = 3;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        char[] c = s.c;
        for (int i = 0; i < c.length; i++) {
            if (!isPlateChar(c[i]) || i > 0 && TextScan.isAlnum(c[i - 1])) continue;
            int end = plateEnd(c, i);
            if (end > i && Context.anyBefore(s, i, 6, 50, CAR_WORDS::contains)) {
                out.add(new Detection(EntityType.OTHER_ID, i, end, 0.85));
                i = end;
            }
        }
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
                if (TextScan.isDigit(c[i])) {
                    digitRun++;
                    longestDigitRun = Math.max(longestDigitRun, digitRun);
                } else {
                    digitRun = 0;
                    letters++;
                }
                i++;
            }
            if (i == g || i < c.length && TextScan.isAlnum(c[i])) return -1; // lower case or a longer word
            digitRun = 0;
            if (i - g <= 3 && groups > 0 && UNITS.contains(new String(c, g, i - g))) return -1; // "M 20 GB"
            // only Dutch plates start with digits, and they join their groups with dashes: "12 000" is an amount
            if (groups == 1 && TextScan.isDigit(c[start]) && c[g - 1] != '-') return -1;
            groups++;
            chars += i - g;
            end = i;
            if (i + 1 >= c.length || c[i] != ' ' && c[i] != '-' || !isPlateChar(c[i + 1])) break;
            i++;
        }
        boolean shape = groups >= 2 && chars >= 5 && chars <= 9 && letters >= 1 && longestDigitRun >= 2;
        return shape ? end : -1;
    }

    private static boolean isPlateChar(char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9';
    }
}
