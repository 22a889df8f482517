package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Addresses in a voice message typed out by speech-to-text, every number in words: "amselweg zwölf in siebzig drei
 * siebenundsiebzig stuttgart", "Schützenstraße elf in sieben acht null fünf null Villingen", "die postleitzahl ist
 * sechs sechs eins eins eins saarbrücken", "die straße ist dudweilerstraße vierundzwanzig".
 *
 * <p>Three shapes: a street (a word ending like a street, longer than the ending) and a house number in words; a
 * postcode said in words, five digits exactly, with a town after it, after the word postcode; and a street or any word
 * after "ich wohne", a house number in words, "in", such a postcode and its town. The postcode's five digits are what
 * make a word sequence an address: "sieben" alone after a word says nothing. Linear: each street word or postcode word
 * looks at the dozen words after it.
 */
final class DictatedAddresses implements Scanner {

    private static final WordSet POSTCODE_WORDS = WordSet.of("postleitzahl", "plz", "postcode", "zip");
    private static final WordSet COPULAS = WordSet.of("ist", "lautet", "is", "die", "waere");
    private static final WordSet LIVE_WORDS = WordSet.of("wohne", "wohn", "wohnen", "wohnt", "wohnhaft");
    private static final int POSTCODE_DIGITS = 5;

    private final Lexicons lex;

    DictatedAddresses(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        int covered = 0;
        for (int i = 0; i < t.size(); i++) {
            if (i < covered || !t.get(i).isWord()) continue;
            Token w = t.get(i);
            String f = w.folded();
            if (POSTCODE_WORDS.has(w)) {
                int k = i + 1;
                while (k < t.size() && k - i <= 2 && t.get(k).isWord() && COPULAS.has(t.get(k))) k++;
                int town = postcodeAndTown(s, k);
                if (town > k) {
                    out.add(new Detection(
                            EntityType.ADDRESS,
                            t.get(k).start(),
                            t.get(town - 1).end(),
                            0.8));
                    covered = town;
                }
                continue;
            }
            boolean street = StreetLexicon.isStreetToken(w) && !StreetLexicon.STREET_WORDS.has(w);
            boolean lived = i > 0 && LIVE_WORDS.has(t.get(i - 1)) && !lex.isStopWord(w);
            if (!street && !lived) continue;
            int number = houseNumber(s, i + 1);
            if (number < 0) continue;
            int end = number;
            if (end + 1 < t.size() && t.get(end).folded().equals("in") && joined(s, end - 1, end)) {
                int town = postcodeAndTown(s, end + 1);
                if (town > end + 1) end = town;
            }
            // "ich wohne hier seit zwei Jahren", "die Hauptstraße drei Mal gesperrt": without a postcode the number
            // must
            // end the phrase
            if (end == number && (!street || !phraseEnds(s, number))) continue;
            out.add(new Detection(
                    EntityType.ADDRESS, t.get(i).start(), t.get(end - 1).end(), 0.8));
            covered = end;
        }
    }

    /** A house number in words ("zwölf", "vierundzwanzig", "hundertzwei") and its letter: the token after, or -1. */
    private static int houseNumber(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k >= t.size() || !t.get(k).isWord() || !joined(s, k - 1, k)) return -1;
        int n = NumberWords.germanUpTo999(t.get(k).folded());
        if (n < 1) return -1;
        int end = k + 1;
        if (end < t.size() && SpokenAddresses.spacedLetter(s, t.get(end))) end++;
        return end;
    }

    /** Five digits in words ("null vier sechs null null", "siebzig drei siebenundsiebzig") and a town: the token after. */
    private int postcodeAndTown(TextScan s, int k) {
        List<Token> t = s.tokens;
        int digits = 0;
        int j = k;
        while (j < t.size() && digits < POSTCODE_DIGITS && t.get(j).isWord() && (j == k || joined(s, j - 1, j))) {
            int said = NumberWords.spokenDigits(t.get(j));
            if (said < 1) break;
            digits += said;
            j++;
        }
        if (digits != POSTCODE_DIGITS || j >= t.size() || !joined(s, j - 1, j)) return -1;
        Token town = t.get(j);
        String f = town.folded();
        boolean word = town.isWord()
                && town.length() >= 3
                && NumberWords.spokenDigits(f) < 0
                && !lex.isStopWord(f)
                && (!lex.isCommon(f) || lex.isCity(f));
        return word ? j + 1 : -1;
    }

    /** After the house number the phrase ends: punctuation, the end, or a dictated "punkt", "und", "bitte". */
    private static boolean phraseEnds(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k >= t.size()) return true;
        if (!joined(s, k - 1, k)) return true;
        return PHRASE_ENDS.has(t.get(k));
    }

    private static final WordSet PHRASE_ENDS = WordSet.of("punkt", "komma", "und", "bitte", "danke", "ok", "okay");

    /** Only a space between tokens {@code a} and {@code b}: one phrase of the dictation. */
    private static boolean joined(TextScan s, int a, int b) {
        return s.onlyBetween(s.tokens.get(a).end(), s.tokens.get(b).start(), "")
                && s.tokens.get(b).start() - s.tokens.get(a).end() == 1;
    }
}
