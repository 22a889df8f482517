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
 * First and last names from the locale data bundled in datafaker (Apache-2.0, Maven Central) — names
 * of the languages carehub's customers write in — and from the world-name lists in {@code privacy/} (Arabic,
 * Persian, African, South and East Asian names as spelled in Latin letters). Read once; entries that are
 * templates, shorter than 3 letters, stop words, everyday words or cities are left out. Dutch is left out on
 * purpose: its surname list is full of ordinary words.
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
            "/fi-FI.yml",
            // West and East African, South African, Singaporean and Malaysian (Chinese names romanized), Nepali,
            // Tamil, Czech, Slovak, Moldovan, Baltic, Bulgarian, Macedonian and Belarusian (transliterated), Mexican,
            // Filipino names
            "/en-NG.yml",
            "/en-UG.yml",
            "/en-ZA.yml",
            "/en-SG.yml",
            "/en-MS.yml",
            "/en-NEP.yml",
            "/ta.yml",
            "/cs-CZ.yml",
            "/sk.yml",
            "/ro-MD.yml",
            "/lv.yml",
            "/et.yml",
            "/bg.yml",
            "/mk.yml",
            "/be.yml",
            "/es-MX.yml",
            "/en-PH.yml");
    private static final List<String> FIRST_NAME_KEYS = List.of(
            "first_name",
            "male_first_name",
            "female_first_name",
            "man_first_name",
            "woman_first_name",
            "malay_male_first_name",
            "malay_female_first_name",
            "chinese_male_first_name",
            "chinese_female_first_name",
            "tamil_male_name",
            "tamil_female_name");
    private static final List<String> LAST_NAME_KEYS = List.of(
            "last_name",
            "man_last_name",
            "woman_last_name",
            "male_last_name",
            "female_last_name",
            "chinese_male_last_name");

    private DatafakerNames() {}

    static Set<String> load(Lexicons curated) {
        Set<String> all = new HashSet<>(firstNames(curated));
        all.addAll(load(curated, LAST_NAME_KEYS));
        addAll(curated, Lexicons.names(WORLD_SURNAMES), all);
        return Set.copyOf(all);
    }

    /** First names only: lowercase ones are trusted right after a self-introduction ("ich bins jenny"). */
    static Set<String> firstNames(Lexicons curated) {
        Set<String> first = new HashSet<>(load(curated, FIRST_NAME_KEYS));
        addAll(curated, Lexicons.names(WORLD_FIRST_NAMES), first);
        return Set.copyOf(first);
    }

    /** Names of origins the locales lack, in the Latin spellings used in Germany (resources, CC0). */
    private static final String WORLD_FIRST_NAMES = "world-first-names.txt";

    private static final String WORLD_SURNAMES = "world-surnames.txt";

    private static void addAll(Lexicons curated, Set<String> names, Set<String> into) {
        for (String name : names) add(curated, name, into);
    }

    private static void add(Lexicons curated, String name, Set<String> names) {
        if (name.length() < 3 || !name.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
            return;
        }
        String folded = Transliteration.toLatin(Folding.fold(name));
        if (!folded.chars().allMatch(c -> c < 0x80)) return;
        if (!curated.isCommon(folded) && !curated.isOrdinary(folded) && !curated.isCity(folded)) {
            names.add(folded);
        }
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
                        // "Jin Quan", "Mary Grace": each part of a name of several words is a name
                        for (String name : entry.asText().split(" ")) add(curated, name, names);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(names);
    }
}
