package io.carehub.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a message: a cleaned copy of its chars with the same length (offsets stay the
 * original UTF-16 indices) and its word/number tokens. Hostile chars never throw and never
 * swallow the rest of the text: lone surrogates, control and invisible format chars (RTL marks,
 * zero-width spaces, BOM, soft hyphen) become spaces; dash variants become '-'; an OCR O between digits becomes 0
 * and a 0 or 1 between lowercase letters o or i, an l for a word's initial I ({@link OcrZeros}).
 */
final class TextScan {

    enum Kind {
        WORD,
        NUMBER
    }

    /**
     * A run of letters (inner hyphens and apostrophes allowed) or of digits; {@code lexicon} is the word lists its folded
     * form is in ({@link Lexicons#bits}), looked up once here for every rule that asks; {@code keywordLists} the keyword
     * lists it is in (null for none) as {@link KeywordLists} knew them at {@code keywordGeneration}.
     */
    record Token(
            int start,
            int end,
            Kind kind,
            String text,
            String folded,
            boolean capitalized,
            int lexicon,
            long[] keywordLists,
            int keywordGeneration) {
        boolean isWord() {
            return kind == Kind.WORD;
        }

        boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        int length() {
            return end - start;
        }
    }

    final String text;
    final char[] c;
    final List<Token> tokens;

    TextScan(String text) {
        this.text = text;
        this.c = clean(text);
        this.tokens = LowerCaseMessages.recase(c, tokenize(c));
    }

    private String cleaned;
    /** {@link PhonesAbroad}'s bits of the regions the message names; -1 until it first asks. */
    long phoneRegions = -1;

    private int hasDigit = -1;
    /** The words of organisations' names ({@link OrganisationNames}): they depend on the text alone. */
    private boolean[] organisationWords;

    int length() {
        return c.length;
    }

    /** The cleaned chars as a String, made once per message for the scanners that match patterns. */
    String cleaned() {
        if (cleaned == null) cleaned = new String(c);
        return cleaned;
    }

    /** Whether the message has any ASCII digit (looked at once). */
    boolean hasDigit() {
        if (hasDigit < 0) {
            hasDigit = 0;
            for (char ch : c) {
                if (ch >= '0' && ch <= '9') {
                    hasDigit = 1;
                    break;
                }
            }
        }
        return hasDigit == 1;
    }

    /** Facts about the whole message ("a tax word is somewhere in it"), each computed once: see {@link #messageFact}. */
    private java.util.Map<String, Boolean> messageFacts;

    /** The fact named {@code key} about this whole text, computed by {@code compute} at the first call only. */
    boolean messageFact(String key, java.util.function.BooleanSupplier compute) {
        if (messageFacts == null) messageFacts = new java.util.HashMap<>(8);
        Boolean known = messageFacts.get(key);
        if (known == null) {
            known = compute.getAsBoolean();
            messageFacts.put(key, known);
        }
        return known;
    }

    /** {@link OrganisationNames#mark}'s marks, computed at the first call for this text. */
    boolean[] organisationWords(OrganisationNames organisations) {
        if (organisationWords == null) {
            organisationWords = new boolean[tokens.size()];
            organisations.mark(this, organisationWords);
        }
        return organisationWords;
    }

    char at(int i) {
        return i >= 0 && i < c.length ? c[i] : ' ';
    }

