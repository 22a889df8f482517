package io.carehub.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The words of {@code privacy/identity-words.txt}: identity documents, personal numbers and licence plates as
 * customers near and across the borders name them in their own languages ("občanský průkaz", "rodné číslo",
 * "NL-Kennzeichen"). Every entry is folded as message words are; looked up once per word token near a candidate.
 */
final class IdentityWords {

    private static final IdentityWords INSTANCE = new IdentityWords();

    private final WordSet documents;
    private final List<String> documentHeads = new ArrayList<>();
    /** {@link #documentHeads} by their first char. */
    private final PrefixList documentHeadIndex;

    /** Asked for nearly every word (OtherIdRule's keywords): keyword lists, a miss costs a bit test. */
    private final WordSet numbers;

    private final WordSet numberPairs;
    private final WordSet numberPairHeads;
    private final WordSet numberTails;
    private final Set<String> plates = new HashSet<>();
    private final List<String> plateSuffixes = new ArrayList<>();
    private final java.util.Map<String, Set<String>> cues = new java.util.HashMap<>();
    private final java.util.Map<String, List<String>> cueHeads = new java.util.HashMap<>();
    /** Per cue group, the first chars of its words and heads (a bit per char mod 64): most words are ruled out here. */
    private final java.util.Map<String, Long> cueFirstChars = new java.util.HashMap<>();

    private IdentityWords() {
        Set<String> documents = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> numberPairs = new HashSet<>();
        Set<String> numberPairHeads = new HashSet<>();
        Set<String> numberTails = new HashSet<>();
        for (String line : OrganisationNames.lines("identity-words.txt")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String kind = line.substring(0, colon).trim();
            for (String word : line.substring(colon + 1).trim().split("\\s+")) {
                if (word.isEmpty()) continue;
                String folded = Folding.fold(word);
                switch (kind) {
                    case "document" -> documents.add(folded);
                    case "document-head" -> documentHeads.add(folded);
                    case "number" -> numbers.add(folded);
                    case "number-pair" -> {
                        numberPairs.add(folded.replace('+', ' '));
                        numberPairHeads.add(folded.substring(0, folded.indexOf('+')));
                    }
                    case "number-tail" -> numberTails.add(folded);
                    case "plate" -> plates.add(folded);
                    case "plate-suffix" -> plateSuffixes.add(folded);
                    case "cue" -> cueWord(folded, false);
                    case "cue-head" -> cueWord(folded, true);
                    default -> throw new IllegalStateException("identity-words.txt: unknown kind " + kind);
                }
            }
        }
        documentHeadIndex = new PrefixList(documentHeads);
        this.documents = WordSet.copyOf(documents);
        this.numbers = WordSet.copyOf(numbers);
        this.numberPairs = WordSet.copyOf(numberPairs);
        this.numberPairHeads = WordSet.copyOf(numberPairHeads);
        this.numberTails = WordSet.copyOf(numberTails);
    }

    /** "turkish=kimlik": a word of the named cue group (see the file's header). */
    private void cueWord(String entry, boolean head) {
        int eq = entry.indexOf('=');
        if (eq <= 0) throw new IllegalStateException("identity-words.txt: a cue needs group=word: " + entry);
        String group = entry.substring(0, eq);
        String word = entry.substring(eq + 1);
        if (head) cueHeads.computeIfAbsent(group, g -> new ArrayList<>()).add(word);
        else cues.computeIfAbsent(group, g -> new HashSet<>()).add(word);
        cueFirstChars.merge(group, 1L << (word.charAt(0) & 63), (a, b) -> a | b);
    }

    /** A word of the cue group {@code group} ("turkish", "serial", "validity", "belgian", "tax", "student"). */
    static boolean cue(String group, String folded) {
        return cue(
                INSTANCE.cues.get(group),
                INSTANCE.cueHeads.getOrDefault(group, List.of()),
                INSTANCE.cueFirstChars.getOrDefault(group, 0L),
                folded);
    }

