package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;

import java.util.List;
import java.util.Set;

/**
 * Names of people (PERSON). Context first — "mein Name ist", "ich bin", "hier ist", salutations
 * (Herr, Frau, Dr.), relations ("meine Tochter"), signatures ("LG", "Mit freundlichen Grüßen"),
 * "… hier" — then the first-name and surname lexicons. Names that are ordinary words (Vogel,
 * Klein, Frank, Rose) only count with context or next to another name.
 */
final class NameRules {

    /** How much a token must look like a name to be taken after a trigger. */
    private enum Mode {
        /** After "mein Name ist": any word that is not a stop word. */
        ANY,
        /** After a salutation, relation or signature: a lexicon name or a capitalized word. */
        LEXICON_OR_CAPITAL,
        /** After "ich bin", "this is": the first word must be a lexicon name (capitalized if it is also a word). */
        WEAK
    }

    private static final Set<String> TITLES = Set.of("herr", "herrn", "frau", "hr", "fr", "dr", "prof", "mr", "mrs", "ms",
            "miss", "oma", "opa", "tante", "onkel", "sir", "med", "dipl", "ing");
    private static final Set<String> RELATIONS = Set.of("mann", "ehemann", "frau", "ehefrau", "sohn", "tochter", "vater",
            "mutter", "papa", "mama", "bruder", "schwester", "freund", "freundin", "enkel", "enkelin", "nachbar", "nachbarin",
            "kollege", "kollegin", "chef", "chefin", "partner", "partnerin", "husband", "wife", "son", "daughter", "father",
            "mother", "brother", "sister", "friend", "neighbour", "neighbor", "mum", "mom", "dad");
    private static final Set<String> HOLDERS = Set.of("kontoinhaber", "kontoinhaberin", "inhaber", "inhaberin",
            "ansprechpartner", "ansprechpartnerin", "vertragsinhaber", "vertragsinhaberin", "anschlussinhaber",
            "geschaeftsfuehrer", "geschaeftsfuehrerin", "holder", "namen", "behalf", "bevollmaechtigter", "bevollmaechtigte");
    private static final Set<String> CLOSERS = Set.of("lg", "vg", "mfg", "sg", "gruss", "gruesse", "grusse", "grues",
            "hochachtungsvoll", "danke", "dank", "thanks", "thx", "cheers", "regards", "best", "sincerely", "bye", "ciao",
            "tschuess", "tschues", "servus");
    private static final Set<String> SKIP_AFTER_CLOSER = Set.of("dir", "euch", "ihnen", "you", "i", "a", "pp", "ppa", "schoen",
            "nochmal", "nochmals");
    private static final Set<String> PARTICLES = Set.of("von", "van", "de", "der", "den", "zu", "vom", "di", "da", "del",
            "el", "al", "ten", "ter", "le", "la");
    private static final Set<String> GREETINGS = Set.of("hi", "hallo", "hey", "moin", "servus", "hello", "huhu", "na");
    /** German and English "bin"/"is" precede many words; the foreign forms of the same case introduce a name. */
    private static final Set<String> GERMAN_ENGLISH_INTRO = Set.of("bin", "bins", "am", "i'm", "it's", "its", "is", "ist");
    private static final java.util.regex.Pattern POSTCODE = java.util.regex.Pattern.compile("\\d{5}");
    private static final Set<String> WEAK_SKIP = Set.of("der", "die", "de", "nochmal", "nochmals", "auch", "hier", "again");

    private final Lexicons lex;

    NameRules(Lexicons lex) {
        this.lex = lex;
    }

