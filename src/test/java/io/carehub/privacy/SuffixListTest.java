package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuffixListTest {

    private static final List<String> SUFFIXES = List.of("strasse", "str", "weg", "gasse", "ić", "ski", "ska", "sson");

    private static boolean expected(List<String> suffixes, String word, int minStem) {
        return suffixes.stream().anyMatch(x -> word.endsWith(x) && word.length() - x.length() >= minStem);
    }

    @Test
    void aWordEndsInASuffixOnlyWithTheStemBeforeIt() {
        SuffixList list = new SuffixList(SUFFIXES);
        assertThat(list.endsWithAny("hauptstrasse", 3)).isTrue();
        assertThat(list.endsWithAny("strasse", 3)).isFalse(); // no stem
        assertThat(list.endsWithAny("abcstr", 3)).isTrue(); // the shorter suffix leaves the stem
        assertThat(list.endsWithAny("jovanović", 3)).isTrue(); // a suffix ending beyond ASCII
        assertThat(list.endsWithAny("kowalska", 3)).isTrue();
        assertThat(list.endsWithAny("kowalsky", 3)).isFalse();
        assertThat(list.endsWithAny("", 0)).isFalse();
        assertThat(new SuffixList(List.of("")).endsWithAny("", 0)).isTrue(); // "" ends every word
    }

    @Test
    void agreesWithComparingEverySuffix() {
        Random random = new Random(17);
        String alphabet = "aeikrstwćgnoe";
        SuffixList list = new SuffixList(SUFFIXES);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder w = new StringBuilder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) w.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextBoolean()) w.append(SUFFIXES.get(random.nextInt(SUFFIXES.size())));
            int minStem = random.nextInt(5);
            String word = w.toString();
            assertThat(list.endsWithAny(word, minStem))
                    .as("%s, stem %d", word, minStem)
                    .isEqualTo(expected(SUFFIXES, word, minStem));
        }
    }
}
