package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Numbers dictated digit by digit ("null eins sieben sechs …", "four four seven …"), as voice-to-text writes them:
 * a run of six or more German or English digit words (dialect "zwoa" included) joined only by spaces, commas or
 * dashes is a number nobody writes that way by accident. A customer or contract keyword shortly before makes it a
 * CUSTOMER_ID, anything else a PHONE.
 */
final class NumberWordScanner implements Scanner {

    private static final int MIN_DIGITS = 6;
    private static final int MAX_GAP = 3;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); ) {
            if (!digitWord(t.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < t.size()
                    && digitWord(t.get(j + 1))
                    && joined(s, t.get(j).end(), t.get(j + 1).start())) j++;
            if (j - i + 1 >= MIN_DIGITS) {
                int start = t.get(i).start();
                EntityType type = Context.anyBefore(s, start, 6, 60, NumberWordScanner::customerWord)
                        ? EntityType.CUSTOMER_ID
                        : EntityType.PHONE;
                out.add(new Detection(type, start, t.get(j).end(), 0.8));
            }
            i = j + 1;
        }
    }

    private static boolean digitWord(Token token) {
        return token.isWord() && NumberWords.digit(token) >= 0;
    }

    /** Only spaces, commas or dashes, at most {@value #MAX_GAP} chars, between {@code from} and {@code to}. */
    static boolean joined(TextScan s, int from, int to) {
        if (to - from > MAX_GAP) return false;
        for (int k = from; k < to; k++) {
            char ch = s.at(k);
            if (ch != ' ' && ch != ',' && ch != '-') return false;
        }
        return true;
    }

    static boolean customerWord(String w) {
        return w.startsWith("kund")
                || w.startsWith("vertrag")
                || w.startsWith("customer")
                || w.startsWith("contract")
                || w.startsWith("account")
                || w.startsWith("konto");
    }
}
