package io.carehub.privacy;

import io.carehub.privacy.LabelledCorpus.Message;
import io.carehub.privacy.LabelledCorpus.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the detector on a labelled corpus and prints per-type entity recall and precision,
 * character precision/recall and F2. An entity counts as found when spans of its own type cover at
 * least 90 % of its characters ({@link #covers}); the "overlap" column counts the entities such a span
 * merely touches, so the difference is the partly masked ones. Run: see docs/privacy-evaluation.md.
 * {@code --verbose} also lists every miss (with how many of its characters were covered) and every
 * false alarm.
 */
public final class PrivacyEvaluation {

    /** The company hotlines used in the corpus (configured as carehub.privacy.company-numbers). */
    static final List<String> COMPANY_NUMBERS = List.of("0800 330 1000", "0800 330 1300");

    /**
     * An entity counts as found when detected spans cover at least 90 % of its characters: a span that masks
     * "Erika" but not "Mustermann" leaves the surname in the text, so it is a miss, not a find.
     */
    static boolean covers(int coveredChars, int length) {
        return 10L * coveredChars >= 9L * length;
    }

    /**
     * @param found      labelled entities of this type covered (>= 90 %) by detected spans of this type
     * @param overlapped labelled entities of this type that a detected span of this type touches at all
     */
    record TypeScore(int gold, int found, int overlapped, int predicted, int correct) {
        double recall() {
            return gold == 0 ? 1.0 : (double) found / gold;
        }

        double overlapRecall() {
            return gold == 0 ? 1.0 : (double) overlapped / gold;
        }

        double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }
    }

    /**
     * @param found      labelled entities covered (>= 90 %) by detected spans of their own type
     * @param overlapped labelled entities that a detected span of their own type touches at all
     * @param masked     labelled entities covered (>= 90 %) by detected spans of any type: hidden from a bot
     *                   even when detected as another type
     */
    record Result(
            Map<EntityType, TypeScore> perType,
            int gold,
            int found,
            int overlapped,
            int masked,
            long goldChars,
            long predictedChars,
            long overlapChars,
            int messages,
            int withoutPii,
            List<String> misses,
            List<String> falseAlarms) {
        double entityRecall() {
            return gold == 0 ? 1.0 : (double) found / gold;
        }

        double overlapRecall() {
            return gold == 0 ? 1.0 : (double) overlapped / gold;
        }

        double maskedRecall() {
            return gold == 0 ? 1.0 : (double) masked / gold;
        }

        double charPrecision() {
            return predictedChars == 0 ? 1.0 : (double) overlapChars / predictedChars;
        }

        double charRecall() {
            return goldChars == 0 ? 1.0 : (double) overlapChars / goldChars;
        }

        double f2() {
            double p = charPrecision();
            double r = charRecall();
            return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
        }
    }

    private static final int GOLD = 0;
    private static final int FOUND = 1;
    private static final int OVERLAPPED = 2;
    private static final int PREDICTED = 3;
    private static final int CORRECT = 4;

    static Result evaluate(PiiDetector detector, LabelledCorpus corpus) {
        Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) counts.put(type, new int[5]);
        long goldChars = 0;
        long predictedChars = 0;
        long overlap = 0;
        int gold = 0;
        int found = 0;
        int overlapped = 0;
        int masked = 0;
        int withoutPii = 0;
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (Message m : corpus.messages()) {
            List<Entity> predicted = detector.detect(m.text());
            if (m.spans().isEmpty()) withoutPii++;
            BitSet goldSet = new BitSet();
            BitSet predictedSet = new BitSet();
            Map<EntityType, BitSet> predictedByType = new EnumMap<>(EntityType.class);
            for (Entity p : predicted) {
                predictedSet.set(p.start(), p.end());
                predictedByType.computeIfAbsent(p.type(), t -> new BitSet()).set(p.start(), p.end());
            }
            for (Span s : m.spans()) {
                goldSet.set(s.start(), s.end());
                gold++;
                int[] c = counts.get(s.type());
                c[GOLD]++;
                int length = s.end() - s.start();
                BitSet sameTypeSet = predictedByType.getOrDefault(s.type(), new BitSet());
                int sameType = sameTypeSet.get(s.start(), s.end()).cardinality();
                int anyType = predictedSet.get(s.start(), s.end()).cardinality();
                if (covers(anyType, length)) masked++;
                if (sameType > 0) {
                    overlapped++;
                    c[OVERLAPPED]++;
                }
                if (covers(sameType, length)) {
                    found++;
                    c[FOUND]++;
                } else {
                    misses.add(m.id() + " " + s.type() + " '" + m.text().substring(s.start(), s.end()) + "' "
                            + sameType + "/" + length + " chars covered"
                            + (anyType > sameType ? " (" + anyType + " by any type)" : "") + " in: " + m.text());
                }
            }
            for (Entity p : predicted) {
                counts.get(p.type())[PREDICTED]++;
                boolean correct = m.spans().stream()
                        .anyMatch(s -> p.type() == s.type() && p.start() < s.end() && s.start() < p.end());
                if (correct) {
                    counts.get(p.type())[CORRECT]++;
                } else {
                    falseAlarms.add(m.id() + " " + p.type() + " '" + m.text().substring(p.start(), p.end()) + "' in: "
                            + m.text());
                }
            }
            goldChars += goldSet.cardinality();
            predictedChars += predictedSet.cardinality();
            BitSet both = (BitSet) goldSet.clone();
            both.and(predictedSet);
            overlap += both.cardinality();
        }
        Map<EntityType, TypeScore> perType = new EnumMap<>(EntityType.class);
        counts.forEach((type, c) ->
                perType.put(type, new TypeScore(c[GOLD], c[FOUND], c[OVERLAPPED], c[PREDICTED], c[CORRECT])));
        return new Result(
                perType,
                gold,
                found,
                overlapped,
                masked,
                goldChars,
                predictedChars,
                overlap,
                corpus.messages().size(),
                withoutPii,
                misses,
                falseAlarms);
    }

    static String table(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "corpus: %d messages, %d without personal data (%.0f%%), %d labelled entities%n%n",
                r.messages(),
                r.withoutPii(),
                100.0 * r.withoutPii() / r.messages(),
                r.gold()));
        b.append(String.format(
                Locale.ROOT,
                "%-14s %6s %6s %8s %8s %10s%n",
                "type",
                "gold",
                "found",
                "recall",
                "overlap",
                "precision"));
        r.perType()
                .forEach((type, s) -> b.append(String.format(
                        Locale.ROOT,
                        "%-14s %6d %6d %8.3f %8.3f %10.3f%n",
                        type,
                        s.gold(),
                        s.found(),
                        s.recall(),
                        s.overlapRecall(),
                        s.precision())));
        b.append(String.format(
                Locale.ROOT,
                "%-14s %6d %6d %8.3f %8.3f%n",
                "ALL",
                r.gold(),
                r.found(),
                r.entityRecall(),
                r.overlapRecall()));
        b.append(
                String.format(Locale.ROOT, "masked by spans of any type: %d (%.3f)%n%n", r.masked(), r.maskedRecall()));
        b.append(String.format(
                Locale.ROOT,
                "character precision %.3f, character recall %.3f, F2 %.3f%n",
                r.charPrecision(),
                r.charRecall(),
                r.f2()));
        return b.toString();
    }

    /**
     * {@code --set NAME} evaluates one set (development, A, B, C, D1, D2, H1, H2, H3, P, J1, J2, J3, K1, K2, K3, L1, L2, L3, M1, M2, M3, N1, N2, N3, O1, O2, O3, P1, P2, P3, Q1, Q2, Q3, R1, R2, R3, S1, S2, S3, T1, T2, T3, U1, U2, U3, V1, V2, V3, W1, W2, W3, X1, X2, X3, Y1, Y2, Y3, Z1, Z2, Z3; the older flags
     * {@code --holdout}, {@code --holdout-b}, {@code --holdout-c}, {@code --dev-d1}, {@code --dev-d2} still work);
     * {@code --all} prints one line per set; {@code --markup FILE} evaluates a labelled file in the markup of
     * {@code src/test/resources/privacy/README.md} (a new set, outside the repository until its first score);
     * {@code --verbose} lists misses and false alarms. {@code --lower} or {@code --upper} scores every chosen set
     * with its text lower-cased or upper-cased ({@link CaseFolded}): chat typed in a hurry on a phone.
     */
    public static void main(String[] args) {
        List<String> options = List.of(args);
        PiiDetector detector = new PiiDetector(COMPANY_NUMBERS, "DE");
        CaseFolded folding = CaseFolded.chosen(options);
        if (options.contains("--all")) {
            System.out.print(summary(detector, folding));
            return;
        }
        int file = options.indexOf("--markup");
        Result r;
        if (file >= 0 && file + 1 < options.size()) {
            // a labelled file outside the repository (a new set scored once, before anyone looks at its misses)
            Path markup = Path.of(options.get(file + 1));
            r = evaluate(detector, folding.apply(LabelledCorpus.fromMarkup(readLines(markup))));
            System.out.println("file " + markup.getFileName() + folding.note());
        } else {
            LabelledCorpus.NamedSet set = chosen(options);
            r = evaluate(detector, folding.apply(LabelledCorpus.load(set.jsonl())));
            System.out.println(set.description() + folding.note());
        }
        System.out.print(table(r));
        if (options.contains("--verbose")) {
            System.out.println("\nmisses:");
            r.misses().forEach(m -> System.out.println("  " + m));
            System.out.println("\nfalse alarms:");
            r.falseAlarms().forEach(m -> System.out.println("  " + m));
        }
    }

    private static List<String> readLines(Path markup) {
        try {
            return Files.readAllLines(markup, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelledCorpus.NamedSet chosen(List<String> options) {
        int i = options.indexOf("--set");
        String name = i >= 0 && i + 1 < options.size()
                ? options.get(i + 1)
                : options.contains("--dev-d1")
                        ? "D1"
                        : options.contains("--dev-d2")
                                ? "D2"
                                : options.contains("--holdout-c")
                                        ? "C"
                                        : options.contains("--holdout-b")
                                                ? "B"
                                                : options.contains("--holdout") ? "A" : "development";
        return LabelledCorpus.SETS.stream()
                .filter(s -> s.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such set: " + name));
    }

    /** One line per set: entity recall overall and per type, character precision and recall. */
    static String summary(PiiDetector detector) {
        return summary(detector, CaseFolded.NONE);
    }

    /** One line per set as {@link #summary(PiiDetector)}, each set's text case-folded first. */
    static String summary(PiiDetector detector, CaseFolded folding) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s %9s %7s", "set", "messages", "recall"));
        for (EntityType type : EntityType.values()) {
            if (type != EntityType.UNSCANNED) b.append(String.format(Locale.ROOT, " %13s", type));
        }
        b.append(String.format(Locale.ROOT, " %8s %8s%n", "c.prec", "c.rec"));
        for (LabelledCorpus.NamedSet set : LabelledCorpus.SETS) {
            Result r = evaluate(detector, folding.apply(LabelledCorpus.load(set.jsonl())));
            b.append(String.format(
                    Locale.ROOT, "%-12s %4d/%4d %7.3f", set.name(), r.messages(), r.gold(), r.entityRecall()));
            for (EntityType type : EntityType.values()) {
                if (type == EntityType.UNSCANNED) continue;
                TypeScore t = r.perType().get(type);
                b.append(
                        t.gold() == 0
                                ? String.format(Locale.ROOT, " %13s", "-")
                                : String.format(Locale.ROOT, " %5.3f %3d/%3d", t.recall(), t.found(), t.gold()));
            }
            b.append(String.format(Locale.ROOT, " %8.3f %8.3f%n", r.charPrecision(), r.charRecall()));
        }
        return b.toString();
    }

    /**
     * A labelled set with its text lower-cased or upper-cased and its spans at the same offsets: how the detector
     * does on chat typed all in lower case ("ich bin sabine weber kdnr 4711…") or all in capitals. Each char is
     * mapped on its own ({@link Character#toLowerCase(char)}), so the length never changes: "ß" stays "ß" in
     * capitals, as a phone's caps lock types it, where {@code String.toUpperCase} would make it "SS" and move every
     * span after it.
     */
    enum CaseFolded {
        NONE,
        LOWER,
        UPPER;

        static CaseFolded chosen(List<String> options) {
            return options.contains("--lower") ? LOWER : options.contains("--upper") ? UPPER : NONE;
        }

        LabelledCorpus apply(LabelledCorpus corpus) {
            if (this == NONE) return corpus;
            List<Message> folded = new ArrayList<>();
            for (Message m : corpus.messages()) folded.add(new Message(m.id(), fold(m.text()), m.spans()));
            return new LabelledCorpus(folded);
        }

        String fold(String text) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                chars[i] = this == LOWER ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
            }
            return new String(chars);
        }

        String note() {
            return this == NONE ? "" : " (" + name().toLowerCase(Locale.ROOT) + "-cased)";
        }
    }
}
