package io.carehub.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Word endings grouped by their last char, for the rules that ask whether a word ends in one of many suffixes
 * (street words, organisation heads): a word is compared only with the suffixes that end in its own last char,
 * not with the whole list.
 */
final class SuffixList {

    private static final String[] NONE = new String[0];

    /** Index: the last char, ASCII only; {@link #OTHER} holds the suffixes ending in any other char. */
    private final String[][] byLastChar = new String[129][];

    private static final int OTHER = 128;

    SuffixList(Collection<String> suffixes) {
        List<List<String>> groups = new ArrayList<>();
        for (int k = 0; k < byLastChar.length; k++) groups.add(new ArrayList<>());
        for (String suffix : suffixes) {
            if (suffix.isEmpty()) {
                for (List<String> group : groups) group.add(suffix); // "" ends every word
            } else {
                groups.get(index(suffix.charAt(suffix.length() - 1))).add(suffix);
            }
        }
        for (int k = 0; k < byLastChar.length; k++)
            byLastChar[k] = groups.get(k).toArray(NONE);
    }

    private static int index(char last) {
        return last < OTHER ? last : OTHER;
    }

    /** The suffixes {@code word} can end in: every one that ends in its last char (for "", the empty suffix). */
    String[] endingLike(String word) {
        if (word.isEmpty()) return emptyOnly();
        return byLastChar[index(word.charAt(word.length() - 1))];
    }

    private String[] emptyOnly() {
        for (String suffix : byLastChar[0]) {
            if (suffix.isEmpty()) return new String[] {suffix};
        }
        return NONE;
    }
}
