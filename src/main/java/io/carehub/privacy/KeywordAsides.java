package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * What may stand between a customer or contract number word and its number: an aside in brackets ("Kundennr.
 * (falls schon vorhanden) 8830 2219 04") or a word for which of the numbers is meant, before a colon ("Kundennr. abgebend:
 * K-0048812307", "Kundennummer alt: …"). Also the kinds of contract written as one word ("Rahmenvertrag",
 * "Mobilfunkvertrag") and a letter suffix after a dash that belongs to the number ("RV-11820-B").
 */
final class KeywordAsides {

    private static final int MAX_ASIDE_CHARS = 40;
    private static final int MAX_ASIDE_TOKENS = 6;
    /** Which of a customer's numbers is meant, before a colon: "alt:", "neu:", "abgebend:" (a provider change). */
    private static final WordSet STATES = WordSet.of(
            "alt",
            "alte",
            "alter",
            "altes",
            "neu",
            "neue",
            "neuer",
            "neues",
            "bisher",
            "bisherige",
            "bisheriger",
            "aktuell",
            "aktuelle",
            "vorher",
            "jetzt",
            "abgebend",
            "abgebender",
            "abgebenden",
            "aufnehmend",
            "aufnehmender",
            "aufnehmenden",
            "privat",
            "geschaeftlich",
            "old",
            "new",
            "current",
            "previous",
            "former");

    /** A building's or a housing company's contract ("Sammelvertrag", "Gestattungsvertrag"): no one person's. */
    private static final List<String> BUILDING_CONTRACTS =
            List.of("sammel", "gestattung", "objekt", "liegenschaft", "mehrnutzer", "wohnungswirtschaft");

    private KeywordAsides() {}

    /** The token index after an aside starting at token {@code k} (right after the keyword), or {@code k}. */
    static int skip(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k <= 0 || k >= t.size()) return k;
        int from = t.get(k - 1).end();
        if (s.at(t.get(k).start() - 1) == '(' && s.onlyBetween(from, t.get(k).start(), ".:(")) {
            for (int j = k; j + 1 < t.size() && j - k < MAX_ASIDE_TOKENS; j++) {
                int close = t.get(j).end();
                if (close - from > MAX_ASIDE_CHARS) return k;
                if (s.at(close) == ')' && s.onlyBetween(close, t.get(j + 1).start(), "):")) return j + 1;
            }
            return k;
        }
        Token word = t.get(k);
        if (word.isWord()
                && STATES.has(word)
                && k + 1 < t.size()
                && s.at(word.end()) == ':'
                && s.onlyBetween(word.end(), t.get(k + 1).start(), ": ")) {
            return k + 1;
        }
        return k;
    }

    /**
     * "Rahmenvertrag RV-2019-0447", "Stromvertrag 55012398": a kind of contract, whose number follows; not a
     * number with a trunk prefix ("Mobilfunkvertrag 0175 …", "Firmenvertrag, Nummer 06221 …"): that is its phone.
     */
    static boolean contractCompoundBefore(TextScan s, int i) {
        List<Token> t = s.tokens;
        String folded = t.get(i).folded();
        if (folded.length() < 11 || !folded.endsWith("vertrag") || folded.startsWith("vertrag")) return false;
        for (String building : BUILDING_CONTRACTS) {
            if (folded.contains(building)) return false;
        }
        for (int k = i + 1; k < t.size() && k <= i + 3; k++) {
            if (t.get(k).isNumber()) return !t.get(k).text().startsWith("0");
        }
        return true;
    }

    /** {@code end} advanced over a dash and one or two capital letters closing the number: "RV-11820-B". */
    static int letterSuffix(TextScan s, int end) {
        List<Token> t = s.tokens;
        if (end >= t.size() || !t.get(end - 1).isNumber()) return end;
        Token letters = t.get(end);
        boolean suffix = letters.isWord()
                && letters.length() <= 2
                && TextScan.unchangedByUpperCase(letters.text())
                && s.at(t.get(end - 1).end()) == '-'
                && letters.start() == t.get(end - 1).end() + 1
                && !Chars.isAlnum(s.at(letters.end()))
                && s.at(letters.end()) != '-';
        return suffix ? end + 1 : end;
    }
}
