package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.Map;

/**
 * A {@link WordTable} that rules ask of nearly every token (month names, number words) whose words are also a keyword
 * list ({@link KeywordLists}): a token in none of them, the usual case, is answered by a bit test.
 */
final class KeywordTable {

    private final WordTable values;
    private final WordSet words;

    KeywordTable(Map<String, Integer> entries) {
        values = new WordTable(entries);
        words = WordSet.copyOf(entries.keySet());
    }

    /** The value of {@code word}, {@code absent} if it has none. */
    int get(String word, int absent) {
        return values.get(word, absent);
    }

    /** {@link #get(String, int)} of the token's folded form. */
    int get(Token token, int absent) {
        return words.has(token) ? values.get(token.folded(), absent) : absent;
    }
}