    /** {@link #cue(String, String)} with the group's words, heads and first chars looked up already. */
    private static boolean cue(Set<String> words, List<String> heads, long firstChars, String folded) {
        if (!folded.isEmpty() && Chars.spaceless(folded.charAt(0))) return spacelessCue(heads, folded);
        if (folded.isEmpty() || (firstChars & 1L << (folded.charAt(0) & 63)) == 0) return false;
        if (words != null && words.contains(folded)) return true;
        for (String head : heads) {
            if (folded.startsWith(head)) return true;
        }
        return false;
    }

    /** "我的身份证号", "เลขบัตรประชาชน": in a script without spaces a token is a phrase, a head may stand anywhere in it. */
    private static boolean spacelessCue(List<String> heads, String folded) {
        for (String head : heads) {
            if (Chars.spaceless(head.charAt(0)) && folded.contains(head)) return true;
        }
        return false;
    }

    /**
     * A word of the cue group anywhere in the message; one pass over its words per group and message, remembered, so
     * that a long text with many numbers is not read again for each of them.
     */
    static boolean cueInMessage(TextScan s, String group) {
        return s.messageFact(group, () -> {
            // the group's parts once per message, not once per word
            Set<String> words = INSTANCE.cues.get(group);
            List<String> heads = INSTANCE.cueHeads.getOrDefault(group, List.of());
            long firstChars = INSTANCE.cueFirstChars.getOrDefault(group, 0L);
            for (TextScan.Token token : s.tokens) {
                if (token.isWord() && cue(words, heads, firstChars, token.folded())) return true;
            }
            return false;
        });
    }

    /** "pasoš", "průkazu", "iskaznica", "ID-картка": a passport, identity card or residence permit. */
    static boolean document(String folded) {
        if (INSTANCE.documents.contains(folded)) return true;
        return INSTANCE.documentHeadIndex.startsAny(folded);
    }

    /**
     * "matricule", "EMŠO", and a known number's keyword with a tail for "number" ("CPR-Nummer", "PESEL-Nr",
     * "OIB-broj"); {@code known} says which heads count.
     */
    static boolean number(String folded, Predicate<String> known) {
        if (INSTANCE.numbers.contains(folded)) return true;
        return numberWithTail(folded, known);
    }

    /** {@link #number(String, Predicate)} of a token: its keyword lists answer first. */
    static boolean number(TextScan.Token word, Predicate<String> known) {
        if (INSTANCE.numbers.has(word)) return true;
        return numberWithTail(word.folded(), known);
    }

    private static boolean numberWithTail(String folded, Predicate<String> known) {
        int dash = folded.indexOf('-');
        if (dash <= 1 || dash == folded.length() - 1) return false;
        String head = folded.substring(0, dash);
        return INSTANCE.numberTails.contains(folded.substring(dash + 1))
                && (INSTANCE.numbers.contains(head) || known.test(head));
    }

    /** "rodné číslo", "registre national", "asmens kodas": a personal number named in two words. */
    static boolean numberPair(String first, String second) {
        return INSTANCE.numberPairHeads.contains(first) && INSTANCE.numberPairs.contains(first + " " + second);
    }

    /** {@link #numberPair(String, String)} of two tokens; most first words are no head, a bit test says so. */
    static boolean numberPair(TextScan.Token first, TextScan.Token second) {
        return INSTANCE.numberPairHeads.has(first)
                && INSTANCE.numberPairs.contains(first.folded() + " " + second.folded());
    }

    /** "Kennzeichen", "SPZ", "rendszám", "Geschäftsauto", "NL-Kennzeichen": a car or its licence plate. */
    static boolean plate(String folded) {
        if (INSTANCE.plates.contains(folded)) return true;
        for (String suffix : INSTANCE.plateSuffixes) {
            if (folded.endsWith(suffix)) return true;
        }
        return false;
    }
}
