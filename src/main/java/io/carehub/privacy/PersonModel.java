package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A linear model that scores each word of a message as part of a person's name or not: an averaged perceptron
 * trained on all labelled corpora ({@code PersonModelTraining} in the tests, see docs/privacy-engine.md). Its
 * features generalize where lexicons stop: the word's shape, prefix and suffixes (surname morphology), lexicon
 * membership (names of many origins, everyday words), and the words and punctuation around it (salutations,
 * "ich bin", "c/o", "Klingel", "in the name of", a signature after a comma). Hashed features, one weight each;
 * the weights ship as {@code privacy/person-model.bin} and are read once. Cost: a fixed number of features per
 * word, so linear in the text.
 */
final class PersonModel {

    static final int BITS = 18;
    static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;
    static final String RESOURCE = "/privacy/person-model.bin";

    /** Most features a word gets; {@link #features} writes at most this many. */
    static final int MAX_FEATURES = 48;

    private static final int FIRST = 1;
    private static final int SURNAME = 1 << 1;
    private static final int WORLD_NAME = 1 << 2;
    private static final int WORLD_FIRST = 1 << 3;
    private static final int COMMON = 1 << 4;
    private static final int STOP = 1 << 5;
    private static final int ORDINARY = 1 << 6;
    private static final int CITY = 1 << 7;
    private static final int SURNAME_SHAPE = 1 << 8;
    private static final int CAPITALIZED = 1 << 9;
    private static final int NUMBER = 1 << 10;

    private final float[] weights;

    PersonModel(float[] weights) {
        if (weights.length != SIZE) throw new IllegalArgumentException("expected " + SIZE + " weights");
        this.weights = weights;
    }

    private static final class Shipped {
        static final PersonModel INSTANCE = new PersonModel(read());
    }

    /** The shipped model, read once. */
    static PersonModel shipped() {
        return Shipped.INSTANCE;
    }

    /** Format: gzip of int count, then count pairs (int index, float weight); absent indices weigh 0. */
    private static float[] read() {
        float[] w = new float[SIZE];
        try (InputStream raw = PersonModel.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) throw new IllegalStateException("missing model " + RESOURCE);
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
            int count = in.readInt();
            for (int k = 0; k < count; k++) w[in.readInt() & MASK] = in.readFloat();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w;
    }

    /**
     * Per token: the model's score that it is (part of) a name; {@code NaN} for words never scored.
     *
     * @param found what the rules found (non-overlapping, ordered by start): a name next to other personal data
     */
    float[] scores(TextScan scan, List<Detection> found) {
        return scores(scan, found, new boolean[scan.tokens.size()]);
    }

    /**
     * As {@link #scores(TextScan, List)}, but the tokens marked in {@code skipped} are not scored either ({@code
     * NaN}): a word whose score nobody reads costs no feature lookups (the weights are a 1 MB table, each lookup
     * a likely cache miss).
     */
    float[] scores(TextScan scan, List<Detection> found, boolean[] skipped) {
        List<Token> tokens = scan.tokens;
        float[] scores = new float[tokens.size()];
        if (tokens.isEmpty()) return scores;
        int[] flags = flags(tokens);
        int[] kinds = kinds(tokens, found);
        int[] features = new int[MAX_FEATURES];
        for (int i = 0; i < scores.length; i++) {
            if (skipped[i] || !scored(tokens.get(i), flags[i])) {
                scores[i] = Float.NaN;
                continue;
            }
            int n = features(scan, flags, kinds, i, features);
            float s = 0;
            for (int k = 0; k < n; k++) s += weights[features[k]];
            scores[i] = s;
        }
        return scores;
    }

    /**
     * Numbers, stop words and single letters are never scored: no name is one of them. Nor are words of a script
     * without capitals (Hangul, Han, Thai): the model's clues are casing and Latin-script affixes, and such a word
     * is one token with its particles ("최유진이에요"); HangulNames and HanNames take these names by their context.
     */
    static boolean scored(Token t, int flags) {
        return (flags & (NUMBER | STOP)) == 0
                && t.length() >= 2
                && cased(t.text().charAt(0));
    }

