package io.carehub.privacy;

import static io.carehub.privacy.NameSpan.GREETINGS;
import static io.carehub.privacy.NameSpan.TITLES;
import static io.carehub.privacy.NameSpan.emit;
import static io.carehub.privacy.NameSpan.joined;
import static io.carehub.privacy.NameSpan.partOfAddress;
import static io.carehub.privacy.NameTriggerWords.AFTER_NAME;
import static io.carehub.privacy.NameTriggerWords.CLOSERS;
import static io.carehub.privacy.NameTriggerWords.GERMAN_ENGLISH_INTRO;
import static io.carehub.privacy.NameTriggerWords.HOLDERS;
import static io.carehub.privacy.NameTriggerWords.HOLDER_FILLERS;
import static io.carehub.privacy.NameTriggerWords.RELATIONS;
import static io.carehub.privacy.NameTriggerWords.SKIP_AFTER_CLOSER;
import static io.carehub.privacy.NameTriggerWords.WEAK_SKIP;

import io.carehub.privacy.NameSpan.Mode;
import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Names announced by the words before them: "mein Name ist", "ich heiße", "ich bin", "hier ist",
 * foreign introductions ("ik ben", "je suis"), salutations and titles (Herr, Dr.), relations ("meine
 * Tochter"), holders ("Kontoinhaber"), and closers ("LG", "Viele Grüße", "thanks").
 */
final class NameTriggers {

    private final Lexicons lex;
    private final NameSpan span;

    NameTriggers(Lexicons lex, NameSpan span) {
        this.lex = lex;
        this.span = span;
    }

    /**
     * Every word {@link #trigger} acts on as its folded form: the cases of its switch, titles, relations, holders and
     * closers. Any other word (most of a message) is passed over after a bit test, without the switch's string
     * comparisons.
     */
    private static final WordSet TRIGGERS = WordSet.copyOf(triggers());

    private static java.util.Set<String> triggers() {
        java.util.Set<String> words = new java.util.HashSet<>(List.of(
                "name",
                "nachname",
                "vorname",
                "name's",
                "names",
                "surname",
                "heisse",
                "heisst",
                "heiss",
                "heise",
                "named",
                "called",
                "bin",
                "bins",
                "am",
                "i'm",
                "it's",
                "its",
                "is",
                "ist",
                "bi",
                "ben",
                "sono",
                "suis",
                "c'est",
                "jestem",
                "soy",
                "spricht",
                "hier",
                "here",
                "auf",
                "grueße",
                "gruessen",
                "grussen"));
        words.addAll(TITLES);
        words.addAll(RELATIONS);
        words.addAll(HOLDERS);
        words.addAll(CLOSERS);
        return words;
    }

    /** A word that announces a name (relation, holder, closer): it is never part of the name itself. */
    static boolean announcesName(String folded) {
        return RELATIONS.contains(folded)
                || HOLDERS.contains(folded)
                || CLOSERS.contains(folded)
                || GERMAN_ENGLISH_INTRO.contains(folded)
                || folded.startsWith("gruess")
                || folded.startsWith("gruesse");
    }

    /** "Name ist falsch / richtig / nicht …", "name is wrong": what is said about the name after "ist". */
    private static final WordSet NAME_PREDICATES = WordSet.of(
            "falsch",
            "richtig",
            "korrekt",
            "nicht",
            "anders",
            "verkehrt",
            "vertauscht",
            "unvollstaendig",
            "geaendert",
            "wrong",
            "incorrect",
            "correct",
            "misspelled",
            "missing",
            "not");

    /** Applies a context trigger at token i; returns the index after the name, or -1. */
    int trigger(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        Token word = t.get(i);
        String w = ParticleNames.foreignNameWord(word);
        if (w.equals(word.folded()) && !TRIGGERS.has(word)) return -1; // not renamed to "surname" or "called"
        String next = i + 1 < t.size() ? t.get(i + 1).folded() : "";
        String prev = i > 0 ? t.get(i - 1).folded() : "";
        switch (w) {
            case "name", "nachname", "vorname", "name's", "names", "surname" -> {
                int named = nameBefore(s, i, out);
                if (named > 0) return named;
                int k = i + 1;
                boolean explicit = next.equals("ist") || next.equals("is") || next.equals("lautet");
                if (explicit) k++;
                boolean colon = k < t.size()
                        && s.text.substring(t.get(i).end(), t.get(k).start()).contains(":");
                if (w.equals("name's")) return name(s, k, Mode.ANY, 0.85, out);
                // "der Name ist falsch geschrieben": a word that says what is wrong with the name is none
                boolean anyWord = colon || explicit && (k >= t.size() || !NAME_PREDICATES.has(t.get(k)));
                return name(s, k, anyWord ? Mode.ANY : Mode.LEXICON_OR_CAPITAL, 0.85, out);
            }
            case "heisse", "heisst", "heiss", "heise", "named", "called" -> {
                boolean self = prev.equals("ich") || prev.equals("je"); // "ich heiße", "je m'appelle"
                return name(s, i + 1, self ? Mode.ANY : Mode.LEXICON_OR_CAPITAL, 0.85, out);
            }
            case "bin",
                    "bins",
                    "am",
                    "i'm",
                    "it's",
                    "its",
                    "is",
                    "ist",
                    "bi",
                    "ben",
                    "sono",
                    "suis",
                    "c'est",
                    "jestem",
                    "soy" -> {
                boolean intro = (w.equals("bin")
                                && (prev.equals("ich") || prev.equals("i") || i == 0 || GREETINGS.contains(prev)))
                        || w.equals("bins")
                        // writers introducing themselves in their own language: "ich bi de Urs", "ik ben", "sono", "je
                        // suis", ...
                        || (w.equals("bi") && prev.equals("ich"))
                        || (w.equals("ben") && prev.equals("ik"))
                        || (w.equals("suis") && prev.equals("je"))
                        || w.equals("sono")
                        || w.equals("c'est")
                        || w.equals("jestem")
                        || w.equals("soy")
                        || (w.equals("am") && prev.equals("i"))
                        || w.equals("i'm")
                        || w.equals("it's")
                        || w.equals("its")
                        || (w.equals("is") && (prev.equals("this") || prev.equals("hier")))
                        || (w.equals("ist") && prev.equals("hier"));
                if (!intro) return -1;
                int k = i + 1;
                while (k < t.size() && k - i <= 2 && t.get(k).isWord() && WEAK_SKIP.has(t.get(k))) k++;
                boolean foreign = !GERMAN_ENGLISH_INTRO.contains(w);
                int named = name(s, k, foreign ? Mode.LEXICON_OR_CAPITAL : Mode.WEAK, 0.8, out);
                if (named >= 0
                        || k >= t.size()
                        || !t.get(k).isWord()
                        || TITLES.has(t.get(k))
                        || RELATIONS.has(t.get(k))
                        || partOfAddress(s, t.get(k))) {
                    return named;
                }
                if (!w.equals("is")
                        && !w.equals("its")
                        && !w.equals("it's")
                        && lex.isIntroFirstName(t.get(k).folded())) {
                    return emit(s, k, k + 1, 0.75, out); // "ich bins jenny", "hi bin tobi"
                }
                if (k + 1 < t.size()
                        && t.get(k).capitalized()
                        && t.get(k + 1).capitalized()
                        && joined(s, t.get(k), t.get(k + 1))
                        && !lex.isStopWord(t.get(k))
                        && !lex.isStopWord(t.get(k + 1))
                        && (k + 2 == t.size()
                                || ",.;!".indexOf(s.at(t.get(k + 1).end())) >= 0)) {
                    return emit(s, k, k + 2, 0.7, out); // "ich bin Dmitrij Wolkow, ..."
                }
                return named;
            }
            case "spricht" -> {
                return prev.equals("hier") ? name(s, i + 1, Mode.WEAK, 0.8, out) : -1;
            }
            case "hier", "here" -> {
                // "guten morgen, hier Dragan, ...": at the start of a clause, a name that ends it
                boolean clauseStart = i == 0
                        || GREETINGS.contains(prev)
                        || s.lastCharBefore(t.get(i).start()) == ',';
                if (!clauseStart || next.equals("ist") || next.equals("is") || next.equals("spricht")) return -1;
                int end = span.scanName(s, i + 1, Mode.LEXICON_OR_CAPITAL);
                boolean endsClause = end == t.size()
                        || end > i + 1 && ",.;!".indexOf(s.at(t.get(end - 1).end())) >= 0
                        || end > i + 2 && AFTER_NAME.has(t.get(end)); // "Hier Nazanin Jafari aus Köln"
                return end > i + 1 && endsClause ? emit(s, i + 1, end, 0.75, out) : -1;
            }
            default -> {}
        }
        // past the switch w is the token's folded form: the cases of the words foreignNameWord renames all return
        if (TITLES.has(word) || RELATIONS.has(word)) {
            if (w.equals("fr") && s.at(t.get(i).end()) != '.') return -1;
            // "… meiner Ehefrau. Passnummer …": a relation ending a sentence announces no name
            if (!TITLES.has(word) && ".!?".indexOf(s.at(t.get(i).end())) >= 0) return -1;
            int k = i + 1;
            while (k < t.size() && t.get(k).isWord() && TITLES.has(t.get(k)) && k - i < 4) k++;
            if (RELATIONS.has(word)
                    && k < t.size()
                    && (t.get(k).folded().equals("heisst") || t.get(k).folded().equals("named"))) k++;
            return name(s, k, Mode.LEXICON_OR_CAPITAL, 0.85, out);
        }
        if (HOLDERS.has(word) || (w.equals("auf") && prev.equals("laeuft"))) {
            int k = i + 1;
            while (k < t.size()
                    && k - i <= 3
                    && t.get(k).isWord()
                    && (HOLDER_FILLERS.has(t.get(k)) || RELATIONS.has(t.get(k)))) {
                k++;
            }
            return name(s, k, Mode.LEXICON_OR_CAPITAL, 0.85, out);
        }
        if (CLOSERS.has(word) || (w.equals("grueße") || w.equals("gruessen") || w.equals("grussen"))) {
            int k = i + 1;
            while (k < t.size() && t.get(k).isWord() && k - i <= 3) {
                String f = t.get(k).folded();
                if (SKIP_AFTER_CLOSER.has(t.get(k))
                        || f.equals("gruss")
                        || f.equals("gruesse")
                        || f.equals("regards")) {
                    k++;
                } else if (f.equals("aus") && k + 1 < t.size()) {
                    k += 2; // "Grüße aus Konstanz, Tobias"
                } else {
                    break;
                }
            }
            boolean atEnd = false;
            int end = span.scanName(s, k, Mode.LEXICON_OR_CAPITAL);
            int signed = end == k ? nameAfterComma(s, k) : -1;
            if (signed > 0) {
                return emit(s, signed, span.scanName(s, signed, Mode.LEXICON_OR_CAPITAL), 0.75, out);
            }
            if (end == k) {
                end = span.scanName(s, k, Mode.ANY);
                atEnd = end > k && end == t.size();
                if (!atEnd) return -1;
            }
            return emit(s, k, end, atEnd ? 0.7 : 0.8, out);
        }
        return -1;
    }

    /** "hassan ist mein nachname", "Okafor is my surname": the word before "ist mein …name"; index after it or -1. */
    private int nameBefore(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        if (i < 3) return -1;
        String my = t.get(i - 1).folded();
        String is = t.get(i - 2).folded();
        if (!(my.equals("mein") || my.equals("my")) || !(is.equals("ist") || is.equals("is"))) return -1;
        Token name = t.get(i - 3);
        if (!name.isWord() || lex.isStopWord(name) || lex.isCommon(name)) return -1;
        emit(s, i - 3, i - 2, 0.8, out);
        return -1; // the trigger word itself starts nothing
    }

    /**
     * "thanks a lot, Marcus", "danke dir vielmals, Sabine": a few words after the closer, a comma, then a
     * name that ends the message. Returns the name's first token, or -1.
     */
    private int nameAfterComma(TextScan s, int k) {
        List<Token> t = s.tokens;
        for (int c = k; c < t.size() - 1 && c - k < 3; c++) {
            if (!t.get(c).isWord()) return -1;
            if (s.text.substring(t.get(c).end(), t.get(c + 1).start()).trim().equals(",")) {
                int end = span.scanName(s, c + 1, Mode.LEXICON_OR_CAPITAL);
                return end > c + 1 && (end == t.size() || !t.get(end).isWord()) ? c + 1 : -1;
            }
        }
        return -1;
    }

    private int name(TextScan s, int k, Mode mode, double score, List<Detection> out) {
        int end = span.scanName(s, k, mode);
        return emit(s, k, end, score, out);
    }
}
