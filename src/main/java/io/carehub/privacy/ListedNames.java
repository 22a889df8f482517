package io.carehub.privacy;

import static io.carehub.privacy.NameSpan.GREETINGS;
import static io.carehub.privacy.NameSpan.TITLES;
import static io.carehub.privacy.NameSpan.joined;
import static io.carehub.privacy.NameSpan.partOfAddress;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Names listed next to other personal data: "Kundennummer 5517 4402 98, Parisa Azimi", "IBAN … (Joanna Kowalska)",
 * "Hauptstr. 9, 60528 Frankfurt – Mohammad Reza Karimi". A customer who lists a number, an address or a date
 * lists their name among them; a segment of capitalized words there, bounded by commas, dashes, brackets or the
 * message's end, that are no everyday words and include a name of any origin or a surname's shape, is a name.
 * Runs after the other findings are resolved; it looks only at the segments touching them, so it stays linear.
 */
final class ListedNames {

    private static final int MAX_TOKENS = 4;
    private static final String OPENERS = ",;:(/-–|";
    private static final String CLOSERS = ",;.)!?/-–|";
    private static final WordSet COMPANY_FORMS = WordSet.of(
            "gmbh", "ag", "kg", "ug", "ohg", "gbr", "mbh", "co", "ev", "ltd", "inc", "llc", "se", "plc", "sarl", "bv",
            "kgaa", "eg");

    private final Lexicons lex;

    ListedNames(Lexicons lex) {
        this.lex = lex;
    }

    /** {@code found} ordered by start and non-overlapping; returns it with the listed names added. */
    List<Detection> add(TextScan s, List<Detection> found) {
        if (found.isEmpty()) return found;
        List<Detection> result = new ArrayList<>(found.size() + 2);
        List<Token> t = s.tokens;
        int previousEnd = 0;
        for (int d = 0; d < found.size(); d++) {
            Detection f = found.get(d);
            // the segment just before this finding, if it starts after the previous one
            int last = s.tokenAtOrAfter(f.start()) - 1;
            Detection before = segmentBefore(s, last, previousEnd, f.start());
            if (before != null) result.add(before);
            result.add(f);
            int limit = d + 1 < found.size() ? found.get(d + 1).start() : s.length();
            Detection after = segmentAfter(s, s.tokenAtOrAfter(f.end()), f.end(), limit);
            if (after != null) {
                result.add(after);
                previousEnd = after.end();
            } else {
                previousEnd = f.end();
            }
        }
        return result.size() == found.size() ? found : result;
    }

    /** "…, Reza Moradi" after a finding ending at {@code from}: a name segment starting at token k, or null. */
    private Detection segmentAfter(TextScan s, int k, int from, int limit) {
        List<Token> t = s.tokens;
        if (k >= t.size() || !delimitedBetween(s, from, t.get(k).start(), OPENERS)) return null;
        int end = k;
        while (end < t.size() && end - k < MAX_TOKENS && t.get(end).isWord()) {
            if (end > k && !joined(s, t.get(end - 1), t.get(end))) break;
            end++;
        }
        if (end == k || t.get(end - 1).end() > limit || !closes(s, end)) return null;
        return name(s, k, end);
    }

    /** "Parisa Azimi, …" before a finding starting at {@code to}: a name segment ending at token last, or null. */
    private Detection segmentBefore(TextScan s, int last, int from, int to) {
        List<Token> t = s.tokens;
        if (last < 0
                || t.get(last).start() < from
                || !delimitedBetween(s, t.get(last).end(), to, OPENERS)) return null;
        int first = last;
        while (first > 0
                && last - first + 1 < MAX_TOKENS
                && t.get(first - 1).isWord()
                && t.get(first - 1).start() >= from
                && joined(s, t.get(first - 1), t.get(first))) first--;
        if (!t.get(first).isWord()) return null;
        int startOfSegment = first > 0 ? t.get(first - 1).end() : 0;
        if (first > 0 && !delimitedBetween(s, startOfSegment, t.get(first).start(), CLOSERS + ":")) return null;
        return name(s, first, last + 1);
    }

    /** Tokens [k, end) as a name: capitalized, no everyday word, at least one a name or a surname's shape. */
    private Detection name(TextScan s, int k, int end) {
        List<Token> t = s.tokens;
        boolean evidence = false;
        for (int j = k; j < end; j++) {
            Token token = t.get(j);
            String f = token.folded();
            if (!token.isWord()
                    || !token.capitalized()
                    || token.length() < 2
                    || lex.isCommon(f)
                    || TITLES.contains(f)
                    || GREETINGS.contains(f)
                    || COMPANY_FORMS.contains(f)
                    || NameTriggers.announcesName(f)
                    || StreetLexicon.isStreetToken(f)
                    || lex.isCity(f)
                    || Dates.month(f) > 0
                    || partOfAddress(s, token)) return null;
            boolean acronym = token.length() > 1 && TextScan.unchangedByUpperCase(token.text());
            boolean known = lex.isName(f) && !lex.isOrdinary(f) || lex.isContextName(f, true) || lex.hasSurnameShape(f);
            if (acronym && !known) return null;
            evidence |= known;
        }
        if (!evidence) return null;
        return new Detection(EntityType.PERSON, t.get(k).start(), t.get(end - 1).end(), 0.6);
    }

    /** Only spaces and at least one of {@code marks} between two positions (or none needed at the text's start). */
    private static boolean delimitedBetween(TextScan s, int from, int to, String marks) {
        boolean mark = false;
        for (int i = from; i < to; i++) {
            char ch = s.c[i];
            if (OPENERS.indexOf(ch) >= 0 || CLOSERS.indexOf(ch) >= 0 || ch == ':') {
                mark |= marks.indexOf(ch) >= 0;
            } else if (!Character.isWhitespace(ch)) {
                return false;
            }
        }
        return mark;
    }

    /** The segment ending before token {@code end} is closed by a delimiter or the message's end. */
    private static boolean closes(TextScan s, int end) {
        List<Token> t = s.tokens;
        int from = t.get(end - 1).end();
        if (end == t.size()) return s.onlyBetween(from, s.length(), CLOSERS + "\n");
        return delimitedBetween(s, from, t.get(end).start(), CLOSERS);
    }
}
