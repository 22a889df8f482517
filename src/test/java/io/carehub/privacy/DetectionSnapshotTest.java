package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Speed work must not change what the detector finds: every finding (type, start, end, score) on every labelled
 * set, on each message upper- and lower-cased, on all sets joined into one long text and on fixed-seed fuzz
 * mixtures equals the snapshot in {@code privacy/detection-snapshot/}, one line per text with findings. The snapshot
 * is one file per labelled set (and {@code joined}, {@code fuzz}), so each stays small and a diff shows which set
 * moved. After a deliberate change of detection results, regenerate it with {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.carehub.privacy.DetectionSnapshotTest} and review the diff.
 */
class DetectionSnapshotTest {

    static final String SNAPSHOT = "privacy/detection-snapshot";
    private static final long FUZZ_SEED = 17;
    private static final int FUZZ_INPUTS = 1_000;

    @Test
    void everyFindingEqualsTheSnapshot() {
        Map<String, String> expected = read();
        Map<String, String> actual = findings();
        List<String> differences = new ArrayList<>();
        for (var e : expected.entrySet()) {
            String now = actual.getOrDefault(e.getKey(), "");
            if (!now.equals(e.getValue())) differences.add(e.getKey() + "\n  was " + e.getValue() + "\n  now " + now);
        }
        for (var e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey())) differences.add(e.getKey() + "\n  was \n  now " + e.getValue());
        }
        assertThat(differences).as("findings that differ from the snapshot").isEmpty();
    }

    /** Text key → its findings, in a fixed order; texts without findings are left out. */
    static Map<String, String> findings() {
        PiiDetector detector = new PiiDetector(PrivacyEvaluation.COMPANY_NUMBERS, "DE");
        Map<String, String> result = new LinkedHashMap<>();
        StringBuilder joined = new StringBuilder();
        for (LabelledCorpus.NamedSet set : LabelledCorpus.SETS) {
            for (LabelledCorpus.Message m : LabelledCorpus.load(set.jsonl()).messages()) {
                String key = set.name() + "/" + m.id();
                put(result, key, detector.detect(m.text()));
                put(result, key + "/upper", detector.detect(m.text().toUpperCase(Locale.ROOT)));
                put(result, key + "/lower", detector.detect(m.text().toLowerCase(Locale.ROOT)));
                joined.append(m.text()).append(' ');
            }
        }
        for (Entity e : detector.detect(joined.toString())) put(result, "joined/" + e.start(), List.of(e));
        SplittableRandom random = new SplittableRandom(FUZZ_SEED);
        for (int i = 0; i < FUZZ_INPUTS; i++)
            put(result, "fuzz/" + i, detector.detect(PiiDetectorFuzzTest.mixture(random)));
        return result;
    }

    private static void put(Map<String, String> result, String key, List<Entity> entities) {
        if (entities.isEmpty()) return;
        StringJoiner line = new StringJoiner(" ");
        for (Entity e : entities) line.add(e.type() + ":" + e.start() + "-" + e.end() + ":" + e.score());
        result.put(key, line.toString());
    }

    private static Map<String, String> read() {
        Map<String, String> result = new LinkedHashMap<>();
        for (String part : parts()) {
            try (InputStream in =
                    DetectionSnapshotTest.class.getResourceAsStream("/" + SNAPSHOT + "/" + part + ".txt")) {
                if (in == null) continue; // a part without findings has no file; its texts then differ above
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) result.put(line.substring(0, tab), line.substring(tab + 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /** The snapshot's files: one per labelled set, then the joined text and the fuzz mixtures. */
    private static List<String> parts() {
        List<String> parts = new ArrayList<>();
        for (LabelledCorpus.NamedSet set : LabelledCorpus.SETS) parts.add(set.name());
        parts.add("joined");
        parts.add("fuzz");
        return parts;
    }

    /** The part (file) a text key belongs to: the set's name, "joined" or "fuzz", before the first slash. */
    private static String part(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    /** Writes the snapshot from the current detector, one file per part. */
    public static void main(String[] args) throws IOException {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        for (var e : findings().entrySet())
            files.computeIfAbsent(part(e.getKey()), p -> new StringBuilder())
                    .append(e.getKey())
                    .append('\t')
                    .append(e.getValue())
                    .append('\n');
        Path dir = Path.of("src/test/resources", SNAPSHOT);
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path file : old.toList()) Files.delete(file);
        }
        long lines = 0;
        for (var f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey() + ".txt"), f.getValue().toString(), StandardCharsets.UTF_8);
            lines += f.getValue().toString().lines().count();
        }
        System.out.println("wrote " + lines + " lines to " + files.size() + " files in " + dir);
    }
}
