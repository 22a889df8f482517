package io.carehub.privacy;

import io.carehub.privacy.LabelledCorpus.Message;
import io.carehub.privacy.LabelledCorpus.NamedSet;
import io.carehub.privacy.LabelledCorpus.Span;
import io.carehub.privacy.TextScan.Token;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Trains {@link PersonModel}, an averaged perceptron over hashed features, on every labelled corpus (with
 * {@code --until NAME} only those up to NAME; the shipped model is {@code --until S3}) and writes its weights to
 * {@code src/main/resources/privacy/person-model.bin}; with {@code --cross-validate} it instead trains
 * on all sets but one and scores the one left out, for each set and each threshold, which is the estimate of how
 * the model does on text nobody here has seen ({@code --verbose}: with the misses and false alarms at the shipped
 * threshold). Not a test; run it with the command in docs/privacy-engine.md.
 */
public final class PersonModelTraining {

    static final int EPOCHS = 10;
    /** Pairs of thresholds tried: a word's own, and the one for growing a name to its neighbours. */
    static final float[][] THRESHOLDS = {
        {-4f, -12f}, {-4f, -16f}, {-6f, -12f}, {-6f, -16f}, {-8f, -12f}, {-8f, -16f}, {-3f, -12f}, {-3f, -10f}
    };

    private static final Path WEIGHTS = Path.of("src/main/resources" + PersonModel.RESOURCE);

    /** One scored word: its feature indices and whether a labelled PERSON span covers it. */
    record Example(int[] features, boolean name) {}

    public static void main(String[] args) throws IOException {
        List<String> options = List.of(args);
        Lexicons lexicons = Lexicons.get();
        List<NamedSet> sets = setsUntil(options);
        List<List<Example>> perSet = new ArrayList<>();
        for (NamedSet set : sets) perSet.add(examples(LabelledCorpus.load(set.jsonl()), lexicons));
        if (options.contains("--cross-validate")) {
            crossValidate(sets, perSet, lexicons, options.contains("--verbose"));
            return;
        }
        List<Example> all = new ArrayList<>();
        perSet.forEach(all::addAll);
        float[] weights = train(all);
        int written = write(weights, WEIGHTS);
        System.out.printf(
                Locale.ROOT,
                "trained on %d words of %d sets, %d non-zero weights written to %s (%d bytes)%n",
                all.size(),
                perSet.size(),
                written,
                WEIGHTS,
                Files.size(WEIGHTS));
    }

    /**
     * {@code --until NAME}: only the sets up to and including NAME, in {@link LabelledCorpus#SETS}' order (the shipped
     * model was trained {@code --until S3}, the 40 sets up to S3); without it, every set.
     */
    static List<NamedSet> setsUntil(List<String> options) {
        int i = options.indexOf("--until");
        if (i < 0) return LabelledCorpus.SETS;
        if (i + 1 >= options.size()) throw new IllegalArgumentException("--until needs a set name");
        String name = options.get(i + 1);
        for (int s = 0; s < LabelledCorpus.SETS.size(); s++) {
            if (LabelledCorpus.SETS.get(s).name().equalsIgnoreCase(name)) return LabelledCorpus.SETS.subList(0, s + 1);
        }
        throw new IllegalArgumentException("no such set: " + name);
    }

    static List<Example> examples(LabelledCorpus corpus, Lexicons lexicons) {
        List<Example> examples = new ArrayList<>();
        int[] buffer = new int[PersonModel.MAX_FEATURES];
        PiiDetector rules = new PiiDetector(PrivacyEvaluation.COMPANY_NUMBERS, "DE").withModelNames(null);
        OrganisationNames organisations = new OrganisationNames(lexicons);
        for (Message m : corpus.messages()) {
            TextScan scan = new TextScan(m.text());
            int[] flags = PersonModel.flags(scan.tokens);
            int[] kinds = PersonModel.kinds(scan.tokens, rules.detections(m.text(), KnownValues.none()));
            // the words of organisations' names are decided by the rule (NotNames), not learned: as negatives they
            // would teach the model to distrust any unknown capitalized pair, first names included
            boolean[] organisation = new boolean[scan.tokens.size()];
            organisations.mark(scan, organisation);
            for (int i = 0; i < scan.tokens.size(); i++) {
                Token t = scan.tokens.get(i);
                if (!PersonModel.scored(t, flags[i]) || organisation[i]) continue;
                int n = PersonModel.features(scan, flags, kinds, i, buffer);
                examples.add(new Example(Arrays.copyOf(buffer, n), isName(m, t)));
            }
        }
        return examples;
    }

