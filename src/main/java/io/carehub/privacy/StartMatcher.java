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

    private final Matcher matcher;
    private final char[] c;
    private final Start start;
    private int next;

    StartMatcher(Pattern pattern, TextScan s, Start start) {
        this.matcher = pattern.matcher(s.cleaned()).useTransparentBounds(true).useAnchoringBounds(false);
        this.c = s.c;
        this.start = start;
    }

    /** The next match at or after the previous one's end, leftmost first; then read it through {@link #matcher()}. */
    boolean find() {
        for (int i = next; i < c.length; i++) {
            if (!start.at(c, i)) continue;
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
