package io.carehub.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern's matches in a scanned message, as {@link Matcher#find()} returns them, but the pattern is tried only
 * where a cheap char test says a match can start: a whole-text {@code find()} runs the pattern's look-behind and
 * alternatives at every position. The test must accept every position where the pattern can match (it may accept
 * more); the bounds are transparent, so look-behind and look-ahead still see the text around the position.
 */
final class StartMatcher {

    /** Whether a match may start at {@code c[i]}. */
    interface Start {
        boolean at(char[] c, int i);
    }

    /**
     * The ASCII chars a match may start with, as two 64-bit masks; a char beyond ASCII is always asked of the start
     * test. Tested inline before the start test: most chars of a message are ruled out without a call (each
     * pattern's test is another class, so the call in {@link #find()} is never inlined).
     */
    record FirstChars(long low, long high) {

        static FirstChars of(String ascii) {
            long low = 0;
            long high = 0;
            for (char ch : ascii.toCharArray()) {
                if (ch >= 128) throw new IllegalArgumentException("not ASCII: " + ch);
                if (ch < 64) low |= 1L << ch;
                else high |= 1L << (ch - 64);
            }
            return new FirstChars(low, high);
        }

        static final FirstChars ANY = new FirstChars(-1L, -1L);

        static final FirstChars DIGITS = of("0123456789");

        static final FirstChars CAPITALS = of("ABCDEFGHIJKLMNOPQRSTUVWXYZ");

        FirstChars plus(FirstChars other) {
            return new FirstChars(low | other.low, high | other.high);
        }

        boolean may(char ch) {
            if (ch >= 128) return true;
            return ((ch < 64 ? low >>> ch : high >>> (ch - 64)) & 1) != 0;
        }
    }

    private final Pattern pattern;
    private final TextScan scan;
    /** Made at the first position the start test accepts: in most messages there is none. */
    private Matcher matcher;

    private final char[] c;
    private final FirstChars first;
    private final Start start;
    private int next;

    /** Every position is asked of {@code start}. */
    StartMatcher(Pattern pattern, TextScan s, Start start) {
        this(pattern, s, FirstChars.ANY, start);
    }

    /** {@code first}: the ASCII chars {@code start} can accept at all; {@code start} tests the rest. */
    StartMatcher(Pattern pattern, TextScan s, FirstChars first, Start start) {
        this.pattern = pattern;
        this.scan = s;
        this.c = s.c;
        this.first = first;
        this.start = start;
    }

    /** The next match at or after the previous one's end, leftmost first; then read it through {@link #matcher()}. */
    boolean find() {
        for (int i = next; i < c.length; i++) {
            if (!first.may(c[i]) || !start.at(c, i)) continue;
            if (matcher == null) {
                matcher = pattern.matcher(scan.cleaned())
                        .useTransparentBounds(true)
                        .useAnchoringBounds(false);
            }
            matcher.region(i, c.length);
            if (matcher.lookingAt()) {
                next = matcher.end() > i ? matcher.end() : i + 1;
                return true;
            }
        }
        next = c.length;
        return false;
    }

    Matcher matcher() {
        return matcher;
    }

    /** An ASCII letter or digit right before {@code i}: a pattern behind {@code (?<![\\p{L}\\p{N}])} cannot start there. */
    static boolean afterAsciiAlnum(char[] c, int i) {
        if (i == 0) return false;
        char p = c[i - 1];
        return p >= '0' && p <= '9' || p >= 'A' && p <= 'Z' || p >= 'a' && p <= 'z';
    }
}
