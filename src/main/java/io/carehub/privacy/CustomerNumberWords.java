package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * "Kundennummer", "Vertragsnr", "Kd.-Nr.", "customer no.": the word right before a number that makes it the
 * customer's number with the company, whatever its digits look like. A weaker word ("Vertrag", "Nummer") does not
 * outweigh a checked reading (a mobile number, a tax id).
 */
final class CustomerNumberWords {

    private static final List<String> HEADS = List.of("kund", "kd", "vertrag", "customer", "contract", "account");
    private static final List<String> TAILS = List.of("nummer", "nr", "number", "no", "id", "konto", "nummern");
    private static final WordSet PAIR_HEADS = WordSet.of("kd", "kunden", "vertrags", "customer", "contract", "account");
    private static final WordSet PAIR_TAILS = WordSet.of("nr", "nummer", "number", "no", "id", "num");
    private static final WordSet FILLERS =
            WordSet.of("ist", "lautet", "meine", "mein", "die", "der", "is", "my", "the", "hier", "also", "war", "was");

    private CustomerNumberWords() {}

    /** A customer or contract number word among the words right before {@code pos}, fillers skipped. */
    static boolean directlyBefore(TextScan s, int pos) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos) - 1;
        for (int fillers = 0; k >= 0 && pos - t.get(k).end() <= 24; k--) {
            Token token = t.get(k);
            if (!token.isWord()) return false;
            String w = token.folded();
            if (numberWord(w)) return true;
            if (PAIR_TAILS.contains(w) && k > 0 && PAIR_HEADS.has(t.get(k - 1))) return true;
            if (!FILLERS.contains(w) || ++fillers > 2) return false;
        }
        return false;
    }

    private static boolean numberWord(String w) {
        if (w.contains("kundennummer") || w.contains("vertragsnummer") || w.contains("kontonummer")) return true;
        boolean head = false;
        for (String h : HEADS) head |= w.startsWith(h);
        if (!head) return false;
        for (String tail : TAILS) {
            if (w.endsWith(tail) && w.length() > tail.length()) return true;
        }
        return false;
    }
}
