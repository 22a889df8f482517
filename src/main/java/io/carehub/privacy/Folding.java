package io.carehub.privacy;

import java.text.Normalizer;

/**
 * The folded form of a word that the lexicons and keyword lists are keyed by: lower case, umlauts spelled out
 * ("ä" → "ae", "ß" → "ss"), other accents dropped ("é" → "e"), a typographic apostrophe made plain. ASCII words take
 * a fast path that allocates nothing when they are lower case already.
 */
final class Folding {

    private Folding() {}

    /** Lower case with German umlauts and common accents folded, so "Müller", "MUELLER" and "muller" compare. */
    static String fold(CharSequence s) {
        String ascii = foldAscii(s);
        if (ascii != null) return ascii;
        StringBuilder b = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char ch = Character.toLowerCase(s.charAt(i));
            switch (ch) {
                case 'ä' -> b.append("ae");
                case 'ö' -> b.append("oe");
                case 'ü' -> b.append("ue");
                case 'ß' -> b.append("ss");
                case 'á', 'à', 'â', 'ã', 'å', 'ą' -> b.append('a');
                case 'é', 'è', 'ê', 'ë', 'ę' -> b.append('e');
                case 'í', 'ì', 'î', 'ï', 'ı' -> b.append('i');
                case 'ó', 'ò', 'ô', 'õ', 'ø' -> b.append('o');
                case 'ú', 'ù', 'û' -> b.append('u');
                case 'ç', 'ć', 'č' -> b.append('c');
                case 'ñ', 'ń' -> b.append('n');
                case 'ś', 'š', 'ş' -> b.append('s');
                case 'ł' -> b.append('l');
                case 'ž', 'ż', 'ź' -> b.append('z');
                case 'ğ' -> b.append('g');
                case '\u2019' -> b.append('\'');
                default -> b.append(ch < 0x80 ? ch : baseLetter(ch));
            }
        }
        return b.toString();
    }

    /** {@link #fold} of a plain ASCII word (most tokens), lower-cased without a builder; null for any other. */
    private static String foldAscii(CharSequence s) {
        int n = s.length();
        boolean lower = true;
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) return null;
            if (ch >= 'A' && ch <= 'Z') lower = false;
        }
        if (lower) return s.toString();
        char[] folded = new char[n];
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            folded[i] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        }
        return new String(folded);
    }

    /** "ễ" → 'e', "ț" → 't': a Latin letter without its accents; any other char unchanged. */
    private static char baseLetter(char ch) {
        if (!Character.isLetter(ch) || Character.UnicodeScript.of(ch) != Character.UnicodeScript.LATIN) return ch;
        String base = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
        return base.charAt(0) < 0x80 ? base.charAt(0) : ch;
    }
}
