package io.carehub.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Word beginnings grouped by their first char, for the rules that ask whether a word starts with one of many heads
 * (the words for identity documents): a word is compared only with the heads that start with its own first char,
 * not with the whole list. Each group keeps the list's order. The counterpart of {@link SuffixList}.
 */
final class PrefixList {

    private static final String[] NONE = new String[0];

    /** Index: the first char, ASCII only; {@link #OTHER} holds the heads starting with any other char. */
    private final String[][] byFirstChar = new String[129][];

    private final String[] empty;

    private static final int OTHER = 128;

    PrefixList(Collection<String> prefixes) {
        List<List<String>> groups = new ArrayList<>();
        for (int k = 0; k < byFirstChar.length; k++) groups.add(new ArrayList<>());
        List<String> emptyOnes = new ArrayList<>();
        for (String prefix : prefixes) {
            if (prefix.isEmpty()) {
                emptyOnes.add(prefix);
                for (List<String> group : groups) group.add(prefix); // "" starts every word
            } else {
                groups.get(index(prefix.charAt(0))).add(prefix);
            }
        }
        for (int k = 0; k < byFirstChar.length; k++)
            byFirstChar[k] = groups.get(k).toArray(NONE);
        empty = emptyOnes.toArray(NONE);
    }

    private static int index(char first) {
        return first < OTHER ? first : OTHER;
    }

    /** The heads {@code word} can start with: every one that starts with its first char (for "", the empty head). */
    String[] startingLike(String word) {
        return word.isEmpty() ? empty : byFirstChar[index(word.charAt(0))];
    }

    /** Whether {@code word} starts with one of the heads. */
    boolean startsAny(String word) {
        for (String prefix : startingLike(word)) {
            if (word.startsWith(prefix)) return true;
        }
        return false;
    }
}
