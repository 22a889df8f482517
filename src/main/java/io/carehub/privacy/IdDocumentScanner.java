package io.carehub.privacy;

import java.util.List;

/**
 * Identity cards, passports and residence permits (ID_DOCUMENT), German and foreign: 9 or 10 characters of the
 * ICAO alphabet with at least one digit, trusted by the ICAO check digit, by a keyword before them
 * ("Ausweisnummer"), or by both; and after a document word in any of the customers' languages ("passport",
 * "Aufenthaltstitel", "DNI", "paszport"), any code of 6 to 12 letters and digits that looks like a document
 * number: foreign documents have no common check digit; and a British driving licence number by its shape
 * ({@link UkDrivingLicences}).
 */
final class IdDocumentScanner implements Scanner {

    private static final String ICAO_FIRST = "CFGHJKLMNPRTVWXYZ";
    /** The alphabet of German ID-card, passport and residence-permit numbers (no vowels, no B, D, Q, S). */
    static final String ICAO_CHARS = "CFGHJKLMNPRTVWXYZ0123456789";

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return; // every document number here has a digit
        char[] c = s.c;
        int n = c.length;
        int i = 0;
        while (i < n) {
            if (!Chars.isAlnum(c[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Chars.isAlnum(c[i])) i++;
            int len = i - start;
            if (len < 10) {
                int grouped = groupedIcao(s, start, i);
                if (grouped > 0) {
                    out.add(new Detection(EntityType.ID_DOCUMENT, start, grouped, 0.95));
                    i = grouped;
                    continue;
                }
            }
            if (len == UkDrivingLicences.LENGTH && UkDrivingLicences.at(s, start)) {
                out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.9));
                continue;
            }
            if (len == 5 && licenceGroups(s, start, i, out)) {
                i = out.getLast().end();
                continue;
            }
            if (len < 6 || len > 18) continue; // up to 18: a Chinese resident id after "id number"
            if (!icaoDocument(s, start, i, out)) foreignDocument(s, start, i, out);
        }
    }

    /** A German document: 9 or 10 chars of the ICAO alphabet; adds it and returns true. */
    /**
     * "Aufenthaltstitel abgelaufen … alter Titel YTNNGGPTF0": a checked serial with a single digit (its check digit)
     * is a document's where the message names a document anywhere; ten chars without vowels that pass the check are no
     * word.
     */
    private static boolean documentInMessage(TextScan s) {
        return s.messageFact("document-word", () -> {
            for (TextScan.Token token : s.tokens) {
                if (token.isWord() && Context.documentWord(token.folded())) return true;
            }
            return false;
        });
    }

    private static boolean icaoDocument(TextScan s, int start, int end, List<Detection> out) {
        int len = end - start;
        if (len != 9 && len != 10 || !anyDigit(s.c, start, end)) return false; // a number has digits
        char first = s.c[start];
        // icaoDigits' first test before a String is made; a non-ASCII char may upper-case to more than one
        if (first < 128 && ICAO_FIRST.indexOf(Character.toUpperCase(first)) < 0) return false;
        String candidate = new String(s.c, start, len).toUpperCase();
        int digitCount = icaoDigits(candidate);
        if (digitCount <= 0) return false;
        boolean checked = len == 10 && icaoChecked(candidate);
        if (!checked && len != 9) return false; // an unchecked ten needs no look at the words before it
        boolean context = Context.idDocumentBefore(s, start);
        double score = checked && context
                ? 0.97
                : checked && digitCount >= 2
                        ? 0.75
                        : checked && documentInMessage(s) ? 0.9 : context && len == 9 ? 0.7 : 0;
        if (score == 0) return false;
        out.add(new Detection(EntityType.ID_DOCUMENT, start, end, score));
        return true;
    }

    /**
     * "perso XCRJ V8H1Z 5": a German document number typed in groups, after a document word; the groups' ten chars
     * must carry the ICAO check digit. Returns the end of the last group, or 0.
     */
    private static int groupedIcao(TextScan s, int start, int firstEnd) {
        char[] c = s.c;
        if (firstEnd - start < 2 || firstEnd + 1 >= c.length || c[firstEnd] != ' ') return 0;
        for (int k = start; k < firstEnd; k++) {
            if (!icaoChar(c[k])) return 0; // most words: a vowel
        }
        int length = firstEnd - start; // the groups' chars, counted before any is copied: most runs are no ten
        int end = firstEnd;
        while (length < 10 && end + 1 < c.length && c[end] == ' ' && Chars.isAlnum(c[end + 1])) {
            int g = end + 1;
            int k = g;
            while (k < c.length && Chars.isAlnum(c[k])) k++;
            length += k - g;
            end = k;
        }
        if (length != 10 || end == firstEnd) return 0;
        StringBuilder chars = new StringBuilder(10);
        for (int k = start; k < end; k++) {
            if (c[k] != ' ') chars.append(c[k]); // the groups are one space apart
        }
        String candidate = chars.toString().toUpperCase();
        if (icaoDigits(candidate) <= 0 || !icaoChecked(candidate)) return 0;
        return Context.idDocumentBefore(s, start) ? end : 0;
    }

    /** Which ASCII chars are of the ICAO alphabet in either case: most words are ruled out at their first vowel. */
    private static final boolean[] ICAO_ASCII = new boolean[128];

    static {
        for (char ch = 0; ch < 128; ch++) ICAO_ASCII[ch] = ICAO_CHARS.indexOf(Character.toUpperCase(ch)) >= 0;
    }

    /** {@code ch} upper-cased is of the ICAO alphabet. */
    private static boolean icaoChar(char ch) {
        return ch < 128 ? ICAO_ASCII[ch] : ICAO_CHARS.indexOf(Character.toUpperCase(ch)) >= 0;
    }

    /** The digits of a candidate in the ICAO alphabet that starts with one of its first letters; -1 otherwise. */
    private static int icaoDigits(String candidate) {
        if (ICAO_FIRST.indexOf(candidate.charAt(0)) < 0) return -1;
        int digits = 0;
        for (int k = 0; k < candidate.length(); k++) {
            char ch = candidate.charAt(k);
            if (ICAO_CHARS.indexOf(ch) < 0) return -1;
            if (Chars.isDigit(ch)) digits++;
        }
        return digits;
    }

    /** Ten chars whose last is the ICAO check digit of the nine before it. */
    private static boolean icaoChecked(String candidate) {
        return Checksums.icaoCheckDigit(candidate.substring(0, 9)) == candidate.charAt(9) - '0';
    }

    private static boolean anyDigit(char[] c, int start, int end) {
        for (int k = start; k < end; k++) {
            if (Chars.isDigit(c[k])) return true;
        }
        return false;
    }

    /**
     * "passport no. J8369854", "DNI 39174628Q", "Aufenthaltstitel YC8T2NF41": after a document word, a code with
     * five or more digits, or of eight or more capitals and digits.
     */
    private static void foreignDocument(TextScan s, int start, int end, List<Detection> out) {
        int digits = 0;
        int upper = 0;
        for (int k = start; k < end; k++) {
            char ch = s.c[k];
            if (Chars.isDigit(ch)) digits++;
            else if (Character.isUpperCase(ch)) upper++;
        }
        int letters = end - start - digits;
        boolean shaped = digits >= 5 || digits >= 1 && letters == upper && end - start >= 8;
        if (!shaped || digits == 0 || letters > 4 && digits < 2) return;
        if (end - start > 12 && letters > 1) return; // a long national id number: digits, at most a check letter
        if (!Context.idDocumentBefore(s, start) || DigitRunRule.notPersonalBefore(s, start)) return;
        // right after its document word ("rumänischer pass 057382914") a number is the document's, not a phone
        boolean close = Context.anyBefore(s, start, 2, 24, w -> !w.equals("id") && Context.documentWord(w));
        int series = letterSeriesBefore(s, start, end);
        if (series == start) series = digitSeriesBefore(s, start, end);
        out.add(new Detection(
                EntityType.ID_DOCUMENT, hyphenGroupsBefore(s, series), hyphenGroupsAfter(s, end), close ? 0.92 : 0.88));
    }

    /**
     * "driver's licence L4021-55317-47813": a letter and four digits, then digit groups joined by hyphens, twelve
     * digits or more in all, after a document word (an Ontario driving licence number is written so).
     */
    private static boolean licenceGroups(TextScan s, int start, int end, List<Detection> out) {
        char[] c = s.c;
        if (s.at(end) != '-' || !Character.isUpperCase(c[start])) return false;
        for (int k = start + 1; k < end; k++) {
            if (!Chars.isDigit(c[k])) return false;
        }
        int groupsEnd = hyphenGroupsAfter(s, end);
        int digits = 0;
        for (int k = start + 1; k < groupsEnd; k++) {
            if (Chars.isDigit(c[k])) digits++;
        }
        if (digits < 12 || !Context.idDocumentBefore(s, start)) return false;
        out.add(new Detection(EntityType.ID_DOCUMENT, start, groupsEnd, 0.9));
        return true;
    }

    /** "35202-4871930-5", "592-8803147-90": digit groups joined by hyphens belong to the number. */
    private static int hyphenGroupsBefore(TextScan s, int start) {
        int k = start;
        while (s.at(k - 1) == '-' && Chars.isDigit(s.at(k - 2))) {
            int j = k - 2;
            while (j > 0 && Chars.isDigit(s.at(j - 1)) && k - j < 8) j--;
            if (Chars.isAlnum(s.at(j - 1))) break;
            k = j;
        }
        return k;
    }

    private static int hyphenGroupsAfter(TextScan s, int end) {
        int k = end;
        while (k + 1 < s.length() && s.at(k) == '-' && Chars.isDigit(s.at(k + 1))) {
            int j = k + 1;
            while (j < s.length() && Chars.isDigit(s.at(j)) && j - k < 8) j++;
            if (j < s.length() && Chars.isAlnum(s.at(j))) break;
            k = j;
        }
        return k;
    }

    /**
     * "Reisepass 75 4418209", "паспорт 45 06 123456": Russian and Ukrainian passports put a series of two or four
     * digits, written in groups of two, before a number of six or seven digits.
     */
    private static int digitSeriesBefore(TextScan s, int start, int end) {
        if (end - start < 6 || end - start > 7) return start;
        for (int k = start; k < end; k++) {
            if (!Chars.isDigit(s.c[k])) return start;
        }
        int series = start;
        for (int groups = 0; groups < 2; groups++) {
            int k = series - 1;
            if (s.at(k) != ' ' || !Chars.isDigit(s.at(k - 1)) || !Chars.isDigit(s.at(k - 2))) break;
            if (Chars.isAlnum(s.at(k - 3))) break;
            series = k - 2;
        }
        return series;
    }

    /**
     * "passport GC 417892", "Nummer P 4471829", "dowód AYK 182917": the start of a series of one to three capitals
     * before a number of up to nine chars ("carte d'électeur RDC 10457832196" names the country).
     */
    private static int letterSeriesBefore(TextScan s, int start, int end) {
        // a series stands before six to nine digits; before a longer number "RDC", "CI" or "SN" name its country
        if (!Chars.isDigit(s.c[start]) || s.at(start - 1) != ' ' || end - start > 9) return start;
        int k = start - 1;
        while (k > 0 && Character.isUpperCase(s.at(k - 1)) && start - 1 - k < 3) k--;
        int letters = start - 1 - k;
        if (letters < 1 || Chars.isAlnum(s.at(k - 1))) return start;
        String series = new String(s.c, k, letters);
        return Context.documentWord(Folding.fold(series))
                        || series.equals("NR")
                        || series.equals("NO")
                        || series.equals("OP")
                        || series.equals("IS") // "MY TAX ID IS 54987120164": a verb in capitals
                ? start
                : k; // "číslo OP 203917462": the Czech and Slovak ID card's abbreviation, no series
    }
}
