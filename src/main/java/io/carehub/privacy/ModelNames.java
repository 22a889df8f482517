package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the names {@link PersonModel} finds to what the rules found (recall first: a false name costs the bot a
 * word, a missed one leaks). A run of words the model scores above the threshold becomes a PERSON, joined with a
 * name the rules found next to or inside it; a word that a finding of another type covers is left to that
 * finding. The threshold was chosen by leave-one-set-out cross-validation (docs/privacy-evaluation.md).
 */
final class ModelNames {

    /** Chosen by cross-validation on the labelled corpora. */
    static final float THRESHOLD = -4.0f;

    private static final double SCORE = 0.6;

    private final PersonModel model;
    private final Lexicons lexicons;
    private final float threshold;

    ModelNames(PersonModel model, Lexicons lexicons, float threshold) {
        this.model = model;
        this.lexicons = lexicons;
        this.threshold = threshold;
    }

    /** {@code found}: non-overlapping findings ordered by start; returns them with the model's names added. */
    List<Detection> add(TextScan scan, List<Detection> found) {
        List<Token> tokens = scan.tokens;
        if (tokens.isEmpty()) return found;
        float[] scores = model.scores(scan, lexicons);
        List<Detection> names = new ArrayList<>();
        int f = 0; // first finding that may overlap the current token
        int runStart = -1;
        int runEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            while (f < found.size() && found.get(f).end() <= t.start()) f++;
            boolean other = f < found.size()
                    && found.get(f).start() < t.end()
                    && found.get(f).type() != EntityType.PERSON;
            boolean name = !other && scores[i] > threshold;
            if (name && runStart >= 0 && joinable(scan, runEnd, t.start())) {
                runEnd = t.end();
            } else {
                if (runStart >= 0) names.add(new Detection(EntityType.PERSON, runStart, runEnd, SCORE));
                runStart = name ? t.start() : -1;
                runEnd = name ? t.end() : -1;
            }
        }
        if (runStart >= 0) names.add(new Detection(EntityType.PERSON, runStart, runEnd, SCORE));
        return names.isEmpty() ? found : merge(found, names);
    }

    /** Two words of one name: only spaces or a hyphen between them. */
    private static boolean joinable(TextScan scan, int from, int to) {
        if (to - from > 3) return false;
        for (int k = from; k < to; k++) {
            char ch = scan.c[k];
            if (ch != ' ' && ch != '-') return false;
        }
        return true;
    }

    /** Both lists ordered by start; a model name overlapping or touching rule names becomes one name with them. */
    private static List<Detection> merge(List<Detection> found, List<Detection> names) {
        List<Detection> all = new ArrayList<>(found.size() + names.size());
        int a = 0;
        int b = 0;
        while (a < found.size() || b < names.size()) {
            Detection next = b >= names.size()
                            || a < found.size()
                                    && found.get(a).start() <= names.get(b).start()
                    ? found.get(a++)
                    : names.get(b++);
            Detection last = all.isEmpty() ? null : all.getLast();
            if (last != null && last.end() > next.start()) {
                // model names never overlap findings of another type; a known value keeps its own span
                if (last.type() == EntityType.PERSON
                        && next.type() == EntityType.PERSON
                        && last.canonical() == null
                        && next.canonical() == null) {
                    all.set(all.size() - 1, union(last, next));
                }
            } else {
                all.add(next);
            }
        }
        return all;
    }

    private static Detection union(Detection a, Detection b) {
        return new Detection(
                EntityType.PERSON,
                Math.min(a.start(), b.start()),
                Math.max(a.end(), b.end()),
                Math.max(a.score(), b.score()));
    }
}