    private static boolean cased(char first) {
        return Character.isUpperCase(first) || Character.isLowerCase(first);
    }

    /** Lexicon membership and casing of every token, looked up once per message. */
    static int[] flags(List<Token> tokens) {
        int[] flags = new int[tokens.size()];
        for (int i = 0; i < flags.length; i++) {
            Token t = tokens.get(i);
            if (t.isNumber()) {
                flags[i] = NUMBER;
                continue;
            }
            String w = t.folded();
            int lexicon = t.lexicon();
            int f = t.capitalized() ? CAPITALIZED : 0;
            if ((lexicon & Lexicons.STOP) != 0) {
                flags[i] = f | STOP;
                continue;
            }
            if ((lexicon & Lexicons.FIRST) != 0) f |= FIRST;
            if ((lexicon & Lexicons.SURNAME) != 0) f |= SURNAME;
            if ((lexicon & Lexicons.WORLD_NAME) != 0) f |= WORLD_NAME;
            if ((lexicon & Lexicons.WORLD_FIRST) != 0) f |= WORLD_FIRST;
            if ((lexicon & Lexicons.COMMON) != 0) f |= COMMON;
            if ((lexicon & Lexicons.ORDINARY) != 0) f |= ORDINARY;
            if ((lexicon & Lexicons.CITY) != 0) f |= CITY;
            if ((f & ORDINARY) == 0 && w.length() >= 5 && Lexicons.hasSurnameSuffix(w)) f |= SURNAME_SHAPE;
            flags[i] = f;
        }
        return flags;
    }

    /**
     * Per token: 1 + the ordinal of the type of the finding that covers it, 0 for none and for names: the rules'
     * names are left out, or the model would learn to trust them instead of the words (the rules were written on
     * the very sets it learns from).
     */
    static int[] kinds(List<Token> tokens, List<Detection> found) {
        int[] kinds = new int[tokens.size()];
        int f = 0;
        for (int i = 0; i < kinds.length; i++) {
            Token t = tokens.get(i);
            while (f < found.size() && found.get(f).end() <= t.start()) f++;
            if (f < found.size() && found.get(f).start() < t.end()) {
                EntityType type = found.get(f).type();
                kinds[i] = type == null || type == EntityType.PERSON ? 0 : type.ordinal() + 1;
            }
        }
        return kinds;
    }

