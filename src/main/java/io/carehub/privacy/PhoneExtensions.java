package io.carehub.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An extension belongs to the phone number it follows: "+49 (0)40 3290 1877 ext. 204", "0711 22 33 44, Durchwahl
 * -23", "030 1234 56 (App. 12)", "x204". A PHONE finding grows over the extension word and its one to five digits;
 * nothing else is grown, and digits another finding already holds stay with it.
 */
final class PhoneExtensions {

    private static final WordSet WORDS =
            WordSet.of("ext", "extn", "extension", "x", "durchwahl", "dw", "app", "apparat", "nebenstelle", "nst");
    private static final int MAX_DIGITS = 5;

    private PhoneExtensions() {}

    static List<Detection> extend(TextScan s, List<Detection> found) {
        List<Detection> result = null; // a copy, made at the first extension
        for (int d = 0; d < found.size(); d++) {
            Detection p = found.get(d);
            int end = p.type() == EntityType.PHONE ? extensionEnd(s, p.end()) : -1;
            if (end > 0 && (d + 1 == found.size() || found.get(d + 1).start() >= end)) {
                if (result == null) result = new ArrayList<>(found.subList(0, d));
                result.add(new Detection(p.type(), p.start(), end, p.score(), p.canonical()));
            } else if (result != null) result.add(p);
        }
        return result == null ? found : result;
    }

    /** The end of the extension right after {@code from}, or -1 when none follows. */
    static int extensionEnd(TextScan s, int from) {
        char[] c = s.c;
        int i = skip(c, from, " ,(");
        int word = i;
        while (i < c.length && Character.isLetter(c[i])) i++;
        if (i == word || i - word > 11) return -1;
        String w = new String(c, word, i - word).toLowerCase(Locale.ROOT);
        if (!WORDS.contains(w)) return -1;
        // "x204" directly; every other word may take a dot, a colon or a dash before its digits
        if (!w.equals("x")) i = skip(c, i, " .:-");
        int digits = i;
        while (i < c.length && Character.isDigit(c[i]) && i - digits < MAX_DIGITS + 1) i++;
        if (i == digits || i - digits > MAX_DIGITS || i < c.length && Chars.isAlnum(c[i])) return -1;
        return i < c.length && c[i] == ')' && s.text.lastIndexOf('(', i) >= from ? i + 1 : i;
    }

    private static int skip(char[] c, int i, String chars) {
        int start = i;
        while (i < c.length && chars.indexOf(c[i]) >= 0 && i - start < 3) i++;
        return i;
    }
}
