package io.carehub.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word of every keyword list ({@link WordSet}) with the lists it is in, so that a token is looked up once when
 * the text is split ({@link TextScan.Token#keywordLists}) instead of once per list by every rule that asks; a list
 * then answers for a token with a bit test ({@link WordSet#has(TextScan.Token)}).
 *
 * <p>The lists are static fields of the rules' classes, which initialize lazily, possibly after a text was split: a
 * token's lists are only as complete as the index was when it was looked up. The index therefore counts its lists
 * (its generation), a token keeps the count it was looked up at, and a list trusts the token's bits only while no
 * list has been added since; otherwise it looks the word up itself.
 */
final class KeywordLists {

    /**
     * The index at one generation: immutable, replaced as a whole when lists were added. {@code numbers}: whether a
     * list has a word of digits only ("112"); while none has, a number token is in no list and is not looked up.
     */
    record Index(WordTable ids, long[][] listsById, int generation, boolean numbers) {

        /** The lists {@code folded} is in, as a bit per list id; null if it is in none. */
        long[] lists(String folded) {
            int id = ids.get(folded, -1);
            return id < 0 ? null : listsById[id];
        }

        /** {@link #lists} of a number token's digits: most messages' numbers are looked up for nothing. */
        long[] numberLists(String digits) {
            return numbers ? lists(digits) : null;
        }
    }

    /** Each word's lists, kept for building the next index; guarded by the class's lock. */
    private static final Map<String, BitSet> LISTS_BY_WORD = new LinkedHashMap<>();

    /** How many lists were added; written under the class's lock, after their words are in {@link #LISTS_BY_WORD}. */
    private static volatile int lists;

    private static volatile Index current = new Index(new WordTable(Map.of()), new long[0][], 0, false);

    private KeywordLists() {}

    /**
     * The index of every list added so far, read once per text that is split. It is built again only when lists were
     * added since, not at every list: the rules' classes add theirs in bursts, a hundred and more when a detector is
     * made.
     */
    static Index current() {
        Index index = current;
        return index.generation() == lists ? index : rebuild();
    }

    /** Adds a list of words and returns its id, the bit {@link WordSet#has(TextScan.Token)} tests. */
    static synchronized int add(Collection<String> words) {
        int id = lists;
        for (String word : words)
            LISTS_BY_WORD.computeIfAbsent(word, w -> new BitSet()).set(id);
        lists = id + 1;
        return id;
    }

    private static synchronized Index rebuild() {
        int generation = lists;
        if (current.generation() == generation) return current;
        int longs = (generation + 63) >>> 6;
        Map<String, Integer> ids = new HashMap<>();
        List<long[]> listsById = new ArrayList<>(LISTS_BY_WORD.size());
        boolean numbers = false;
        for (Map.Entry<String, BitSet> e : LISTS_BY_WORD.entrySet()) {
            numbers |= digitsOnly(e.getKey());
            ids.put(e.getKey(), listsById.size());
            listsById.add(Arrays.copyOf(e.getValue().toLongArray(), longs)); // every array long enough for every id
        }
        current = new Index(new WordTable(ids), listsById.toArray(long[][]::new), generation, numbers);
        return current;
    }

    private static boolean digitsOnly(String word) {
        if (word.isEmpty()) return false;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') return false;
        }
        return true;
    }
}
