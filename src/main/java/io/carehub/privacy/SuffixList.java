package io.carehub.privacy;

import java.util.Arrays;
import java.util.Collection;

/**
 * Word endings, for the rules that ask whether a word ends in one of many suffixes (street words, surname and
 * organisation endings). The suffixes are kept as a trie of their reversed chars, so a word is read once from its
 * end, one char per step, however many suffixes there are, instead of being compared with each of them.
 */
final class SuffixList {

    /** Per node: its char, its first child and its next sibling (-1: none), and whether a suffix ends there. */
    private char[] label = new char[16];

    private int[] firstChild = new int[16];
    private int[] nextSibling = new int[16];
    private boolean[] terminal = new boolean[16];
    private int size = 1; // node 0 is the root, the empty ending

    /** The root's child for each ASCII char, -1 for none: the first step needs no search among siblings. */
    private final int[] rootChild = new int[128];

    SuffixList(Collection<String> suffixes) {
        firstChild[0] = -1;
        nextSibling[0] = -1;
        for (String suffix : suffixes) add(suffix);
        Arrays.fill(rootChild, -1);
        for (int child = firstChild[0]; child >= 0; child = nextSibling[child]) {
            if (label[child] < 128) rootChild[label[child]] = child;
        }
    }

    private void add(String suffix) {
        int node = 0;
        for (int k = suffix.length() - 1; k >= 0; k--) {
            char ch = suffix.charAt(k);
            int child = child(node, ch);
            if (child < 0) child = newChild(node, ch);
            node = child;
        }
        terminal[node] = true;
    }

    private int newChild(int parent, char ch) {
        if (size == label.length) {
            int capacity = 2 * size;
            label = Arrays.copyOf(label, capacity);
            firstChild = Arrays.copyOf(firstChild, capacity);
            nextSibling = Arrays.copyOf(nextSibling, capacity);
            terminal = Arrays.copyOf(terminal, capacity);
        }
        int node = size++;
        label[node] = ch;
        firstChild[node] = -1;
        nextSibling[node] = firstChild[parent];
        firstChild[parent] = node;
        return node;
    }

    private int child(int node, char ch) {
        int child = firstChild[node];
        while (child >= 0 && label[child] != ch) child = nextSibling[child];
        return child;
    }

    /**
     * Whether {@code word} ends in one of the suffixes with at least {@code minStem} chars before it: for a suffix
     * list {@code L}, {@code L.stream().anyMatch(x -> word.endsWith(x) && word.length() - x.length() >= minStem)}.
     */
    boolean endsWithAny(String word, int minStem) {
        int n = word.length();
        int longest = n - minStem; // the longest suffix that leaves the stem
        if (longest < 0) return false;
        if (terminal[0]) return true;
        if (longest == 0) return false;
        char last = word.charAt(n - 1);
        int node = last < 128 ? rootChild[last] : child(0, last);
        for (int k = 1; node >= 0; k++) {
            if (terminal[node]) return true;
            if (k == longest) return false;
            node = child(node, word.charAt(n - 1 - k));
        }
        return false;
    }
}
