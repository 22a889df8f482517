package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.function.Predicate;

/**
 * Identifiers of the OTHER_ID kind after their keyword, German and foreign: student matriculation numbers
 * ("Matrikelnummer 2193847", "student number s4102937"), social-security and pension-insurance numbers of any
 * country ("National Insurance number QQ 12 34 56 C", "SV-Nummer …", "PESEL …"), health-insurance numbers
 * ("Versichertennummer M482915734"), tax numbers ("Steuernummer 21/815/08150") and VAT ids. The value is the
 * run of digit groups and short letter groups after the keyword, however it is spaced or punctuated. Shapes
 * that need no keyword are {@link IdShapes}'.
 */
final class OtherIdRule implements Scanner {

    static final double SCORE = 0.93;

    private static final WordSet PERSONAL_NUMBER = WordSet.of("personalnummer", "personalnr", "personal-nr");

    private static final WordSet PERSONAL_NUMBER_PAIRS =
            WordSet.of("personal number", "personal no", "personal nr", "numri personal", "personal code");

    /** The first words of {@link #PERSONAL_NUMBER_PAIRS}: only after one of them is the pair looked up. */
    private static final WordSet PERSONAL_NUMBER_PAIR_HEADS = WordSet.copyOf(PERSONAL_NUMBER_PAIRS.stream()
            .map(pair -> pair.substring(0, pair.indexOf(' ')))
            .toList());

    /** The first words of {@link OtherIdKeywords#PAIRS}: only after one of them is the pair looked up. */
    private static final WordSet PAIR_HEADS = WordSet.copyOf(OtherIdKeywords.PAIRS.stream()
            .map(pair -> pair.substring(0, pair.indexOf(' ')))
            .toList());

    private static final WordSet FILLERS = WordSet.of(
            "ist", "is", "lautet", "lauten", "my", "mein", "meine", "meiner", "his", "her", "sein", "seine", "ihre",
            "no", "nr", "number", "nummer", "num", "numero", "der", "des", "die", "the", "von", "of", "vom", "from",
            "card", "karte", "id", "code", "ja", "also", "hier", "here", "war", "was", "da", "wie", "folgt");

    /** Words that end the keyword's reach: "Matrikelnummer habe ich nicht, aber …". */
    private static final WordSet BREAKERS = WordSet.of(
            "aber", "but", "und", "and", "oder", "or", "nicht", "not", "kein", "keine", "noch", "yet", "weiss", "know",
            "habe", "hab", "have", "hat", "has", "brauche", "need", "wo", "where", "wann", "when");

