package io.carehub.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * First and last names from the locale data bundled in datafaker (Apache-2.0, Maven Central): about
 * 10,000 names of the languages carehub's customers write in. Read once from the jar's YAML; entries that
 * are templates, shorter than 3 letters, stop words, everyday words or cities are left out. Dutch is left
 * out on purpose: its surname list is full of ordinary words.
 */
final class DatafakerNames {

    private static final List<String> FILES = List.of(
            "/de.yml",
            "/de-AT.yml",
            "/en/name.yml",
            "/fr.yml",
            "/it.yml",
            "/es.yml",
            "/pl.yml",
            "/tr.yml",
            // the origins of customers whose names the German lists lack: Greek and Cyrillic ones transliterated
            "/el-GR.yml",
            "/uk.yml",
            "/ru.yml",
            "/vi.yml",
            "/hr.yml",
            "/pt.yml",
            "/pt-BR.yml",
            "/hu.yml",
            "/sq.yml",
            "/en-IN.yml",
            "/en-PK.yml",
            "/id.yml",
            "/sv.yml",
            "/da-DK.yml",
            "/nb-NO.yml",
            "/fi-FI.yml");
    private static final List<String> KEYS = List.of("first_name", "male_first_name", "female_first_name", "last_name");

    private DatafakerNames() {}

    static Set<String> load(Lexicons curated) {
        return load(curated, KEYS);
    }

    /** First names only: lowercase ones are trusted right after a self-introduction ("ich bins jenny"). */
    static Set<String> firstNames(Lexicons curated) {
        return load(curated, KEYS.subList(0, 3));
    }

    private static Set<String> load(Lexicons curated, List<String> keys) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> names = new HashSet<>();
        for (String file : FILES) {
            try (InputStream in = DatafakerNames.class.getResourceAsStream(file)) {
                if (in == null) throw new IllegalStateException("datafaker locale data " + file + " is missing");
                JsonNode locale =
                        yaml.readTree(in).elements().next().path("faker").path("name");
                for (String key : keys) {
                    for (JsonNode entry : locale.path(key)) {
                        String name = entry.asText();
                        if (name.length() < 3
                                || !name.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
                            continue;
                        }
                        String folded = Transliteration.toLatin(TextScan.fold(name));
                        if (!folded.chars().allMatch(c -> c < 0x80)) continue;
                        if (!curated.isCommon(folded) && !curated.isOrdinary(folded) && !curated.isCity(folded)) {
                            names.add(folded);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(names);
    }
}
