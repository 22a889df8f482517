package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.time.Year;
import java.util.List;

/**
 * The national identification number of the ECOWAS biometric identity card of Senegal (ID_DOCUMENT), as printed on
 * the card and copied into messages: a sex digit (1 or 2), a three-digit registration centre, the holder's year of
 * birth and a five-digit serial, "CNI 1 757 1991 02368", or the same 13 digits run together ("CNI 1757199102368").
 * No check digit confirms it, so it needs a document word before it ("CNI", "carte d'identité", "ID card") and the
 * year of birth in its place; the groups alone are too short for the document scanner, and a phone or customer number
 * of 13 digits rarely has a sex digit and a plausible birth year at those places.
 */
final class WestAfricanIdCards implements Scanner {

    static final double SCORE = 0.95;

    /** The lengths of the groups after the sex digit: centre, year of birth, serial. */
    private static final int[] GROUPS = {3, 4, 5};

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            if (!first.isNumber() || Chars.isAlnum(s.at(first.start() - 1))) continue;
            int last = grouped(s, i);
            if (last < 0 && first.length() == 13 && !glued(s, first.end())) last = i;
            if (last < 0) continue;
            String d = TextScan.textOf(t, i, last + 1);
            if (!nationalNumber(d) || !Context.idDocumentBefore(s, first.start())) continue;
            out.add(new Detection(
                    EntityType.ID_DOCUMENT, first.start(), t.get(last).end(), SCORE));
            i = last;
        }
    }

    /** "1 757 1991 02368": groups of 1, 3, 4 and 5 digits split by single spaces; the last group's index, or -1. */
    private static int grouped(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (t.get(i).length() != 1 || i + 3 >= t.size()) return -1;
        for (int g = 0; g < 3; g++) {
            Token prev = t.get(i + g);
            Token next = t.get(i + g + 1);
            if (!next.isNumber() || next.length() != GROUPS[g]) return -1;
            if (next.start() - prev.end() != 1 || s.at(prev.end()) != ' ') return -1;
        }
        return glued(s, t.get(i + 3).end()) ? -1 : i + 3;
    }

    /** A letter or digit, or a digit behind a separator, right after: the digits are part of something longer. */
    private static boolean glued(TextScan s, int end) {
        if (Chars.isAlnum(s.at(end))) return true;
        return " -./".indexOf(s.at(end)) >= 0 && Chars.isDigit(s.at(end + 1));
    }

    /** A sex digit, any centre, a year of birth of a living adult or child, any serial. */
    static boolean nationalNumber(String d) {
        if (d.length() != 13 || d.charAt(0) != '1' && d.charAt(0) != '2') return false;
        int year = Integer.parseInt(d.substring(4, 8));
        return year >= 1900 && year <= Year.now().getValue();
    }
}
