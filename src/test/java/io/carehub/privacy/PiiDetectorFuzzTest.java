package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bad-input campaign against the detector, as the webhook is fuzzed: long digit runs around date, phone and IBAN
 * separators, mixed scripts and invisible chars, and 1 MB of one char. No scanner may fail (a failure would show as
 * an {@link EntityType#UNSCANNED} finding: the detector fails closed), every finding lies inside the text, and
 * each input is done within its time limit. Seed: {@code carehub.fuzz.seed} (printed), inputs:
 * {@code carehub.fuzz.detector-inputs} (2,000).
 */
class PiiDetectorFuzzTest {

    private static final String[] PIECES = {
        "geb. ",
        "1990",
        "-",
        "1",
        ".",
        "/",
        "99999999999",
        "2147483648",
        "+49",
        "0171",
        " ",
        "DE89",
        "IBAN",
        "K-",
        "Str. ",
        "12a",
        "Mai",
        "@",
        "Anna",
        "Vogel",
        "\u200f",
        "\u200b",
        "\ufeff",
        "\u00ad",
        "\ud83d\ude00",
        "\ud83d",
        "\u0661\u0669\u0669\u0660",
        "\u0966\u0967",
        "\uff11\uff12",
        "\u0418\u0432\u0430\u043d",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u4e2d\u6587",
        "\u00df",
        "\u0130",
        "ǅ",
        "\n",
        "\t",
        "'",
        "-\u2011\u2013",
        ",",
        "Tel",
        "ID",
        "Nr"
    };

    private static final char[] ONE_CHAR_MEGABYTE = {'0', '9', 'a', 'A', '@', '-', '.', ' ', '\u0661', '\u00e4'};

    private final PiiDetector detector = new PiiDetector(List.of("0800 330 1000"), "DE");

    @Test
    void randomMixturesOfDigitsSeparatorsAndScriptsNeverFailAScanner() {
        long seed = Long.getLong("carehub.fuzz.seed", System.nanoTime());
        int inputs = Integer.getInteger("carehub.fuzz.detector-inputs", 2_000);
        System.out.println("detector fuzz: seed " + seed + ", " + inputs + " inputs");
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < inputs; i++) {
            String text = mixture(random);
            assertScansCleanly(text, Duration.ofSeconds(5), "seed " + seed + ", input " + i);
        }
    }

    @Test
    void longDigitRunsInEveryDateShapeNeverFailAScanner() {
        for (String separator : List.of("-", ".", "/")) {
            for (int length = 1; length <= 40; length++) {
                String run = "9".repeat(length);
                for (String text : List.of(
                        "geb. 1990" + separator + "1" + separator + run,
                        "geb. 1990" + separator + run + separator + "1",
                        "geb. " + run + separator + "1" + separator + "1990",
                        "geb. 1" + separator + run + separator + "1990",
                        "geboren am " + run + ". Mai " + run,
                        "born February " + run + ", " + run)) {
                    assertScansCleanly(text, Duration.ofSeconds(5), text);
                }
            }
        }
    }

    @Test
    void aMegabyteOfOneCharIsScannedInTime() {
        for (char c : ONE_CHAR_MEGABYTE) {
            String text = String.valueOf(c).repeat(1 << 20);
            assertScansCleanly(text, Duration.ofSeconds(60), "1 MB of U+%04X".formatted((int) c));
        }
    }

    private void assertScansCleanly(String text, Duration limit, String what) {
        List<Entity> entities = assertTimeoutPreemptively(limit, () -> detector.detect(text), what);
        assertThat(entities).as(what).allSatisfy(e -> {
            assertThat(e.type()).isNotEqualTo(EntityType.UNSCANNED);
            assertThat(e.start()).isBetween(0, e.end());
            assertThat(e.end()).isLessThanOrEqualTo(text.length());
        });
    }

    static String mixture(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + random.nextInt(40);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(4)) {
                case 0 ->
                    b.append("0123456789".charAt(random.nextInt(10)))
                            .append(String.valueOf(random.nextInt(10)).repeat(random.nextInt(30)));
                case 1 -> b.append((char) random.nextInt(0x3000));
                default -> b.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return b.toString();
    }
}
