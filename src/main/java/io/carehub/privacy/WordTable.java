package io.carehub.privacy;

import java.util.Map;

/**
 * An immutable map from words to ints (the lexicons' flags, month and number words), asked for nearly every token.
 * Most tokens are in no list, and the lexicons' table is too large to stay in the cache, so a miss is made to cost one
 * cache line: every slot packs the entry's hash and its value into one long, and the words themselves are looked at
 * only where the hashes agree.
 */
final class WordTable {

    /**
     * Open addressing, linear probing; at most half full. A slot holds {@code fingerprint << 32 | value}, 0 when empty;
     * the fingerprint is the word's hash code with 0 read as 1, so no entry's slot is 0.
     */
    private final long[] slots;

    /** The word of each slot, compared only when a slot's fingerprint matches. */
    private final String[] words;

    private final int mask;
    private final int shift;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        slots = new long[capacity];
        words = new String[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            int f = fingerprint(e.getKey().hashCode());
            int i = slot(f);
            while (slots[i] != 0) i = (i + 1) & mask; // the map's keys are distinct
            slots[i] = (long) f << 32 | (e.getValue() & 0xFFFF_FFFFL);
            words[i] = e.getKey();
        }
    }

    private static int fingerprint(int hash) {
        return hash == 0 ? 1 : hash;
    }

    /** Fibonacci hashing: the top bits of the hash times 2^32/phi, so similar short words spread over the table. */
    private int slot(int f) {
        return (f * 0x9E3779B9) >>> shift;
    }

    /** The value of {@code word}, {@code absent} if it has none; like {@code Map.of(...).get}, null throws. */
    int get(String word, int absent) {
        int f = fingerprint(word.hashCode());
        for (int i = slot(f); ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) return absent;
            if ((int) (s >>> 32) == f && words[i].equals(word)) return (int) s;
        }
    }
}
