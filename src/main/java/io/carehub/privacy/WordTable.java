package io.carehub.privacy;

import java.util.Map;

/**
 * An immutable map from words to ints (the lexicons' flags, month and number words), asked for nearly every token.
 * The lexicons' table is too large to stay in the cache, so a lookup is made to cost one cache line where it can: a
 * slot keeps the entry's hash, its value and, for a short word (most stop and common words), the word's chars packed
 * into a long, side by side. A miss compares hashes only; a hit on a short word compares the packed chars; only a
 * longer word is compared with the entry's String.
 */
final class WordTable {

    /**
     * Open addressing, linear probing; at most half full. Slot i is two longs: at 2i {@code fingerprint << 32 | value},
     * 0 when empty (the fingerprint is the word's hash code with 0 read as 1, so no entry's is 0); at 2i + 1 the word
     * {@link #packed}.
     */
    private final long[] slots;

    /** The word of each slot, compared only when a slot's fingerprint matches and the word is not packed. */
    private final String[] words;

    /** {@link #packed} of a word that does not fit in a long. */
    private static final long LONG = -1;

    private final int mask;
    private final int shift;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        slots = new long[2 * capacity];
        words = new String[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            int f = fingerprint(e.getKey().hashCode());
            int i = slot(f);
            while (slots[2 * i] != 0) i = (i + 1) & mask; // the map's keys are distinct
            slots[2 * i] = (long) f << 32 | (e.getValue() & 0xFFFF_FFFFL);
            slots[2 * i + 1] = packed(e.getKey());
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

    /**
     * A word of up to seven Latin-1 chars as a long: its length in the top byte, its chars below, so two packed words
     * are equal exactly when the words are; {@link #LONG} for any other word.
     */
    private static long packed(String word) {
        int n = word.length();
        if (n > 7) return LONG;
        long p = (long) n << 56;
        for (int k = 0; k < n; k++) {
            char ch = word.charAt(k);
            if (ch > 0xFF) return LONG;
            p |= (long) ch << (8 * k);
        }
        return p;
    }

    /** The value of {@code word}, {@code absent} if it has none; like {@code Map.of(...).get}, null throws. */
    int get(String word, int absent) {
        int f = fingerprint(word.hashCode());
        long packed = 0; // the word packed, computed at the first slot whose fingerprint matches
        for (int i = slot(f); ; i = (i + 1) & mask) {
            long s = slots[2 * i];
            if (s == 0) return absent;
            if ((int) (s >>> 32) != f) continue;
            if (packed == 0) packed = packed(word);
            long entry = slots[2 * i + 1];
            if (entry != LONG ? entry == packed : words[i].equals(word)) return (int) s;
        }
    }
}