    private static boolean isName(Message m, Token t) {
        for (Span s : m.spans()) {
            if (s.type() == EntityType.PERSON && s.start() < t.end() && t.start() < s.end()) return true;
        }
        return false;
    }

    /** Averaged perceptron: mistakes update the weights; the result is the average over all steps. */
    static float[] train(List<Example> examples) {
        float[] w = new float[PersonModel.SIZE];
        float[] sum = new float[PersonModel.SIZE]; // step-weighted updates, for the average
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(17);
        long step = 1;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (Example e : order) {
                float score = 0;
                for (int f : e.features()) score += w[f];
                int y = e.name() ? 1 : -1;
                if (y * score <= 0) {
                    for (int f : e.features()) {
                        w[f] += y;
                        sum[f] += y * (float) step;
                    }
                }
                step++;
            }
        }
        float[] averaged = new float[PersonModel.SIZE];
        for (int k = 0; k < averaged.length; k++) averaged[k] = w[k] - sum[k] / step;
        return averaged;
    }

    private static String label(int column) {
        return column == 0 ? "none" : THRESHOLDS[column - 1][0] + "/" + THRESHOLDS[column - 1][1];
    }

    static int write(float[] weights, Path file) throws IOException {
        int count = 0;
        for (float v : weights) if (v != 0) count++;
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(count);
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] != 0) {
                    out.writeInt(k);
                    out.writeFloat(weights[k]);
                }
            }
        }
        return count;
    }

    /** Leave one set out: train on the others, score the one left out with the detector, rules alone and with the model. */
    private static void crossValidate(
            List<NamedSet> sets, List<List<Example>> perSet, Lexicons lexicons, boolean verbose) {
        int columns = THRESHOLDS.length + 1;
        int[] found = new int[columns];
        int[] personFound = new int[columns];
        int[] personPredicted = new int[columns];
        int[] personCorrect = new int[columns];
        long[] predictedChars = new long[columns];
        long[] overlapChars = new long[columns];
        int gold = 0;
        int personGold = 0;
        System.out.printf(
                Locale.ROOT,
                "%-12s %-12s %8s %8s %8s %8s%n",
                "left out",
                "model",
                "recall",
                "PERSON",
                "P.prec",
                "c.prec");
        for (int s = 0; s < perSet.size(); s++) {
            NamedSet set = sets.get(s);
            List<Example> training = new ArrayList<>();
            for (int o = 0; o < perSet.size(); o++) if (o != s) training.addAll(perSet.get(o));
            PersonModel model = new PersonModel(train(training));
            LabelledCorpus corpus = LabelledCorpus.load(set.jsonl());
            for (int c = 0; c < columns; c++) {
                ModelNames names = c == 0 ? null : new ModelNames(model, THRESHOLDS[c - 1][0], THRESHOLDS[c - 1][1]);
                PiiDetector detector = new PiiDetector(PrivacyEvaluation.COMPANY_NUMBERS, "DE").withModelNames(names);
                PrivacyEvaluation.Result r = PrivacyEvaluation.evaluate(detector, corpus);
                PrivacyEvaluation.TypeScore person = r.perType().get(EntityType.PERSON);
                found[c] += r.found();
                personFound[c] += person.found();
                personPredicted[c] += person.predicted();
                personCorrect[c] += person.correct();
                predictedChars[c] += r.predictedChars();
                overlapChars[c] += r.overlapChars();
                if (c == 0) {
                    gold += r.gold();
                    personGold += person.gold();
                }
                System.out.printf(
                        Locale.ROOT,
                        "%-12s %-12s %8.3f %8.3f %8.3f %8.3f%n",
                        set.name(),
                        label(c),
                        r.entityRecall(),
                        person.recall(),
                        person.precision(),
                        r.charPrecision());
                if (verbose
                        && c > 0
                        && THRESHOLDS[c - 1][0] == ModelNames.THRESHOLD
                        && THRESHOLDS[c - 1][1] == ModelNames.GROW_THRESHOLD) {
                    r.misses().forEach(m -> System.out.println("    miss " + m));
                    r.falseAlarms().forEach(m -> System.out.println("    false alarm " + m));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nall sets, each scored by a model that never saw it:%n");
        for (int c = 0; c < columns; c++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-12s %-12s %8.3f %8.3f %8.3f %8.3f%n",
                    "together",
                    label(c),
                    (double) found[c] / gold,
                    (double) personFound[c] / personGold,
                    (double) personCorrect[c] / personPredicted[c],
                    (double) overlapChars[c] / predictedChars[c]);
        }
    }
}
