package io.carehub.privacy;

import java.util.List;

/**
 * Document numbers whose word stands anywhere in the message, not right before them (ID_DOCUMENT): a German
 * identity card or passport number without its check digit ("Die Nummer ist M5Z01H6JW, gültig bis 2031", with a
 * document word also one with a single digit, "LKHCGWNP3",
 * "That one is YC4P7R2M1, issued in Hamburg"), the serial number of a new Turkish identity card ("Seriennummer
 * A27G48913") and a Swiss residence permit's number ("Ausländerausweis B Nr. E 0471 2289").
 */
final class DocumentSerials implements Scanner {

    static final double SCORE = 0.93;
    private static final String GERMAN_FIRST = "CFGHJKLMNPRTVWXYZ";

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        char[] c = s.c;
        int n = c.length;
        Boolean document = null;
        Boolean validity = null;
        int i = 0;
        while (i < n) {
            if (!Chars.isAlnum(c[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Chars.isAlnum(c[i])) i++;
            int len = i - start;
            if (len == 9 && Character.isUpperCase(c[start])) {
                int germanDigits = germanDocumentDigits(c, start);
                boolean german = germanDigits >= 2 && germanDigits <= 7;
                // "LKHCGWNP3": one digit only, which a document word somewhere in the message must vouch for
                boolean germanOneDigit = germanDigits == 1;
                if (germanOneDigit) {
                    if (document == null) document = NationalNumbers.documentWordIn(s);
                    if (document && !DigitRunRule.notPersonalBefore(s, start))
                        out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.7));
                    continue;
                }
                boolean turkish = !german && turkishSerial(c, start);
                // "E04712289": a Swiss permit's letter and eight digits written as one word
                boolean permit = !german && !turkish && permitWord(c, start);
                if (!german && !turkish && !permit
                        || DigitRunRule.notPersonalBefore(s, start) && !serialBefore(s, start)
                        || permit && CustomerNumberWords.directlyBefore(s, start)) continue;
                if (document == null) document = NationalNumbers.documentWordIn(s);
                if (german && !document && validity == null) validity = IdentityWords.cueInMessage(s, "validity");
                boolean context = document || german && validity || turkish && serialBefore(s, start);
                if (context) out.add(new Detection(EntityType.ID_DOCUMENT, start, i, SCORE));
                // no word at all: only the random-looking ones, letters and digits alternating ("YC4P7R2M1"), not
                // a model or tariff code's blocks ("MTV2024XL"); none of the development sets' words is one
                else if (german && randomLooking(c, start))
                    out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.75));
            } else if (len == 1 && Character.isUpperCase(c[start]) && c[start] < 128) {
                int end = permitDigits(c, i);
                if (end < 0) continue;
                if (document == null) document = NationalNumbers.documentWordIn(s);
                if (document) {
                    out.add(new Detection(EntityType.ID_DOCUMENT, start, end, SCORE));
                    i = end;
                }
            }
        }
    }

    /**
     * The digits of nine chars of the German document alphabet as written (capitals without vowels, and digits), a
     * letter first; -1 for any other word.
     */
    private static int germanDocumentDigits(char[] c, int start) {
        if (GERMAN_FIRST.indexOf(c[start]) < 0) return -1;
        int digits = 0;
        for (int k = start; k < start + 9; k++) {
            if (IdDocumentScanner.ICAO_CHARS.indexOf(c[k]) < 0) return -1;
            if (Chars.isDigit(c[k])) digits++;
        }
        return digits;
    }

    /** At least four changes between letter and digit and at least three letters: "M5Z01H6JW", not "GT5000XR". */
    static boolean randomLooking(char[] c, int start) {
        int changes = 0;
        int letters = 0;
        for (int k = start; k < start + 9; k++) {
            if (!Chars.isDigit(c[k])) letters++;
            if (k > start && Chars.isDigit(c[k]) != Chars.isDigit(c[k - 1])) changes++;
        }
        return changes >= 4 && letters >= 3;
    }

    /** A capital and eight digits. */
    static boolean permitWord(char[] c, int start) {
        if (c[start] < 'A' || c[start] > 'Z') return false;
        for (int k = start + 1; k < start + 9; k++) {
            if (!Chars.isDigit(c[k])) return false;
        }
        return true;
    }

    /** A new Turkish identity card's serial number: letter, two digits, letter, five digits ("A12B34567"). */
    static boolean turkishSerial(char[] c, int start) {
        for (int k = 0; k < 9; k++) {
            char ch = c[start + k];
            boolean letter = k == 0 || k == 3;
            if (letter ? ch < 'A' || ch > 'Z' : !Chars.isDigit(ch)) return false;
        }
        return true;
    }

    /** "Seriennummer", "seri numarası", "serial number" among the three words before. */
    private static boolean serialBefore(TextScan s, int start) {
        return Context.anyBefore(s, start, 3, 30, w -> IdentityWords.cue("serial", w));
    }

    /**
     * After a lone capital, a Swiss permit's eight digits in up to three groups ("E 0471 2289", "E04712289" is
     * a word of its own); the end of the last group, or -1.
     */
    private static int permitDigits(char[] c, int from) {
        if (from >= c.length || c[from] != ' ' || from >= 2 && Chars.isAlnum(c[from - 2])) return -1;
        int digits = 0;
        int k = from;
        int groups = 0;
        while (k + 1 < c.length && c[k] == ' ' && Chars.isDigit(c[k + 1]) && groups < 3) {
            k++;
            while (k < c.length && Chars.isDigit(c[k])) {
                k++;
                digits++;
            }
            groups++;
        }
        boolean alone =
                k >= c.length || !Chars.isAlnum(c[k]) && !(c[k] == ' ' && k + 1 < c.length && Chars.isDigit(c[k + 1]));
        return digits == 8 && alone ? k : -1;
    }

    /** A word for an identity document, also as the last part of a compound ("Ausländerausweis"). */
    static boolean documentWord(String w) {
        return Context.documentWord(w) || w.endsWith("ausweis") || w.endsWith("ausweises") || w.endsWith("bewilligung");
    }
}
