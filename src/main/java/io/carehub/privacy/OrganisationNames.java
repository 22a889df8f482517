package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
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
 * Names of organisations, which often contain a person's name or a word like one: "Bäckerei Schulte", "Praxis Dr.
 * Sommer", "Kanzlei Hoffmann &amp; Partner", "Kleingartenverein Winter e.V.", "Greenleaf Robotics GmbH", "TSV
 * Müllerhausen", "Kloster St. Ursula". Company names are not persons; the person behind one is when named on their
 * own ("Ansprechpartner Dirk Hoffmann"), so a first name followed by a surname ends an organisation's name here and
 * stays a name. Marks the tokens of such names in one pass over the tokens; {@link NotNames} takes them out of the
 * PERSON findings. The words come from {@code privacy/organisation-words.txt}.
 */
final class OrganisationNames {

    /** Words of an organisation's name after its head or before its legal form, at most. */
    private static final int MAX_NAME_TOKENS = 4;

    /** Words that join two names inside an organisation's name ("Kiosk am Bahnhof", "Albers und Krüger"). */
    private static final WordSet JOINERS =
            WordSet.of("und", "and", "am", "an", "zum", "zur", "im", "vom", "von", "de", "da", "van", "der", "of");

    /** Tails that follow a name only after "&" or "und": "Krämer & Söhne", "Hoffmann & Partner". */
    private static final WordSet JOINED_TAILS = WordSet.of("partner", "partnerin", "soehne", "sohn", "toechter", "co");

    /** Titles and abbreviations that may stand inside an organisation's name: "Praxis Dr. Sommer", "St. Petri". */
    private static final WordSet INNER_TITLES = WordSet.of("dr", "dres", "prof", "med", "st", "sankt", "hl");

    /** Salutations: a person addressed, never part of an organisation's name. */
    private static final WordSet SALUTATIONS =
            WordSet.of("herr", "herrn", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "sir");

    private final Lexicons lex;
    private final Set<String> heads = new HashSet<>();
    private final Set<String> headSuffixes = new HashSet<>();
    /** {@link #headSuffixes} by their last char. */
    private final SuffixList headEndings;

    private final Set<String> tails = new HashSet<>();
    private final Set<String> forms = new HashSet<>();
    private final Set<String> clubs = new HashSet<>();

    OrganisationNames(Lexicons lex) {
        this.lex = lex;
        for (String line : lines("organisation-words.txt")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String kind = line.substring(0, colon).trim();
            for (String word : line.substring(colon + 1).trim().split("\\s+")) {
                if (word.isEmpty()) continue;
                switch (kind) {
                    case "head" -> heads.add(Folding.fold(word));
                    case "-suffix" -> headSuffixes.add(Folding.fold(word.substring(1)));
                    case "tail" -> tails.add(Folding.fold(word));
                    case "form" -> forms.add(Folding.fold(word));
                    case "club" -> clubs.add(word); // as written: "SV", "VfB"
                    default -> throw new IllegalStateException("organisation-words.txt: unknown kind " + kind);
                }
            }
        }
        headEndings = new SuffixList(headSuffixes);
    }

