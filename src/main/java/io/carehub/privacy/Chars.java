package io.carehub.privacy;

/**
 * What a char is to the tokenizer and the scanners: an ASCII digit, a letter, a letter of a script written without
 * spaces (Chinese, Japanese, Thai), a vowel sign inside an Indic or Thai word. One place for these tests, so every
 * scanner draws word and number boundaries the same way.
 */
final class Chars {

    private Chars() {}

    static boolean isLetter(char ch) {
        return ch < 0x80 ? (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' : Character.isLetter(ch);
    }

    /** Vowel signs inside a word: "ा" in "कुमार" (Devanagari), "ா" in "முருகன்" (Tamil), "ั" in Thai. */
    static boolean isMark(char ch) {
        int type = Character.getType(ch);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Kana, Han and Hangul: a word of these scripts ends where Latin letters begin, and the other way round. */
    static boolean eastAsian(char ch) {
        return ch >= '\u3005' && ch <= '\u30FF' || ch >= '\u3400' && ch <= '\u9FFF' || ch >= '\uAC00' && ch <= '\uD7A3';
    }

    static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /**
     * A digit or a letter of a script written with spaces between words: a number or code right after Chinese,
     * Japanese or Thai text ("お客様番号は3390125586です", "护照号是EA8839127") is not glued to a word, since those
     * scripts put no space before it.
     */
    static boolean isAlnum(char ch) {
        return isDigit(ch) || isLetter(ch) && !spaceless(ch);
    }

    /**
     * Han, kana, Thai, Lao, Khmer and Myanmar: scripts written without spaces between words, so a change from or to
     * one of them ends a token like a space would.
     */
    static boolean spaceless(char ch) {
        return ch >= '\u0E00' && ch <= '\u0EFF' // Thai, Lao
                || ch >= '\u1000' && ch <= '\u109F' // Myanmar
                || ch >= '\u1780' && ch <= '\u17FF' // Khmer
                || ch >= '\u3040' && ch <= '\u30FF' // hiragana, katakana
                || ch >= '\u31F0' && ch <= '\u31FF'
                || ch >= '\u3400' && ch <= '\u4DBF' // CJK extension A
                || ch >= '\u4E00' && ch <= '\u9FFF' // CJK unified ideographs
                || ch >= '\uF900' && ch <= '\uFAFF'
                || ch >= '\uFF66' && ch <= '\uFF9F'; // half-width katakana
    }

    /** A letter that makes a digit or code next to it part of a word: any letter but one of a {@link #spaceless} script. */
    static boolean gluingLetter(char ch) {
        return isLetter(ch) && !spaceless(ch);
    }
}
