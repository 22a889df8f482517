package io.carehub.privacy;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * An immutable set of words for the rules' keyword lists, asked {@code contains} for nearly every token of every
 * message. {@code Set.of} compares the word with each entry it probes by {@code equals}; this set probes an array of
 * the entries' hash codes and compares the words only where the hashes agree, so a word that is not in the list (the
 * usual case) costs a few int comparisons in one cache line and no visit to the entries or their chars.
 */
final class WordSet extends AbstractSet<String> {

    /**
     * Open addressing, linear probing; at most a quarter full, so a miss ends after a slot or two. A slot holds the
     * entry's fingerprint (its hash code, 0 read as 1), 0 when empty.
     */
    private final int[] hashes;

    /** The entry of each slot, compared only when a slot's fingerprint matches. */
    private final String[] words;

    private final int mask;
    private final int shift;
    private final int size;

    /** This list's id in {@link KeywordLists}: its bit in a token's {@link TextScan.Token#keywordLists}. */
    private final int list;

    private WordSet(Collection<String> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) << 1;
        words = new String[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        int count = 0;
        for (String word : entries) {
            int h = fingerprint(word.hashCode());
            int i = slot(h);
            while (hashes[i] != 0 && !(hashes[i] == h && words[i].equals(word))) i = (i + 1) & mask;
            if (hashes[i] == 0) {
                words[i] = word;
                hashes[i] = h;
                count++;
            }
        }
        size = count;
        list = KeywordLists.add(entries);
    }

    /** The set of {@code words}; like {@code Set.of} it refuses null entries. */
    static WordSet of(String... words) {
        for (String word : words) Objects.requireNonNull(word);
        return new WordSet(Arrays.asList(words));
    }

    static WordSet copyOf(Collection<String> words) {
        for (String word : words) Objects.requireNonNull(word);
        return new WordSet(List.copyOf(words));
    }

    private static int fingerprint(int hash) {
        return hash == 0 ? 1 : hash;
    }

    /** Fibonacci hashing: the top bits of the hash times 2^32/phi, so similar short words spread over the table. */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** Like {@code Set.of(...).contains}: null throws, a non-String is never in the set. */
    @Override
    public boolean contains(Object o) {
        if (!(Objects.requireNonNull(o) instanceof String word)) return false;
        return has(word);
    }

    /** {@link #contains} for a String, without the type test. */
    boolean has(String word) {
        int h = fingerprint(word.hashCode());
        for (int i = slot(h); ; i = (i + 1) & mask) {
            int entry = hashes[i];
            if (entry == 0) return false;
            if (entry == h && words[i].equals(word)) return true;
        }
    }

    /**
     * {@link #has(String)} of the token's folded form: a bit test when the token was looked up in {@link KeywordLists}
     * after this list was added (always, once the rules' classes are initialized), else the lookup by the word. The
     * token's generation says which lists its bits know: those whose id is below it.
     */
    boolean has(TextScan.Token token) {
        if (list >= token.keywordGeneration()) return has(token.folded());
        long[] lists = token.keywordLists();
        return lists != null && (lists[list >>> 6] & 1L << list) != 0; // the shift takes list's low six bits
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < words.length && words[i] == null) i++;
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < words.length;
            }

            @Override
            public String next() {
                if (next >= words.length) throw new NoSuchElementException();
                String word = words[next];
                next = advance(next + 1);
                return word;
            }
        };
    }
}
