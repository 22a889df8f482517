package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word lists bundled under {@code privacy/} (compiled for carehub, CC0). All entries are folded with
 * {@link TextScan#fold}, so lookups ignore case and umlaut spelling.
 */
final class Lexicons {

    // what a word is, as bits: every list is looked up at once, one probe per word instead of one per list
    static final int FIRST = 1;
    static final int SURNAME = 1 << 1;
    static final int ORDINARY = 1 << 2;
    static final int CITY = 1 << 3;
    static final int STOP = 1 << 4;
    static final int COMMON = 1 << 5;
    /** In datafaker's locale data (first or last name): only trusted after a context trigger ("ich bin der Kalle"). */
    static final int WORLD_NAME = 1 << 6;
    /** A first name of datafaker's locale data: lowercase ones are trusted right after a self-introduction. */
    static final int WORLD_FIRST = 1 << 7;

    /**
     * Every listed word's bits; a word in no list is absent. Set twice while the lexicons are built (datafaker's
     * names are filtered by the curated lists), never after: {@link #INSTANCE} publishes it.
     */
    private WordTable words;

    private static final List<String> SURNAME_SUFFIXES = List.of(
            "ska", "ski", "cka", "cki", "wicz", "czyk", "czak", "idis", "ides", "opoulos", "opoulou", "akis", "aki",
            "ou", "zadeh", "pour", "nejad", "oglu", "enko", "chuk", "czuk", "ov", "ova", "ev", "eva", "ovic", "evic",
            "yan", "escu", "eanu", "wat", "pong", "phong", "porn", "sak", "chai");

    /** The surname suffixes by their last (ASCII) char: a word is compared with the few that end as it does. */
    /**
     * The surname endings of the North and the Baltic, accents folded: the Icelandic patronymic ("Þórsdóttir",
     * "Ólafsson"), the Lithuanian daughter's and wife's names ("Kazlauskaitė", "Žemaitiūtė", "Kazlauskienė",
     * "Jankevičienė") and the men's ("Petraitis", "Kazlauskas", "Mickevičius"); the bare "-ytė" and "-ienė" are left
     * out, since "Megabyte" and "Hygiene" end so.
     */
    private static final List<String> NORTHERN_SURNAME_SUFFIXES =
            List.of("dottir", "sson", "aite", "iute", "auskiene", "viciene", "aitis", "icius", "auskas");

    /** The suffixes that end in an ASCII char: a word ending in any other char never has a surname's suffix. */
    private static final SuffixList SURNAME_ENDINGS =
            new SuffixList(java.util.stream.Stream.concat(SURNAME_SUFFIXES.stream(), NORTHERN_SURNAME_SUFFIXES.stream())
                    .filter(x -> x.charAt(x.length() - 1) < 128)
                    .toList());

    private static final Lexicons INSTANCE = new Lexicons();

    private Lexicons() {
        Map<String, Integer> bits = new HashMap<>();
        mark(bits, load("first-names.txt"), FIRST);
        mark(bits, load("folk-first-names.txt"), FIRST);
        mark(bits, load("surnames.txt"), SURNAME);
        mark(bits, load("ordinary-words.txt"), ORDINARY);
        mark(bits, load("cities.txt"), CITY);
        mark(bits, load("stop-words.txt"), STOP);
        mark(bits, load("common-words.txt"), COMMON);
        words = new WordTable(bits); // datafaker's names leave out the common words, ordinary words and cities
        Set<String> worldNames = DatafakerNames.load(this);
        Set<String> worldFirstNames = DatafakerNames.firstNames(this);
        mark(bits, worldNames, WORLD_NAME);
        mark(bits, worldFirstNames, WORLD_FIRST);
        words = new WordTable(bits);
    }

    private static void mark(Map<String, Integer> bits, Set<String> list, int bit) {
        for (String word : list) bits.merge(word, bit, (a, b) -> a | b);
    }

    /** The lists {@code folded} is in, as the bits above (0 for none). */
    int bits(String folded) {
        if (folded == null) return 0; // null as HashMap.get takes it: in no list
        int bits = words.get(folded, 0);
        return bits == 0 && folded.indexOf('-') > 0 ? joinedFirstName(folded) : bits;
    }

    /**
     * "jean-baptiste", "ana-maria", "lars-erik": a first name joined of first names that no list holds whole is a
     * first name of the lists its parts share, so a lower-case or all-caps message reads it as it reads "jean". Only
     * when every part is a first name and none an everyday word ("jean-jacke" is none); other joined words stay in no
     * list. Cost: a look-up per part of a hyphenated word no list holds.
     */
    private int joinedFirstName(String folded) {
        int shared = FIRST | WORLD_FIRST;
        int from = 0;
        while (from < folded.length() && shared != 0) {
            int to = folded.indexOf('-', from);
            if (to < 0) to = folded.length();
            if (to - from < 2) return 0;
            int part = words.get(folded.substring(from, to), 0);
            if ((part & (STOP | COMMON | ORDINARY | CITY)) != 0) return 0;
            shared &= part;
            from = to + 1;
        }
        return shared;
    }

    static Lexicons get() {
        return INSTANCE;
    }

    /**
     * {@link #bits} of a token: a word's were looked up once when the text was split ({@link Token#lexicon}), a
     * number's are looked up here. The rules that ask about a token ask these overloads, not the String ones.
     */
    int bits(Token t) {
        return t.isWord() ? t.lexicon() : bits(t.folded());
    }

    boolean isFirstName(Token t) {
        return isFirstName(t.folded(), bits(t));
    }

    boolean isSurname(Token t) {
        return isSurname(t.folded(), bits(t));
    }

    boolean isName(Token t) {
        int bits = bits(t);
        return isFirstName(t.folded(), bits) || isSurname(t.folded(), bits);
    }

    boolean isOrdinary(Token t) {
        return (bits(t) & ORDINARY) != 0;
    }

    boolean isStopWord(Token t) {
        return (bits(t) & STOP) != 0;
    }

    boolean isCommon(Token t) {
        return (bits(t) & (STOP | COMMON)) != 0;
    }

    boolean isCity(Token t) {
        return (bits(t) & CITY) != 0;
    }

    boolean isAnyFirstName(Token t) {
        int bits = bits(t);
        return isFirstName(t.folded(), bits) || (bits & (WORLD_FIRST | ORDINARY)) == WORLD_FIRST;
    }

    boolean hasSurnameShape(Token t) {
        String folded = t.folded();
        return folded.length() >= 5 && (bits(t) & (STOP | ORDINARY)) == 0 && hasSurnameSuffix(folded);
    }

    boolean isFirstName(String folded) {
        return isFirstName(folded, bits(folded));
    }

    /** {@link #isFirstName(String)} for a word whose bits are known. */
    private boolean isFirstName(String folded, int bits) {
        if ((bits & FIRST) != 0) return true;
        int dash = folded.indexOf('-');
        if (dash < 0) return false;
        for (String part : folded.split("-")) {
            if ((bits(part) & FIRST) == 0) return false;
        }
        return true; // Karl-Heinz, Lisa-Marie
    }

    boolean isSurname(String folded) {
        return isSurname(folded, bits(folded));
    }

    private boolean isSurname(String folded, int bits) {
        if ((bits & SURNAME) != 0) return true;
        int dash = folded.indexOf('-');
        if (dash < 0) return false;
        for (String part : folded.split("-")) {
            if ((bits(part) & SURNAME) != 0) return true; // Meyer-Lüdenscheidt
        }
        return false;
    }

    boolean isName(String folded) {
        return isFirstName(folded) || isSurname(folded);
    }

    /** One of datafaker's names, written capitalized: trusted only after a context trigger. */
    boolean isContextName(String folded, boolean capitalized) {
        return capitalized && isWorldName(folded);
    }

    /** A first name (curated or datafaker) in any casing: trusted only right after a self-introduction. */
    boolean isIntroFirstName(String folded) {
        return !isOrdinary(folded) && (isFirstName(folded) || (bits(folded) & WORLD_FIRST) != 0);
    }

    /** A name that is also an everyday word (Vogel, Klein, Frank, Rose): needs context. */
    boolean isOrdinary(String folded) {
        return (bits(folded) & ORDINARY) != 0;
    }

    /**
     * Surname morphology of the origins the lexicons cover worst: Polish (-ska, -ski, -wicz), Greek (-idis,
     * -opoulos, -akis, -ou), Persian (-zadeh, -pour, -nejad), Turkish (-oglu), Ukrainian (-enko, -chuk),
     * Russian (-ov, -ova, -ev), Balkan (-ovic, -evic), Armenian (-yan), Romanian (-escu), Thai (-wat, -pong, -phong,
     * -porn, -sak, -chai: Wongsawat, Nattapong, Kittiphong, Siriporn, Kittisak, Thongchai; hardly a German or English
     * word ends so, "Pingpong" is in not-names.txt).
     */
    boolean hasSurnameShape(String folded) {
        return folded.length() >= 5 && (bits(folded) & (STOP | ORDINARY)) == 0 && hasSurnameSuffix(folded);
    }

    /** The suffix test of {@link #hasSurnameShape}, for a word whose bits are known. */
    static boolean hasSurnameSuffix(String folded) {
        return SURNAME_ENDINGS.endsWithAny(folded, 3);
    }

    /** A first name from any of datafaker's locales, written capitalized. */
    boolean isAnyFirstName(String folded) {
        return isFirstName(folded) || (bits(folded) & (WORLD_FIRST | ORDINARY)) == WORLD_FIRST;
    }

    /** A stop word or an everyday word written capitalized (German nouns, sentence starts): never part of a name. */
    boolean isCommon(String folded) {
        return (bits(folded) & (STOP | COMMON)) != 0;
    }

    boolean isStopWord(String folded) {
        return (bits(folded) & STOP) != 0;
    }

    /** One of datafaker's names (first or last, any locale): trusted only in a name's context. */
    boolean isWorldName(String folded) {
        return (bits(folded) & WORLD_NAME) != 0;
    }

    boolean isCity(String folded) {
        return (bits(folded) & CITY) != 0;
    }

    /** The words of a keyword list in {@code privacy/}, folded. */
    static WordSet words(String name) {
        return WordSet.copyOf(load(name));
    }

    /** The words of a name list in {@code privacy/}, folded: too many for {@link KeywordLists}, and no rule asks it. */
    static Set<String> names(String name) {
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
                    if (!word.isEmpty()) words.add(Folding.fold(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
