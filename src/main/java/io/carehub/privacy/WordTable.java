package io.carehub.privacy;

import java.util.Map;

/**
 * An immutable map from words to ints (the lexicons' flags, month and number words), asked for nearly every token. Like {@link WordSet} it keeps
 * every entry's hash code beside it and compares words only where the hashes agree: most tokens are in no list, and a
 * miss then costs a few int comparisons instead of a walk through {@code HashMap} nodes and boxed values.
 */
final class WordTable {

    /** Open addressing, linear probing; at most half full. */
    private final String[] words;

    private final int[] hashes;
    private final int[] values;
    private final int mask;
    private final int shift;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        words = new String[capacity];
        hashes = new int[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            int h = e.getKey().hashCode();
            int i = slot(h);
            while (words[i] != null) i = (i + 1) & mask; // the map's keys are distinct
            words[i] = e.getKey();
            hashes[i] = h;
            values[i] = e.getValue();
        }
    }

    /** Fibonacci hashing: the top bits of the hash times 2^32/phi, so similar short words spread over the table. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** The value of {@code word}, {@code absent} if it has none; like {@code Map.of(...).get}, null throws. */
    int get(String word, int absent) {
        int h = word.hashCode();
        for (int i = slot(h); ; i = (i + 1) & mask) {
            String entry = words[i];
            if (entry == null) return absent;
            if (hashes[i] == h && entry.equals(word)) return values[i];
        }
    }
}