    private static final int MAX_FILLERS = 4;
    private static final int MAX_GROUPS = 8;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).isWord()) continue;
            int after = keywordEnd(s, i);
            if (after < 0) continue;
            int end = capture(s, after, out);
            if (end > i) i = end - 1;
        }
    }

    /** An OTHER_ID keyword of one token (folded): a nearer one than a document word types the value after it. */
    static boolean keyword(String folded) {
        return OtherIdKeywords.WORDS.contains(folded) || IdentityWords.number(folded, OtherIdKeywords.WORDS::contains);
    }

    /** {@link OtherIdKeywords#WORDS} as the test of a number word's head, made once (a method reference is a new object). */
    private static final Predicate<String> KEYWORD_HEAD = OtherIdKeywords.WORDS::contains;

    /** {@link #keyword(String)} of a token's folded form. */
    static boolean keyword(Token word) {
        return OtherIdKeywords.WORDS.has(word) || IdentityWords.number(word, KEYWORD_HEAD);
    }

    /** Index of the token after a keyword at {@code i}, or -1. */
    private static int keywordEnd(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token first = t.get(i);
        if (keyword(first)) return i + 1;
        if (PERSONAL_NUMBER.has(first) && IdentityWords.cueInMessage(s, "personal-number")) return i + 1;
        if (i + 1 >= t.size() || !t.get(i + 1).isWord() || t.get(i + 1).start() - first.end() > 2) return -1;
        Token second = t.get(i + 1);
        // the pair is spelt out only after a first word of one (most words are none: a bit test each)
        if (PAIR_HEADS.has(first) && OtherIdKeywords.PAIRS.contains(pair(first, second))
                || IdentityWords.numberPair(first, second)) return i + 2;
        if (PERSONAL_NUMBER_PAIR_HEADS.has(first)
                && PERSONAL_NUMBER_PAIRS.contains(pair(first, second))
                && IdentityWords.cueInMessage(s, "personal-number")) return i + 2;
        return -1;
    }

    private static String pair(Token first, Token second) {
        return first.folded() + " " + second.folded();
    }

    /** Captures the value after the keyword (after a few fillers); returns the token index after it, or -1. */
    private static int capture(TextScan s, int from, List<Detection> out) {
        List<Token> t = s.tokens;
        int k = from;
        int fillers = 0;
        while (k < t.size() && t.get(k).isWord() && fillers < MAX_FILLERS && !valueStart(s, k)) {
            if (!filler(t.get(k).folded())) return -1;
            k++;
            fillers++;
        }
        if (k >= t.size()
                || !valueStart(s, k)
                || t.get(k).start() - t.get(k - 1).end() > 4) return -1;
        int first = k;
        int digits = 0;
        int end = k;
        while (end < t.size() && end - first < MAX_GROUPS) {
            Token g = t.get(end);
            if (end > first) {
                int gap = g.start() - t.get(end - 1).end();
                if (gap > 1 || gap == 1 && " -./".indexOf(s.at(g.start() - 1)) < 0) break;
                if (gap == 1 && s.at(g.start() - 1) == '.' && !Chars.isDigit(s.at(g.start()))) break;
            }
            if (g.isNumber()) {
                digits += g.length();
            } else if (g.length() > (end == first ? 6 : 3)
                    || Chars.spaceless(g.text().charAt(0)) // "…です": Japanese after the number, no space
                    || !TextScan.unchangedByUpperCase(g.text()) && g.length() > 1) {
                break; // a letter prefix of up to six ("BQZPM4817K"), then short letter groups
            }
            end++;
        }
        while (end > first + 1 && !t.get(end - 1).isNumber() && t.get(end - 1).length() > 1 && !checkLetters(t, end))
            end--;
        int length = t.get(end - 1).end() - t.get(first).start();
        if (digits < 5 && !(digits >= 4 && length >= 9)) return -1;
        out.add(new Detection(
                EntityType.OTHER_ID, t.get(first).start(), t.get(end - 1).end(), SCORE));
        return end;
    }

    /** "5830271GW": two capitals glued to the digits before them are an Irish PPS number's check and type letters. */
    private static boolean checkLetters(List<Token> t, int end) {
        Token last = t.get(end - 1);
        return last.length() == 2 && t.get(end - 2).isNumber() && t.get(end - 2).end() == last.start();
    }

    /** A word between keyword and value: "Versichertennummer der Krankenkasse: …"; not another number's keyword. */
    private static boolean filler(String w) {
        if (FILLERS.contains(w) || keyword(w)) return true;
        return !BREAKERS.contains(w) && !w.contains("nummer") && !w.contains("number") && !w.endsWith("nr");
    }

    /**
     * A number, or a group of up to three letters (six for a codice fiscale) joined to a number: "QQ 12 34 56 C",
     * "s4102937", "M482915734", "DE 287 654 321".
     */
    private static boolean valueStart(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token token = t.get(k);
        if (token.isNumber()) return true;
        if (k + 1 >= t.size() || !t.get(k + 1).isNumber() || token.length() > 6) return false;
        if (Chars.spaceless(token.text().charAt(0))) return false; // "Matrikelnummerは2048…": a particle
        boolean upper = TextScan.unchangedByUpperCase(token.text());
        int gap = t.get(k + 1).start() - token.end();
        if (gap == 0) return upper || token.length() == 1;
        // "PhilSys ID 2175-…", "SSS NO 34-…": a filler spelt in capitals is no letter group of the value
        return gap == 1
                && upper
                && token.length() <= 3
                && " -".indexOf(s.at(token.end())) >= 0
                && !FILLERS.contains(token.folded());
    }
}
