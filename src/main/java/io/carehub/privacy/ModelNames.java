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

    /** Chosen by cross-validation on the labelled corpora: a word scored above it is a name. */
    static final float THRESHOLD = -6.0f;

    /** Chosen with it: a word next to a name, scored above this, belongs to the name. */
    static final float GROW_THRESHOLD = -12.0f;

    private static final double SCORE = 0.6;

    private final PersonModel model;
    private final float threshold;
    private final float growThreshold;

    ModelNames(PersonModel model, float threshold, float growThreshold) {
        this.model = model;
        this.threshold = threshold;
        this.growThreshold = growThreshold;
    }

    /** {@code found}: non-overlapping findings ordered by start; returns them with the model's names added. */
    List<Detection> add(TextScan scan, List<Detection> found) {
        List<Token> tokens = scan.tokens;
        if (tokens.isEmpty()) return found;
        int n = tokens.size();
        boolean[] other = new boolean[n]; // covered by a finding of another type: left to it
        boolean[] person = new boolean[n]; // covered by a name the rules found
        boolean[] name = new boolean[n];
        int f = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            while (f < found.size() && found.get(f).end() <= t.start()) f++;
            if (f < found.size() && found.get(f).start() < t.end()) {
                other[i] = found.get(f).type() != EntityType.PERSON;
                person[i] = !other[i];
            }
        }
        // a word left to another finding is never a name nor grows one: its score is not needed
        float[] scores = model.scores(scan, found, other);
        for (int i = 0; i < n; i++) name[i] = !other[i] && scores[i] > threshold;
        // a name grows to the neighbouring words the model finds likely enough ("Walburga Kraft")
        for (int i = 1; i < n; i++) {
            if (grows(scan, name, person, other, scores, i - 1, i)) name[i] = true;
        }
        for (int i = n - 2; i >= 0; i--) {
            if (grows(scan, name, person, other, scores, i + 1, i)) name[i] = true;
        }
        List<Detection> names = new ArrayList<>();
        int runStart = -1;
        int runEnd = -1;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (name[i] && runStart >= 0 && joinable(scan, runEnd, t.start())) {
                runEnd = t.end();
            } else {
                if (runStart >= 0) names.add(new Detection(EntityType.PERSON, runStart, runEnd, SCORE));
                runStart = name[i] ? t.start() : -1;
                runEnd = name[i] ? t.end() : -1;
            }
        }
        if (runStart >= 0) names.add(new Detection(EntityType.PERSON, runStart, runEnd, SCORE));
        return names.isEmpty() ? found : merge(found, names);
    }

    private boolean grows(
            TextScan scan, boolean[] name, boolean[] person, boolean[] other, float[] scores, int from, int to) {
        if (name[to] || other[to] || !(name[from] || person[from]) || !(scores[to] > growThreshold)) return false;
        List<Token> tokens = scan.tokens;
        String word = tokens.get(to).folded();
        // a lower-case word joins a capitalized name only when it is a listed name itself: "na zvonu piše Perković"
        if (!tokens.get(to).capitalized() && tokens.get(from).capitalized() && !listedName(tokens.get(to))) {
            return false;
        }
        // a street's own word is no part of a name: "Rue de la Paix", "Via del Corso"
        if (AbroadStreetWords.STREET_FIRST.contains(word) || StreetLexicon.isStreetToken(word)) return false;
        if (streetParticle(word)) {
            int k = to;
            while (k > 0 && streetParticle(tokens.get(k).folded())) k--;
            if (AbroadStreetWords.STREET_FIRST.has(tokens.get(k))) return false;
        }
        int left = Math.min(from, to);
        return joinable(scan, tokens.get(left).end(), tokens.get(left + 1).start());
    }

    private static boolean listedName(Token t) {
        return (t.lexicon() & (Lexicons.FIRST | Lexicons.SURNAME | Lexicons.WORLD_NAME | Lexicons.WORLD_FIRST)) != 0;
    }

    /** Particles of names and of streets' names: "de la", "del", "della", "van der". */
    private static boolean streetParticle(String folded) {
        return NameSpan.PARTICLES.contains(folded) || STREET_PARTICLES.contains(folded);
    }

    private static final WordSet STREET_PARTICLES =
            WordSet.of("la", "las", "los", "le", "les", "del", "della", "di", "du", "des", "do", "da", "dos");

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
