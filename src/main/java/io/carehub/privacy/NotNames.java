package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes out of the PERSON findings what is never a person's name: the words of an organisation's name
 * ({@link OrganisationNames}: "Bäckerei Schulte", "Praxis Dr. Sommer"), and words that no name is (family words
 * such as "Mama", titles and their abbreviations such as "Dr" or "StB", roles and occupations such as "Vorsitzende"
 * or "Übersetzer", words of products and connections such as "Ping", compounds such as "Young-Tarif" or
 * "Anne-Frank-Schule"). An organisation's words go wherever they stand in a finding; the other words only at its
 * edges, and a finding made of nothing else is dropped. Known values (the customer's own data) stay as they are.
 * The words come from {@code privacy/not-names.txt}; a word the curated name lexicons list is never one of them.
 */
final class NotNames {

    private final Lexicons lex;
    private final OrganisationNames organisations;
    private final ForeignWords foreign;
    private final NoNameContexts contexts;
    private final Set<String> words = new HashSet<>();
    private final List<String> suffixes = new ArrayList<>();
    /** Words that are no name only standing alone ("Ping zu 1.1.1.1"), as some are names next to one ("Li Ping"). */
    private final Set<String> alone = new HashSet<>();
    /** Roles and occupations, some of them surnames too: a name right after a salutation or first name. */
    private final Set<String> roles = new HashSet<>();

    private final List<String> roleSuffixes = new ArrayList<>();

    NotNames(Lexicons lex) {
        this.lex = lex;
        this.organisations = new OrganisationNames(lex);
        this.foreign = new ForeignWords(lex);
        this.contexts = new NoNameContexts(lex);
        for (String line : OrganisationNames.lines("not-names.txt")) {
            int colon = line.indexOf(':');
            String kind = colon < 0 ? "" : line.substring(0, colon);
            Set<String> into = kind.equals("alone") ? alone : kind.equals("role") ? roles : words;
            List<String> intoSuffixes = kind.equals("role") ? roleSuffixes : suffixes;
            for (String word : line.substring(colon + 1).trim().split("\\s+")) {
                if (word.startsWith("-")) intoSuffixes.add(Folding.fold(word.substring(1)));
                else if (!word.isEmpty()) into.add(Folding.fold(word));
            }
        }
    }

    /** {@code found}: non-overlapping findings ordered by start; returns them without the words that are no names. */
    List<Detection> strip(TextScan s, List<Detection> found) {
        if (!hasPerson(found)) return found;
        List<Token> t = s.tokens;
        boolean[] org = s.organisationWords(organisations); // marked once, though strip runs before and after the model
        List<Detection> result = new ArrayList<>(found.size());
        for (Detection d : found) {
            if (d.type() != EntityType.PERSON || d.canonical() != null) {
                result.add(d);
                continue;
            }
            int first = s.tokenAtOrAfter(d.start());
            if (first > 0 && t.get(first - 1).end() > d.start()) first--;
            int end = first;
            while (end < t.size() && t.get(end).start() < d.end()) end++;
            keep(s, d, org, first, end, result);
        }
        return result;
    }

    /** The words of organisations' names in the text ({@link OrganisationNames}), marked once per text. */
    boolean[] organisationWords(TextScan s) {
        return s.organisationWords(organisations);
    }

    /** Adds the parts of name {@code d} (tokens [first, end)) that remain once the words that are no names go. */
    private void keep(TextScan s, Detection d, boolean[] org, int first, int end, List<Detection> out) {
        List<Token> t = s.tokens;
        int k = first;
        while (k < end) {
            while (k < end && org[k]) k++;
            int pieceEnd = k;
            while (pieceEnd < end && !org[pieceEnd]) pieceEnd++;
            int a = k;
            int b = pieceEnd;
            while (a < b && notName(s, a)) a++;
            while (b > a && notName(s, b - 1)) b--;
            boolean trimmed = a > k || b < pieceEnd || k > first || pieceEnd < end;
            if (b == a + 1 && alone.contains(t.get(a).folded()) && !lex.isName(t.get(a))) a = b;
            if (a < b && !(trimmed && onlyWeakWords(t, a, b))) {
                int start = Math.max(d.start(), t.get(a).start());
                int stop = Math.min(d.end(), t.get(b - 1).end());
                if (a == first && b == end) out.add(d);
                else if (stop > start) out.add(new Detection(EntityType.PERSON, start, stop, d.score()));
            }
            k = pieceEnd;
        }
    }

    /** "selbstständiger" next to "Übersetzer": lower-case words that no name lexicon lists. */
    private boolean onlyWeakWords(List<Token> t, int a, int b) {
        for (int k = a; k < b; k++) {
            Token token = t.get(k);
            String f = token.folded();
            if (token.capitalized() || lex.isName(f) || lex.isWorldName(f)) return false;
        }
        return true;
    }

    /** A word of the list that is never a name (a title, a family or role word: "Oma", "Dr") and no name itself. */
    boolean listed(Token token) {
        return token.isWord() && words.contains(token.folded()) && !lex.isName(token);
    }

    /**
     * Token k is never a person's name, nor part of one. A street's name next to a number is left as it is: it
     * belongs to an address that a name masks too ("5 Karl-Marx-Allee").
     */
    boolean notName(TextScan s, int k) {
        Token token = s.tokens.get(k);
        String f = token.folded();
        if (!token.isWord()) return false;
        if (StreetLexicon.isStreetToken(token) && f.indexOf('-') > 0) return !nextToNumber(s, k);
        if (compound(f) || foreign.noName(s, k) || contexts.noName(s, k)) return true;
        if (f.indexOf('-') > 0 && words.contains(f)) return true; // "Rose-Gold", though Rose is a surname
        if (lex.isName(token)) return false;
        if (words.contains(f) || organisations.isHeadAt(s, k) || endsWithAny(f, suffixes)) return true;
        return (roles.contains(f) || endsWithAny(f, roleSuffixes)) && !afterSalutationOrFirstName(s, k);
    }

    /** "Young-Tarif", "Mai-Rechnung", "Karl-Marx-Allee", "Anne-Frank-Schule": a compound whose last part is a thing. */
    private boolean compound(String f) {
        int dash = f.lastIndexOf('-');
        if (dash <= 0 || dash == f.length() - 1) return false;
        String last = f.substring(dash + 1);
        if (lex.isName(last) || lex.isOrdinary(last) || Dates.month(last) > 0) return false; // "Ernst-August"
        return lex.isCommon(last) || words.contains(last) || organisations.isHead(last);
    }

    private static boolean endsWithAny(String f, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (f.length() > suffix.length() + 2 && f.endsWith(suffix)) return true;
        }
        return false;
    }

    /** "Frau Pfleger", "Martin Lehrer": a role word where a surname stands, not before one ("Frau Pfarrerin Lechner"). */
    private boolean afterSalutationOrFirstName(TextScan s, int k) {
        if (k == 0) return false;
        if (k + 1 < s.tokens.size()) {
            Token next = s.tokens.get(k + 1);
            String gap = s.text.substring(s.tokens.get(k).end(), next.start());
            if (gap.equals(" ") && next.isWord() && (next.capitalized() || lex.isName(next))) return false;
        }
        Token before = s.tokens.get(k - 1);
        String between = s.text.substring(before.end(), s.tokens.get(k).start());
        if (!between.equals(" ") && !between.equals(". ")) return false;
        String f = before.folded();
        return NameSpan.TITLES.contains(f) || before.capitalized() && lex.isAnyFirstName(f);
    }

    private static boolean nextToNumber(TextScan s, int k) {
        List<Token> t = s.tokens;
        return k > 0 && t.get(k - 1).isNumber()
                || k + 1 < t.size() && t.get(k + 1).isNumber();
    }

    private static boolean hasPerson(List<Detection> found) {
        for (Detection d : found) {
            if (d.type() == EntityType.PERSON) return true;
        }
        return false;
    }
}