    void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        int covered = -1;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.isWord()) continue;
            int end = trigger(s, i, out);
            if (end > i) {
                covered = Math.max(covered, end);
                continue;
            }
            if (i < covered) continue;
            end = lexiconName(s, i, out);
            if (end > i) covered = end;
        }
        postfixHier(s, out);
        signatureAtEnd(s, out);
    }

    /**
     * "..., 10435 Berlin, Thea Lindqvist", "..., Gerd aus 63165 Mühlheim": after a comma, a name from the
     * lexicons that ends the message (or is followed only by "aus" and a postcode) signs it.
     */
    private void signatureAtEnd(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int k = Math.max(1, t.size() - 8); k < t.size(); k++) {
            if (!t.get(k).isWord() || !t.get(k).capitalized()) continue;
            if (!s.text.substring(t.get(k - 1).end(), t.get(k).start()).trim().equals(",")) continue;
            int end = scanName(s, k, Mode.WEAK);
            if (end > k && end == t.size()) {
                emit(s, k, end, 0.7, out);
                continue;
            }
            end = scanName(s, k, Mode.LEXICON_OR_CAPITAL);
            if (end > k && end + 1 < t.size() && t.get(end).folded().equals("aus") && POSTCODE.matcher(t.get(end + 1).text()).matches()) {
                emit(s, k, end, 0.7, out);
            }
        }
    }

    /** Applies a context trigger at token i; returns the index after the name, or -1. */
    private int trigger(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        String w = t.get(i).folded();
        String next = i + 1 < t.size() ? t.get(i + 1).folded() : "";
        String prev = i > 0 ? t.get(i - 1).folded() : "";
        switch (w) {
            case "name", "nachname", "vorname", "name's", "names" -> {
                int k = i + 1;
                boolean explicit = next.equals("ist") || next.equals("is") || next.equals("lautet");
                if (explicit) k++;
                boolean colon = k < t.size() && s.text.substring(t.get(i).end(), t.get(k).start()).contains(":");
                if (w.equals("name's")) return name(s, k, Mode.ANY, 0.85, out);
                return name(s, k, explicit || colon ? Mode.ANY : Mode.LEXICON_OR_CAPITAL, 0.85, out);
            }
            case "heisse", "heisst", "heiss", "heise", "named", "called" -> {
                return name(s, i + 1, prev.equals("ich") ? Mode.ANY : Mode.LEXICON_OR_CAPITAL, 0.85, out);
            }
            case "bin", "bins", "am", "i'm", "it's", "its", "is", "ist", "bi", "ben", "sono", "suis", "c'est", "jestem", "soy" -> {
                boolean intro = (w.equals("bin") && (prev.equals("ich") || i == 0 || GREETINGS.contains(prev))) || w.equals("bins")
                        // writers introducing themselves in their own language: "ich bi de Urs", "ik ben", "sono", "je suis", ...
                        || (w.equals("bi") && prev.equals("ich")) || (w.equals("ben") && prev.equals("ik"))
                        || (w.equals("suis") && prev.equals("je")) || w.equals("sono") || w.equals("c'est")
                        || w.equals("jestem") || w.equals("soy")
                        || (w.equals("am") && prev.equals("i"))
                        || w.equals("i'm") || w.equals("it's") || w.equals("its")
                        || (w.equals("is") && (prev.equals("this") || prev.equals("hier")))
                        || (w.equals("ist") && prev.equals("hier"));
                if (!intro) return -1;
                int k = i + 1;
                while (k < t.size() && k - i <= 2 && t.get(k).isWord() && WEAK_SKIP.contains(t.get(k).folded())) k++;
                boolean foreign = !GERMAN_ENGLISH_INTRO.contains(w);
                int named = name(s, k, foreign ? Mode.LEXICON_OR_CAPITAL : Mode.WEAK, 0.8, out);
                if (named >= 0 || k >= t.size() || !t.get(k).isWord() || TITLES.contains(t.get(k).folded())
                        || RELATIONS.contains(t.get(k).folded()) || partOfAddress(s, t.get(k))) {
                    return named;
                }
                if (!w.equals("is") && !w.equals("its") && !w.equals("it's") && lex.isIntroFirstName(t.get(k).folded())) {
                    return emit(s, k, k + 1, 0.75, out); // "ich bins jenny", "hi bin tobi"
                }
                if (k + 1 < t.size() && t.get(k).capitalized() && t.get(k + 1).capitalized() && joined(s, t.get(k), t.get(k + 1))
                        && !lex.isStopWord(t.get(k).folded()) && !lex.isStopWord(t.get(k + 1).folded())
                        && (k + 2 == t.size() || ",.;!".indexOf(s.at(t.get(k + 1).end())) >= 0)) {
                    return emit(s, k, k + 2, 0.7, out); // "ich bin Dmitrij Wolkow, ..."
                }
                return named;
            }
            case "spricht" -> {
                return prev.equals("hier") ? name(s, i + 1, Mode.WEAK, 0.8, out) : -1;
            }
            case "hier", "here" -> {
                // "guten morgen, hier Dragan, ...": at the start of a clause, a name that ends it
                boolean clauseStart = i == 0 || GREETINGS.contains(prev) || s.text.substring(0, t.get(i).start()).stripTrailing().endsWith(",");
                if (!clauseStart || next.equals("ist") || next.equals("is") || next.equals("spricht")) return -1;
                int end = scanName(s, i + 1, Mode.LEXICON_OR_CAPITAL);
                boolean endsClause = end == t.size() || end > i + 1 && ",.;!".indexOf(s.at(t.get(end - 1).end())) >= 0;
                return end > i + 1 && endsClause ? emit(s, i + 1, end, 0.75, out) : -1;
            }
            default -> {
            }
        }
        if (TITLES.contains(w) || RELATIONS.contains(w)) {
            if (w.equals("fr") && s.at(t.get(i).end()) != '.') return -1;
            int k = i + 1;
            while (k < t.size() && t.get(k).isWord() && TITLES.contains(t.get(k).folded()) && k - i < 4) k++;
            if (RELATIONS.contains(w) && k < t.size() && (t.get(k).folded().equals("heisst") || t.get(k).folded().equals("named"))) k++;
            return name(s, k, Mode.LEXICON_OR_CAPITAL, 0.85, out);
        }
        if (HOLDERS.contains(w) || (w.equals("auf") && prev.equals("laeuft"))) {
            int k = i + 1;
            while (k < t.size() && k - i <= 3 && t.get(k).isWord()
                    && (Set.of("of", "my", "meine", "meinen", "meiner", "den", "namen", "von", "ist", "is").contains(t.get(k).folded())
                    || RELATIONS.contains(t.get(k).folded()))) {
                k++;
            }
            return name(s, k, Mode.LEXICON_OR_CAPITAL, 0.85, out);
        }
        if (CLOSERS.contains(w) || (w.equals("grueße") || w.equals("gruessen") || w.equals("grussen"))) {
            int k = i + 1;
            while (k < t.size() && t.get(k).isWord() && k - i <= 3) {
                String f = t.get(k).folded();
                if (SKIP_AFTER_CLOSER.contains(f) || f.equals("gruss") || f.equals("gruesse") || f.equals("regards")) {
                    k++;
                } else if (f.equals("aus") && k + 1 < t.size()) {
                    k += 2; // "Grüße aus Konstanz, Tobias"
                } else {
                    break;
                }
            }
            boolean atEnd = false;
            int end = scanName(s, k, Mode.LEXICON_OR_CAPITAL);
            int signed = end == k ? nameAfterComma(s, k) : -1;
            if (signed > 0) {
                return emit(s, signed, scanName(s, signed, Mode.LEXICON_OR_CAPITAL), 0.75, out);
            }
            if (end == k) {
                end = scanName(s, k, Mode.ANY);
                atEnd = end > k && end == t.size();
                if (!atEnd) return -1;
            }
            return emit(s, k, end, atEnd ? 0.7 : 0.8, out);
        }
        return -1;
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
                int end = scanName(s, c + 1, Mode.LEXICON_OR_CAPITAL);
                return end > c + 1 && (end == t.size() || !t.get(end).isWord()) ? c + 1 : -1;
            }
        }
        return -1;
    }

    private int name(TextScan s, int k, Mode mode, double score, List<Detection> out) {
        int end = scanName(s, k, mode);
        return emit(s, k, end, score, out);
    }

    private static int emit(TextScan s, int k, int end, double score, List<Detection> out) {
        if (end <= k) return -1;
        List<Token> t = s.tokens;
        out.add(new Detection(EntityType.PERSON, t.get(k).start(), t.get(end - 1).end(), score));
        return end;
    }

    /** Token index after the name starting at k (== k if none). */
    private int scanName(TextScan s, int k, Mode mode) {
        List<Token> t = s.tokens;
        int j = k;
        int names = 0;
        int lastName = k;
        while (j < t.size() && j - k < 5) {
            Token token = t.get(j);
            if (!token.isWord()) break;
            if (j > k && !joined(s, t.get(j - 1), token)) break;
            String f = token.folded();
            boolean initial = token.length() == 1 && Character.isUpperCase(token.text().charAt(0)) && s.at(token.end()) == '.'
                    && j + 1 < t.size() && t.get(j + 1).start() - token.end() <= 2;
            if (initial) {
                j++;
                continue;
            }
            if (names > 0 && PARTICLES.contains(f) && j + 1 < t.size() && t.get(j + 1).capitalized()) {
                j++;
                continue;
            }
            if (lex.isStopWord(f) || TITLES.contains(f) || f.length() < 2 || partOfAddress(s, token)) break;
            boolean isName = lex.isName(f);
            boolean ok;
            if (names > 0) {
                ok = isName || token.capitalized();
            } else {
                ok = switch (mode) {
                    case ANY -> true;
                    case LEXICON_OR_CAPITAL -> isName || token.capitalized();
                    case WEAK -> isName && (!lex.isOrdinary(f) || token.capitalized())
                            || lex.isContextName(f, token.capitalized())
                            || token.capitalized() && j + 1 < t.size() && t.get(j + 1).capitalized()
                            && (lex.isSurname(t.get(j + 1).folded()) || lex.isContextName(t.get(j + 1).folded(), true));
                };
            }
            if (!ok) break;
            names++;
            j++;
            lastName = j;
        }
        return names == 0 ? k : lastName;
    }

    /** "vanessa.lorenz@gmx.de", "telekom.de": a word inside an e-mail or host name is not a name. */
    static boolean partOfAddress(TextScan s, Token token) {
        char after = s.at(token.end());
        char before = s.at(token.start() - 1);
        if (after == '!' && Character.isLetter(s.at(token.end() + 1))) return true; // a product: FRITZ!Box
        return after == '@' || before == '@' || (after == '.' || after == '_') && TextScan.isAlnum(s.at(token.end() + 1))
                || (before == '.' || before == '_') && TextScan.isAlnum(s.at(token.start() - 2));
    }

    private static boolean joined(TextScan s, Token a, Token b) {
        int gap = b.start() - a.end();
        if (gap == 1) return s.at(a.end()) == ' ';
        return gap == 2 && s.at(a.end()) == '.' && s.at(a.end() + 1) == ' ' && a.length() <= 4;
    }

    /** First name (+ surname) from the lexicons, without a trigger. */
    private int lexiconName(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        Token token = t.get(i);
        String f = token.folded();
        if (lex.isStopWord(f) || partOfAddress(s, token)) return -1;
        boolean ordinary = lex.isOrdinary(f);
        if (lex.isFirstName(f)) {
            int j = i + 1;
            boolean strongSurname = false;
            while (j < t.size() && j - i <= 3 && t.get(j).isWord() && joined(s, t.get(j - 1), t.get(j))) {
                Token n = t.get(j);
                String nf = n.folded();
                if (PARTICLES.contains(nf) && j + 1 < t.size() && t.get(j + 1).capitalized()) {
                    j++;
                    continue;
                }
                if (lex.isStopWord(nf) || TITLES.contains(nf) || partOfAddress(s, n)) break;
                boolean surname = lex.isName(nf);
                if (!(surname || n.capitalized())) break;
                if (surname && (!lex.isOrdinary(nf) || n.capitalized())) strongSurname = true;
                if (!surname && n.capitalized() && !token.capitalized()) break;
                j++;
            }
            if (j > i + 1) {
                if (ordinary && !token.capitalized() && !strongSurname) return -1;
                return emit(s, i, j, 0.8, out);
            }
            if (!ordinary) return emit(s, i, i + 1, token.capitalized() ? 0.6 : 0.5, out);
            return -1;
        }
        if (lex.isSurname(f) && (token.capitalized() || !ordinary)) {
            // "Vogel, Anna"
            if (i + 1 < t.size() && s.at(token.end()) == ',' && t.get(i + 1).isWord() && lex.isFirstName(t.get(i + 1).folded())
                    && t.get(i + 1).start() - token.end() <= 2) {
                return emit(s, i, i + 1, 0.7, out);
            }
            if (token.capitalized() && !ordinary) return emit(s, i, i + 1, 0.5, out);
        }
        return -1;
    }

    /** "Anna hier", "Lucas Moreau here". */
    private void postfixHier(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 1; i < t.size(); i++) {
            String w = t.get(i).folded();
            if (!(w.equals("hier") || w.equals("here"))) continue;
            if (i + 1 < t.size() && Set.of("ist", "spricht", "is").contains(t.get(i + 1).folded())) continue;
            int j = i - 1;
            int last = i - 1;
            if (j >= 1 && t.get(j).folded().equals("schreibt")) {
                j--; // "chantal schreibt hier"
                last--;
            }
            if (j >= 0 && t.get(j).isWord() && !t.get(j).capitalized() && lex.isIntroFirstName(t.get(j).folded())
                    && (j == 0 || !t.get(j - 1).isWord() || GREETINGS.contains(t.get(j - 1).folded()))) {
                out.add(new Detection(EntityType.PERSON, t.get(j).start(), t.get(j).end(), 0.75)); // "hi, ela hier"
                continue;
            }
            while (j >= 0 && last - j <= 2 && t.get(j).isWord() && joined(s, t.get(j), t.get(j + 1))) {
                Token token = t.get(j);
                String f = token.folded();
                if (lex.isStopWord(f) || TITLES.contains(f) || !(lex.isName(f) || token.capitalized())) break;
                j--;
            }
            if (j + 1 <= last) out.add(new Detection(EntityType.PERSON, t.get(j + 1).start(), t.get(last).end(), 0.8));
        }
    }
}
