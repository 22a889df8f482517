package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Greetings and function words of the other languages customers write in ("Dobar dan", "Bom dia", "Imam samo",
 * "la mia mail", "Hej! Kan I ringe"), which a model trained on German and English takes for names when they stand
 * capitalized or next to one. From {@code privacy/foreign-words.txt}: single words no name lexicon lists, and pairs
 * of words that are no names only together (the "Dan" of "Dobar dan" is a name elsewhere).
 */
final class ForeignWords {

    private final Set<String> words = new HashSet<>();
    /** Latin words of two letters ("je", "na", "ik"): no name written lower-case right before a capitalized word. */
    private final Set<String> shortWords = new HashSet<>();

    private final Map<String, Set<String>> pairs = new HashMap<>();
    /** Greetings that are names too ("Bok", "Ola", "Hej"): no name as a message's first word before "," or "!". */
    private final Set<String> greetings = new HashSet<>();
    /**
     * Every listed word folded, asked first by the token: most tokens are in no list. It depends on the file alone, so
     * it is one keyword list ({@link KeywordLists}) for every detector.
     */
    private static final WordSet FOLDED_WORDS = foldedWords();

    ForeignWords(Lexicons lex) {
        for (String line : OrganisationNames.lines("foreign-words.txt")) {
            boolean pairLine = line.startsWith("pair:");
            boolean greetingLine = line.startsWith("greeting:");
            String entries = pairLine ? line.substring(5) : greetingLine ? line.substring(9) : line;
            for (String entry : entries.trim().split("\\s+")) {
                if (entry.isEmpty()) continue;
                String word = lower(entry);
                if (greetingLine) {
                    greetings.add(word);
                } else if (pairLine) {
                    int plus = word.indexOf('+');
                    pairs.computeIfAbsent(word.substring(0, plus), w -> new HashSet<>())
                            .add(word.substring(plus + 1));
                } else if (word.length() < 3 && word.charAt(0) <= 0x24F) {
                    shortWords.add(word);
                } else if (!isName(lex, word)) {
                    words.add(word);
                }
            }
        }
    }

    private static WordSet foldedWords() {
        Set<String> folded = new HashSet<>();
        for (String line : OrganisationNames.lines("foreign-words.txt")) {
            String entries = line.startsWith("pair:")
                    ? line.substring(5)
                    : line.startsWith("greeting:") ? line.substring(9) : line;
            for (String entry : entries.trim().split("\\s+")) {
                if (entry.isEmpty()) continue;
                for (String part : lower(entry).split("\\+")) folded.add(Folding.fold(part));
            }
        }
        return WordSet.copyOf(folded);
    }

    /**
     * A name in the lexicons stays out of the single words ("Dan", "Sam", "Mia"; "olá" is no "Ola"). A Latin word of
     * two letters is kept apart: the lexicons do not hold names that short ("li" is Croatian and a Chinese surname).
     */
    private static boolean isName(Lexicons lex, String word) {
        String folded = Folding.fold(word);
        boolean ascii = word.chars().allMatch(ch -> ch < 0x80);
        return lex.isName(folded) || ascii && (lex.isWorldName(folded) || lex.isAnyFirstName(folded));
    }

    /** Token k is a foreign function word or greeting, alone or as part of a listed pair with its neighbour. */
    boolean noName(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (!FOLDED_WORDS.has(t.get(k))) return false;
        String w = lower(t.get(k).text());
        if (words.contains(w)) return true;
        if (shortWords.contains(w) && !t.get(k).capitalized() && beforeACapital(s, k)) return true;
        if (k == 0
                && greetings.contains(w)
                && (s.at(t.get(k).end()) == ',' || s.at(t.get(k).end()) == '!')) return true;
        if (k + 1 < t.size()
                && spaced(s, k)
                && pairs.getOrDefault(w, Set.of()).contains(lower(t.get(k + 1).text()))) {
            return true;
        }
        return k > 0
                && spaced(s, k - 1)
                && pairs.getOrDefault(lower(t.get(k - 1).text()), Set.of()).contains(w);
    }

    /** "je Kovač", "ik Jansen": the next word is capitalized ("li na" may be a name written lower-case). */
    private static boolean beforeACapital(TextScan s, int k) {
        return k + 1 < s.tokens.size() && spaced(s, k) && s.tokens.get(k + 1).capitalized();
    }

    /** Tokens k and k + 1 are separated by one space only. */
    private static boolean spaced(TextScan s, int k) {
        return s.tokens.get(k + 1).start() - s.tokens.get(k).end() == 1
                && s.at(s.tokens.get(k).end()) == ' ';
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
