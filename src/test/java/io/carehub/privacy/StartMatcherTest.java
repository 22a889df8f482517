package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link StartMatcher} finds what {@link Matcher#find()} finds, look-behind and look-ahead included. */
class StartMatcherTest {

    private static final Pattern WORD_BOUNDED =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{1,2}\\d{1,3}(?![\\p{L}\\p{N}])");
    private static final Pattern OVERLAPPING = Pattern.compile("(?<!-)\\d\\d-?\\d|a+b?");

    @Test
    void findsTheSameMatchesAsFindWhenEveryPositionMayStart() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 5_000; i++) {
            String text = text(random);
            for (Pattern pattern : List.of(WORD_BOUNDED, OVERLAPPING)) {
                assertThat(starting(pattern, text, (c, k) -> true))
                        .as("%s in \"%s\"", pattern, text)
                        .isEqualTo(finding(pattern, text));
            }
        }
    }

    @Test
    void seesTheCharBeforeTheStartForLookBehind() {
        assertThat(starting(WORD_BOUNDED, "xAB12 CD3", (c, k) -> c[k] >= 'A' && c[k] <= 'Z'))
                .containsExactly("6-9");
    }

    private static List<String> starting(Pattern pattern, String text, StartMatcher.Start start) {
        StartMatcher m = new StartMatcher(pattern, new TextScan(text), start);
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.matcher().start() + "-" + m.matcher().end());
        return found;
    }

    private static List<String> finding(Pattern pattern, String text) {
        Matcher m = pattern.matcher(new TextScan(text).cleaned());
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.start() + "-" + m.end());
        return found;
    }

    private static String text(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) b.append("aAbBZ019- ä".charAt(random.nextInt(11)));
        return b.toString();
    }
}