    /** The lines of a list in {@code privacy/}, without comments. */
    static List<String> lines(String name) {
        try (InputStream in = OrganisationNames.class.getResourceAsStream("/privacy/" + name)) {
            if (in == null) throw new IllegalStateException("missing word list privacy/" + name);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Token i is a head ({@link #isHead}) where it stands. A word that only ends like one is a surname right after
     * a first name when no name follows it: "Bettina Hausladen, 0991 ..." or "Jens Hofmarkt:" name people, while
     * "Getränkemarkt Jens" and "Bettina Hausladen Immobilien" remain organisations.
     */
    boolean isHeadAt(TextScan s, int i) {
        Token token = s.tokens.get(i);
        String f = token.folded();
        return isHead(f) && !(token.capitalized() && !heads.contains(f) && surnameAfterFirstName(s, i));
    }

    private boolean surnameAfterFirstName(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i == 0) return false;
        Token before = t.get(i - 1);
        if (!before.isWord() || !before.capitalized() || !lex.isAnyFirstName(before)) return false;
        if (!s.text.substring(before.end(), t.get(i).start()).equals(" ")) return false;
        if (i + 1 == t.size()) return true;
        Token next = t.get(i + 1);
        return !(next.isWord()
                && next.capitalized()
                && s.text.substring(t.get(i).end(), next.start()).equals(" "));
    }

    /** A word that names a kind of organisation: "Bäckerei", "Zahnarztpraxis", "Fahrvereins", "Anne-Frank-Schule". */
    boolean isHead(String folded) {
        if (heads.contains(folded)) return true;
        String w = folded.endsWith("s") && folded.length() > 4 ? folded.substring(0, folded.length() - 1) : folded;
        if (heads.contains(w)) return true;
        // a name is never a head by its suffix; the names are looked up only for the few words with such a suffix
        return headSuffix(folded, w) && !lex.isName(folded) && !lex.isWorldName(folded);
    }

    /** A head's suffix ends the word or the word without its genitive s ({@code w}), leaving two chars before it. */
    private boolean headSuffix(String folded, String w) {
        return headEndings.endsWithAny(folded, 2) || w != folded && headEndings.endsWithAny(w, 1);
    }

    /** Marks the tokens that belong to an organisation's name: its head, its name words, its tail and legal form. */
    void mark(TextScan s, boolean[] org) {
        if (!hasLowerCase(s)) return; // written in capitals: nothing tells an organisation's name from a person's
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.isWord()) continue;
            String f = token.folded();
            if (isForm(s, i) || isTail(s, i)) {
                org[i] = true;
                markRange(org, nameBefore(s, i), i);
            }
            if (clubs.contains(token.text()) || token.capitalized() && isHeadAt(s, i)) {
                org[i] = true;
                markRange(org, i + 1, nameAfter(s, i + 1));
            } else if (!token.capitalized() && f.length() >= 5 && heads.contains(f)) {
                // "von der bäckerei schulte": a writer who capitalizes nothing
                org[i] = true;
                if (i + 1 < t.size() && lowerNameWord(s, i + 1)) org[i + 1] = true;
                else if (i > 0 && org[i - 1]) markRange(org, i + 1, nameAfter(s, i + 1)); // "Frizerski salon Amra"
            } else if (INNER_TITLES.contains(f) && !f.equals("dr") && !f.equals("dres") && !f.equals("prof")) {
                int end = nameAfter(s, i); // "Pfarrbüro St. Michael", "Pflegeheim St. Elisabeth"
                if (end > i + 1) markRange(org, i, end);
            }
        }
    }

    private static boolean hasLowerCase(TextScan s) {
        for (char ch : s.c) {
            if (Character.isLowerCase(ch)) return true;
        }
        return false;
    }

    /** After "e.": a registered association (e.V.) or merchant (e.K., e.Kfm., e.Kfr.). */
    private static final java.util.Set<String> REGISTERED = java.util.Set.of("V", "K", "Kfm", "Kfr");

    private static void markRange(boolean[] org, int from, int to) {
        for (int k = from; k < to; k++) org[k] = true;
    }

    /** A legal form: "GmbH", "AG", "Ltd", "PartGmbB", "e.V.", "e.K." (two tokens, marked from the "e"). */
    private boolean isForm(TextScan s, int i) {
        Token token = s.tokens.get(i);
        String f = token.folded();
        if (f.equals("e") && s.at(token.end()) == '.' && i + 1 < s.tokens.size()) {
            return REGISTERED.contains(s.tokens.get(i + 1).text());
        }
        if (REGISTERED.contains(token.text())
                && i > 0
                && s.tokens.get(i - 1).folded().equals("e")
                && s.at(token.start() - 1) == '.') {
            return true;
        }
        return forms.contains(f) && !token.text().equals(f); // "GmbH", "Ltd", not "ag" or "se"
    }

    /** "Sterling & Vogt Rechtsanwälte", "Krämer & Söhne": a tail after a name, some only after "&" or "und". */
    private boolean isTail(TextScan s, int i) {
        Token token = s.tokens.get(i);
        if (!token.capitalized() || !tails.contains(token.folded()) || i == 0) return false;
        if (!JOINED_TAILS.has(token)) return s.tokens.get(i - 1).capitalized();
        String between =
                s.text.substring(s.tokens.get(i - 1).end(), token.start()).trim();
        return between.equals("&")
                || between.equals("+")
                || s.tokens.get(i - 1).folded().equals("und");
    }

    /** Index after the name words that follow a head at token k (== k if none). */
    private int nameAfter(TextScan s, int k) {
        List<Token> t = s.tokens;
        int j = k;
        int end = k;
        while (j < t.size() && j - k < MAX_NAME_TOKENS + 2) {
            Token token = t.get(j);
            if (!token.isWord() || !joinedInName(s, j)) break;
            String f = token.folded();
            boolean nextCapital = j + 1 < t.size() && t.get(j + 1).capitalized() && joinedInName(s, j + 1);
            if (INNER_TITLES.contains(f) && token.capitalized() && s.at(token.end()) == '.' && nextCapital
                    || JOINERS.contains(f) && j > k && nextCapital) {
                j++;
                continue;
            }
            if (!token.capitalized()
                    || SALUTATIONS.contains(f)
                    || NameTriggers.announcesName(f)
                    || lex.isStopWord(f) && !NameSpan.PARTICLES.contains(f)
                    || personNamed(s, j)) break;
            j++;
            end = j;
        }
        return end;
    }

    /** First token of the name words before a tail or legal form at token i (== i if none). */
    private int nameBefore(TextScan s, int i) {
        List<Token> t = s.tokens;
        int j = i;
        int first = i;
        while (j > 0 && i - j < MAX_NAME_TOKENS + 1 && joinedInName(s, j)) {
            Token token = t.get(j - 1);
            String f = token.folded();
            if (!token.isWord()) break;
            if ((f.equals("und") || f.equals("and"))
                    && j - 1 > 0
                    && t.get(j - 2).capitalized()) {
                j--;
                continue;
            }
            if (!token.capitalized()
                    || SALUTATIONS.contains(f)
                    || NameTriggers.announcesName(f)
                    || lex.isStopWord(f)
                    || personNamed(s, j - 1)
                    || j - 1 > 0 && personNamed(s, j - 2)) break;
            j--;
            first = j;
        }
        // "Herr Krüger und Sohn": a salutation before the name says it is a person's
        boolean addressed = first > 0 && first < i && SALUTATIONS.has(t.get(first - 1)) && joinedInName(s, first);
        return addressed ? i : first;
    }

    /** Token j follows token j-1 inside one name: a space, "&", "+", or ". " after an abbreviation ("Dr. Sommer"). */
    private static boolean joinedInName(TextScan s, int j) {
        if (j == 0) return false;
        Token a = s.tokens.get(j - 1);
        Token b = s.tokens.get(j);
        String between = s.text.substring(a.end(), b.start());
        return between.equals(" ")
                || between.equals(" & ")
                || between.equals("&")
                || between.equals(" + ")
                || between.equals(". ") && a.length() <= 4;
    }

    /**
     * A person named on their own inside what could be an organisation's name: a first name followed by a
     * surname ("Praxis Dr. Anna Sommer", "Markus Ebner GmbH"). Recall first: such a name stays a name.
     */
    private boolean personNamed(TextScan s, int j) {
        List<Token> t = s.tokens;
        Token token = t.get(j);
        String f = token.folded();
        if (!lex.isAnyFirstName(f) || !token.capitalized() && lex.isOrdinary(f) || j + 1 >= t.size()) return false;
        Token next = t.get(j + 1);
        String nf = next.folded();
        boolean surname = lex.isName(nf) || lex.isContextName(nf, true) || lex.hasSurnameShape(nf);
        if (!lex.isFirstName(f) && !surname) return false; // "Tiny Harvest": a rarer first name needs a known surname
        return next.isWord()
                && next.capitalized()
                && s.text.substring(token.end(), next.start()).equals(" ")
                && !lex.isCommon(nf)
                && !tails.contains(nf)
                && !forms.contains(nf)
                && !isHead(nf)
                && !clubs.contains(next.text());
    }

    /** "bäckerei schulte": a lower-case word after a lower-case head that is no everyday word. */
    private boolean lowerNameWord(TextScan s, int j) {
        Token token = s.tokens.get(j);
        String f = token.folded();
        return token.isWord()
                && !token.capitalized()
                && s.text.substring(s.tokens.get(j - 1).end(), token.start()).equals(" ")
                && !lex.isCommon(f)
                && !lex.isOrdinary(f)
                && !lex.isAnyFirstName(f) // "praxis ivana kovačević": a person named on their own
                && f.length() >= 3;
    }
}
