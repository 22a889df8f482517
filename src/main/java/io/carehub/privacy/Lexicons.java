package io.carehub.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Word lists bundled under {@code privacy/} (compiled for carehub, CC0). All entries are folded with
 * {@link TextScan#fold}, so lookups ignore case and umlaut spelling.
 */
final class Lexicons {

    final Set<String> firstNames = load("first-names.txt");
    final Set<String> surnames = load("surnames.txt");
    final Set<String> ordinaryWords = load("ordinary-words.txt");
    final Set<String> cities = load("cities.txt");
    final Set<String> stopWords = load("stop-words.txt");
    final Set<String> commonWords = load("common-words.txt");
    /** Names from datafaker's locale data: only trusted after a context trigger ("ich bin der Kalle"). */
    final Set<String> contextNames = DatafakerNames.load(this);

    final Set<String> contextFirstNames = DatafakerNames.firstNames(this);

    private static final List<String> SURNAME_SUFFIXES = List.of(
            "ska", "ski", "cka", "cki", "wicz", "czyk", "czak", "idis", "ides", "opoulos", "opoulou", "akis", "aki",
            "ou", "zadeh", "pour", "nejad", "oglu", "enko", "chuk", "czuk", "ov", "ova", "ev", "eva", "ovic", "evic",
            "yan", "escu", "eanu");

    private static final Lexicons INSTANCE = new Lexicons();

    static Lexicons get() {
        return INSTANCE;
    }

    boolean isFirstName(String folded) {
        if (firstNames.contains(folded)) return true;
        int dash = folded.indexOf('-');
        if (dash < 0) return false;
        for (String part : folded.split("-")) {
            if (!firstNames.contains(part)) return false;
        }
        return true; // Karl-Heinz, Lisa-Marie
    }

    boolean isSurname(String folded) {
        if (surnames.contains(folded)) return true;
        int dash = folded.indexOf('-');
        if (dash < 0) return false;
        for (String part : folded.split("-")) {
            if (surnames.contains(part)) return true; // Meyer-Lüdenscheidt
        }
        return false;
    }

    boolean isName(String folded) {
        return isFirstName(folded) || isSurname(folded);
    }

    /** One of datafaker's names, written capitalized: trusted only after a context trigger. */
    boolean isContextName(String folded, boolean capitalized) {
        return capitalized && contextNames.contains(folded);
    }

    /** A first name (curated or datafaker) in any casing: trusted only right after a self-introduction. */
    boolean isIntroFirstName(String folded) {
        return !isOrdinary(folded) && (isFirstName(folded) || contextFirstNames.contains(folded));
    }

    /** A name that is also an everyday word (Vogel, Klein, Frank, Rose): needs context. */
    boolean isOrdinary(String folded) {
        return ordinaryWords.contains(folded);
    }

    /**
     * Surname morphology of the origins the lexicons cover worst: Polish (-ska, -ski, -wicz), Greek (-idis,
     * -opoulos, -akis, -ou), Persian (-zadeh, -pour, -nejad), Turkish (-oglu), Ukrainian (-enko, -chuk),
     * Russian (-ov, -ova, -ev), Balkan (-ovic, -evic), Armenian (-yan), Romanian (-escu).
     */
    boolean hasSurnameShape(String folded) {
        if (folded.length() < 5 || isStopWord(folded) || isOrdinary(folded)) return false;
        for (String suffix : SURNAME_SUFFIXES) {
            if (folded.length() >= suffix.length() + 3 && folded.endsWith(suffix)) return true;
        }
        return false;
    }

    /** A first name from any of datafaker's locales, written capitalized. */
    boolean isAnyFirstName(String folded) {
        return isFirstName(folded) || contextFirstNames.contains(folded) && !isOrdinary(folded);
    }

    /** A stop word or an everyday word written capitalized (German nouns, sentence starts): never part of a name. */
    boolean isCommon(String folded) {
        return stopWords.contains(folded) || commonWords.contains(folded);
    }

    boolean isStopWord(String folded) {
        return stopWords.contains(folded);
    }

    boolean isCity(String folded) {
        return cities.contains(folded);
    }

    /** The words of a list in {@code privacy/}, folded. */
    static Set<String> words(String name) {
        return load(name);
    }

    private static Set<String> load(String name) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Lexicons.class.getResourceAsStream("/privacy/" + name)) {
            if (in == null) throw new IllegalStateException("missing lexicon privacy/" + name);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                for (String word : line.trim().split("\\s+")) {
                    if (!word.isEmpty()) words.add(TextScan.fold(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