    /** Writes the hashed feature indices of token {@code i} into {@code out}; returns how many. */
    static int features(TextScan scan, int[] flags, int[] kinds, int i, int[] out) {
        List<Token> tokens = scan.tokens;
        Token t = tokens.get(i);
        String w = t.folded();
        int n = 0;
        int shape = shape(scan, t);
        int f = flags[i];
        out[n++] = index(1, 0);
        out[n++] = index(2, w.hashCode());
        out[n++] = index(3, shape);
        out[n++] = index(4, suffix(w, 2));
        out[n++] = index(5, suffix(w, 3));
        out[n++] = index(6, suffix(w, 4));
        out[n++] = index(7, prefix(w, 3));
        out[n++] = index(8, f);
        for (int bit = 0; bit < 11; bit++) {
            if ((f & (1 << bit)) != 0) out[n++] = index(9 + bit, 1);
        }
        int before = gap(scan, i == 0 ? 0 : tokens.get(i - 1).end(), t.start());
        int after = gap(scan, t.end(), i + 1 < tokens.size() ? tokens.get(i + 1).start() : scan.length());
        out[n++] = index(21, before);
        out[n++] = index(22, after);
        out[n++] = index(23, before * 31 + (f & CAPITALIZED));
        int prev = neighbour(tokens, i - 1);
        int prev2 = neighbour(tokens, i - 2);
        int next = neighbour(tokens, i + 1);
        int next2 = neighbour(tokens, i + 2);
        out[n++] = index(24, prev);
        out[n++] = index(25, prev2);
        out[n++] = index(26, next);
        out[n++] = index(27, next2);
        out[n++] = index(28, prev * 31 + prev2);
        out[n++] = index(29, prev * 31 + shape);
        out[n++] = index(30, i > 0 ? flags[i - 1] : -1);
        out[n++] = index(31, i + 1 < flags.length ? flags[i + 1] : -1);
        out[n++] = index(32, (i > 0 ? flags[i - 1] : -1) * 4099 + f);
        out[n++] = index(33, f * 4099 + (i + 1 < flags.length ? flags[i + 1] : -1));
        out[n++] = index(34, next * 31 + after);
        out[n++] = index(35, prev * 31 + before);
        // what the rules found here and around: a name sits next to a phone number, an address, a birth date
        out[n++] = index(36, kinds[i]);
        out[n++] = index(37, i > 0 ? kinds[i - 1] : -1);
        out[n++] = index(38, i + 1 < kinds.length ? kinds[i + 1] : -1);
        out[n++] = index(39, nearest(kinds, i, -1));
        out[n++] = index(40, nearest(kinds, i, 1));
        out[n++] = index(41, nearest(kinds, i, -1) * 64 + nearest(kinds, i, 1));
        out[n++] = index(42, kinds[i] * 4099 + f);
        return n;
    }

    /** The type (and distance) of the nearest finding up to four tokens away in one direction. */
    private static int nearest(int[] kinds, int i, int step) {
        for (int d = 1; d <= 4; d++) {
            int j = i + d * step;
            if (j < 0 || j >= kinds.length) return -d;
            if (kinds[j] != 0) return kinds[j] * 8 + d;
        }
        return 0;
    }

    /** Casing pattern and length class: "Xx" long, "xx", "XX", with a hyphen or an apostrophe. */
    private static int shape(TextScan scan, Token t) {
        int upper = 0;
        int lower = 0;
        int marks = 0;
        for (int k = t.start(); k < t.end(); k++) {
            char ch = scan.c[k];
            if (Character.isUpperCase(ch)) upper++;
            else if (Character.isLowerCase(ch)) lower++;
            else marks++;
        }
        int casing = upper == 0 ? 0 : lower == 0 ? 1 : t.capitalized() && upper == 1 ? 2 : 3;
        int length = Math.min(t.length(), 12) / 3;
        return casing * 100 + length * 10 + Math.min(marks, 2);
    }

    /** The non-space chars between two tokens (up to three), a line break counted as '\n'. */
    private static int gap(TextScan scan, int from, int to) {
        if (from == 0 && to == 0) return -7; // start of the text
        int h = 0;
        int kept = 0;
        for (int k = from; k < to && kept < 3; k++) {
            char ch = scan.c[k];
            if (ch == ' ' || ch == '\t') continue;
            h = h * 31 + ch;
            kept++;
        }
        return to >= scan.length() && kept == 0 ? -9 : h;
    }

    private static int neighbour(List<Token> tokens, int j) {
        if (j < 0) return -1;
        if (j >= tokens.size()) return -2;
        Token t = tokens.get(j);
        return t.isNumber() ? -3 : t.folded().hashCode();
    }

    private static int suffix(String w, int k) {
        int h = k;
        for (int j = Math.max(0, w.length() - k); j < w.length(); j++) h = h * 31 + w.charAt(j);
        return h;
    }

    private static int prefix(String w, int k) {
        int h = -k;
        for (int j = 0; j < Math.min(k, w.length()); j++) h = h * 31 + w.charAt(j);
        return h;
    }

    /** Template and value mixed (murmur3's finalizer), folded into the table. */
    private static int index(int template, int value) {
        int h = template * 0x9E3779B9 ^ value;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & MASK;
    }
}