    static char[] clean(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (ch == 'O' || ch == 'o') OcrZeros.read(c, i);
            else if (ch == '0' || ch == '1') OcrZeros.readLetter(c, i);
            else if (ch == 'l') OcrZeros.readInitialI(c, i);
            if (ch >= 0x20 && ch < 0x7F) continue; // printable ASCII stays as it is
            if (Character.isHighSurrogate(ch)) {
                if (i + 1 < c.length && Character.isLowSurrogate(c[i + 1])) {
                    i++; // a valid pair (emoji etc.) stays, it separates tokens like any symbol
                } else {
                    c[i] = ' ';
                }
            } else if (Character.isLowSurrogate(ch)) {
                c[i] = ' ';
            } else if (ch == '\u00A0' || ch == '\u202F' || ch == '\u2007' || ch == '\u2009') {
                c[i] = ' ';
            } else if (ch >= '\u2010' && ch <= '\u2015' || ch == '\u2212') {
                c[i] = '-';
            } else if (ch == '\uFF20') {
                c[i] = '@';
            } else if (ch < 0x20 || (ch >= 0x7F && ch < 0xA0)) {
                c[i] = ch == '\n' || ch == '\t' ? ch : ' ';
            } else if (Character.getType(ch) == Character.FORMAT) {
                c[i] = ' '; // RLM/LRM, bidi embeddings, ZWSP/ZWJ, BOM, soft hyphen
            }
        }
        return c;
    }

    private static List<Token> tokenize(char[] c) {
        KeywordLists.Index keywords = KeywordLists.current();
        int generation = keywords.generation();
        List<Token> tokens = new ArrayList<>(Math.max(8, c.length / 5));
        int i = 0;
        int n = c.length;
        while (i < n) {
            char ch = c[i];
            if (Chars.isDigit(ch)) {
                int s = i;
                while (i < n && Chars.isDigit(c[i])) i++;
                String t = new String(c, s, i - s);
                tokens.add(new Token(s, i, Kind.NUMBER, t, t, false, 0, keywords.numberLists(t), generation));
            } else if (Chars.isLetter(ch)) {
                int s = i;
                boolean spaceless = ch >= 0x80 && Chars.spaceless(ch); // "Matrikelnummerは" is two words
                i++;
                while (i < n) {
                    char d = c[i];
                    boolean letter = Chars.isLetter(d);
                    if (letter
                            && (Chars.spaceless(d) != spaceless || Chars.eastAsian(d) != Chars.eastAsian(c[i - 1]))) {
                        break; // "Matrikelnummerは", "Nakamura Renです": a change of script ends the word
                    } else if (letter || d >= 0x80 && Chars.isMark(d)) {
                        i++;
                    } else if ((d == '-' || d == '\'' || d == '\u2019')
                            && i + 1 < n
                            && Chars.isLetter(c[i + 1])
                            && !spaceless
                            && !Chars.spaceless(c[i + 1])) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                String t = new String(c, s, i - s);
                String folded = withoutPossessive(Folding.fold(t));
                tokens.add(new Token(
                        s,
                        i,
                        Kind.WORD,
                        t,
                        folded,
                        Character.isUpperCase(ch),
                        Lexicons.get().bits(folded),
                        keywords.lists(folded),
                        generation));
            } else {
                i++;
            }
        }
        return tokens;
    }

    private static final WordSet NOT_POSSESSIVE =
            WordSet.of("that", "what", "there", "here", "name", "where", "let", "who");

    /** "Lukas's", "Ewa's": a name with the English possessive is looked up as the name. */
    private static String withoutPossessive(String folded) {
        int n = folded.length();
        if (n < 5 || folded.charAt(n - 2) != '\'' || folded.charAt(n - 1) != 's') return folded;
        String base = folded.substring(0, n - 2);
        return NOT_POSSESSIVE.contains(base) ? folded : base;
    }

    /**
     * {@code s.equals(s.toUpperCase())} (default locale, as the rules were written) without the copy for ASCII text:
     * an ASCII string is unchanged exactly when it has no 'a'–'z'.
     */
    static boolean unchangedByUpperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80) return s.equals(s.toUpperCase());
            if (ch >= 'a' && ch <= 'z') return false;
        }
        return true;
    }

    /** The ASCII digits of {@code s}, in order: "0151 / 234-56" becomes "015123456". */
    static String digitsOf(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') b.append(ch);
        }
        return b.toString();
    }

    /** The texts of tokens {@code from} (inclusive) to {@code to} (exclusive) joined: a grouped number's digits. */
    static String textOf(List<Token> tokens, int from, int to) {
        StringBuilder b = new StringBuilder(16);
        for (int k = from; k < to; k++) b.append(tokens.get(k).text());
        return b.toString();
    }

    /** Index of the first token starting at or after {@code pos}. */
    int tokenAtOrAfter(int pos) {
        int lo = 0;
        int hi = tokens.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tokens.get(mid).start() < pos) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** The last non-whitespace char before {@code pos}, or ' ': looks back no further than the previous token. */
    char lastCharBefore(int pos) {
        for (int i = pos - 1; i >= 0; i--) {
            if (!Character.isWhitespace(c[i])) return c[i];
        }
        return ' ';
    }

    /** True if only spaces/punctuation from {@code chars} lie between {@code from} and {@code to}. */
    boolean onlyBetween(int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            char ch = c[i];
            if (ch != ' ' && chars.indexOf(ch) < 0) return false;
        }
        return true;
    }
}
