package io.carehub.privacy;

import io.carehub.privacy.LabelledCorpus.Message;
import io.carehub.privacy.LabelledCorpus.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the detector on the labelled corpus and prints per-type entity recall and precision,
 * character precision/recall and F2. Run: see docs/privacy-evaluation.md. {@code --verbose}
 * also lists every miss and every false alarm.
 */
public final class PrivacyEvaluation {

    /** The company hotlines used in the corpus (configured as carehub.privacy.company-numbers). */
    static final List<String> COMPANY_NUMBERS = List.of("0800 330 1000", "0800 330 1300");

    record TypeScore(int gold, int found, int predicted, int correct) {
        double recall() {
            return gold == 0 ? 1.0 : (double) found / gold;
        }

        double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }
    }

    record Result(
            Map<EntityType, TypeScore> perType,
            int gold,
            int found,
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

    static Result evaluate(PiiDetector detector, LabelledCorpus corpus) {
        Map<EntityType, int[]> counts = new EnumMap<>(EntityType.class); // gold, found, predicted, correct
        for (EntityType type : EntityType.values()) counts.put(type, new int[4]);
        long goldChars = 0;
        long predictedChars = 0;
        long overlap = 0;
        int gold = 0;
        int found = 0;
        int withoutPii = 0;
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (Message m : corpus.messages()) {
            List<Entity> predicted = detector.detect(m.text());
            if (m.spans().isEmpty()) withoutPii++;
            BitSet goldSet = new BitSet();
            BitSet predictedSet = new BitSet();
            for (Span s : m.spans()) {
                goldSet.set(s.start(), s.end());
                gold++;
                counts.get(s.type())[0]++;
                boolean hit = predicted.stream()
                        .anyMatch(p -> p.type() == s.type() && p.start() < s.end() && s.start() < p.end());
                if (hit) {
                    found++;
                    counts.get(s.type())[1]++;
                } else {
                    misses.add(m.id() + " " + s.type() + " '" + m.text().substring(s.start(), s.end()) + "' in: "
                            + m.text());
                }
            }
            for (Entity p : predicted) {
                predictedSet.set(p.start(), p.end());
                counts.get(p.type())[2]++;
                boolean correct = m.spans().stream()
                        .anyMatch(s -> p.type() == s.type() && p.start() < s.end() && s.start() < p.end());
                if (correct) {
                    counts.get(p.type())[3]++;
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
        counts.forEach((type, c) -> perType.put(type, new TypeScore(c[0], c[1], c[2], c[3])));
        return new Result(
                perType,
                gold,
                found,
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
        b.append(
                String.format(Locale.ROOT, "%-14s %6s %6s %8s %10s%n", "type", "gold", "found", "recall", "precision"));
        r.perType()
                .forEach((type, s) -> b.append(String.format(
                        Locale.ROOT,
                        "%-14s %6d %6d %8.3f %10.3f%n",
                        type,
                        s.gold(),
                        s.found(),
                        s.recall(),
                        s.precision())));
        b.append(String.format(Locale.ROOT, "%-14s %6d %6d %8.3f%n%n", "ALL", r.gold(), r.found(), r.entityRecall()));
        b.append(String.format(
                Locale.ROOT,
                "character precision %.3f, character recall %.3f, F2 %.3f%n",
                r.charPrecision(),
                r.charRecall(),
                r.f2()));
        return b.toString();
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        String resource = options.contains("--holdout-c")
                ? LabelledCorpus.HOLDOUT_C_JSONL
                : options.contains("--holdout-b")
                        ? LabelledCorpus.HOLDOUT_B_JSONL
                        : options.contains("--holdout") ? LabelledCorpus.HOLDOUT_JSONL : LabelledCorpus.JSONL;
        Result r = evaluate(new PiiDetector(COMPANY_NUMBERS, "DE"), LabelledCorpus.load(resource));
        System.out.println(
                switch (resource) {
                    case LabelledCorpus.HOLDOUT_C_JSONL -> "held-out corpus C (third author)";
                    case LabelledCorpus.HOLDOUT_B_JSONL -> "held-out corpus B (second author)";
                    case LabelledCorpus.HOLDOUT_JSONL -> "held-out corpus";
                    default -> "development corpus";
                });
        System.out.print(table(r));
        if (List.of(args).contains("--verbose")) {
            System.out.println("\nmisses:");
            r.misses().forEach(m -> System.out.println("  " + m));
            System.out.println("\nfalse alarms:");
            r.falseAlarms().forEach(m -> System.out.println("  " + m));
        }
    }
}
