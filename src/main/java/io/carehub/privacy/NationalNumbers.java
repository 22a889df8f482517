package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Numbers whose check digits say what they are once the message names their country or kind, wherever the word
 * stands: the Turkish T.C. Kimlik No. (OTHER_ID, a national number, not the card's serial), the number of a
 * Belgian eID card ("592-4187305-90", ID_DOCUMENT; its check would also pass as a card number) and the German tax
 * id in a message about taxes (OTHER_ID, even after "statt Kundennummer"). Their scores beat the document, card
 * and customer-number readings of the same digits.
 */
final class NationalNumbers implements Scanner {

    static final double SCORE = 0.97;
    private static final int MAX_GROUPS = 4;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        Boolean turkish = null;
        Boolean belgian = null;
        Boolean tax = null;
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            if (!first.isNumber() || i > 0 && glued(s, t.get(i - 1), first)) continue;
            int total = first.length();
            int k = i + 1;
            while (k < t.size() && k - i < MAX_GROUPS && total < 12 && joined(s, t.get(k - 1), t.get(k))) {
                total += t.get(k).length();
                k++;
            }
            if (total < 11) continue; // no reading can reach 11 or 12 digits: no string is built
            // the longest reading first: groups are dropped from the end until one is a checked number
            for (int end = k; end > i; end--) {
                int length = digitsUpTo(t, i, end);
                if (length != 11 && length != 12 || moreDigitsAfter(s, t.get(end - 1))) continue;
                String d = TextScan.textOf(t, i, end);
                int last = t.get(end - 1).end();
                if (length == 11 && kimlik(d)) {
                    if (turkish == null) turkish = turkishWordIn(s);
                    if (turkish) {
                        out.add(new Detection(EntityType.OTHER_ID, first.start(), last, SCORE));
                        i = end - 1;
                        break;
                    }
                }
                if (length == 11 && Checksums.steuerId(d) && !CustomerNumberWords.directlyBefore(s, first.start())) {
                    if (tax == null) tax = IdentityWords.cueInMessage(s, "tax");
                    if (tax) {
                        out.add(new Detection(EntityType.OTHER_ID, first.start(), last, SCORE));
                        i = end - 1;
                        break;
                    }
                }
                if (length == 12 && end - i == 3 && belgianCardShape(s, t, i) && belgianCard(d)) {
                    if (belgian == null) belgian = IdentityWords.cueInMessage(s, "belgian") || documentWordIn(s);
                    if (belgian) {
                        out.add(new Detection(EntityType.ID_DOCUMENT, first.start(), last, SCORE));
                        i = end - 1;
                        break;
                    }
                }
            }
        }
    }

    /** T.C. Kimlik No.: 11 digits, not starting with 0, with two check digits. */
    static boolean kimlik(CharSequence d) {
        if (d.length() != 11 || d.charAt(0) == '0') return false;
        int odd = 0;
        int even = 0;
        int sum = 0;
        for (int k = 0; k < 10; k++) {
            int v = d.charAt(k) - '0';
            if (k < 9) {
                if (k % 2 == 0) odd += v;
                else even += v;
            }
            sum += v;
        }
        int tenth = Math.floorMod(odd * 7 - even, 10);
        return tenth == d.charAt(9) - '0' && sum % 10 == d.charAt(10) - '0';
    }

    /** Belgian eID card number: the last two of 12 digits are the first ten mod 97 (97 for 0). */
    static boolean belgianCard(CharSequence d) {
        if (d.length() != 12) return false;
        long base = Long.parseLong(d.subSequence(0, 10).toString());
        long check = base % 97 == 0 ? 97 : base % 97;
        return check == Long.parseLong(d.subSequence(10, 12).toString());
    }

    /** "592-4187305-90", "592 4187305 90": three groups of 3, 7 and 2 digits. */
    private static boolean belgianCardShape(TextScan s, List<Token> t, int i) {
        return t.get(i).length() == 3
                && t.get(i + 1).length() == 7
                && t.get(i + 2).length() == 2;
    }

    /** A kimlik word, "TC", "T.C." or a word for Turkey or Turkish anywhere in the message. */
    private static boolean turkishWordIn(TextScan s) {
        List<Token> t = s.tokens;
        for (int k = 0; k < t.size(); k++) {
            Token token = t.get(k);
            if (!token.isWord()) continue;
            if (IdentityWords.cue("turkish", token.folded())) return true;
            if (token.folded().equals("t")
                    && k + 1 < t.size()
                    && t.get(k + 1).folded().equals("c")) {
                if (s.at(token.end()) == '.' && t.get(k + 1).start() == token.end() + 1) return true;
            }
        }
        return false;
    }

    static boolean documentWordIn(TextScan s) {
        for (Token token : s.tokens) {
            if (token.isWord() && DocumentSerials.documentWord(token.folded())) return true;
        }
        return false;
    }

    private static int digitsUpTo(List<Token> t, int from, int to) {
        int length = 0;
        for (int k = from; k < to; k++) length += t.get(k).length();
        return length;
    }

    /** Groups of one number: one space, hyphen or dot between them. */
    private static boolean joined(TextScan s, Token before, Token next) {
        return next.isNumber() && next.start() - before.end() == 1 && " -.".indexOf(s.at(before.end())) >= 0;
    }

    private static boolean glued(TextScan s, Token before, Token number) {
        int gap = number.start() - before.end();
        return gap == 0 || gap == 1 && before.isNumber() && "+-/.".indexOf(s.at(number.start() - 1)) >= 0;
    }

    /** "…-90-12", "…/7": the digits read so far are only the start of a longer number. */
    private static boolean moreDigitsAfter(TextScan s, Token last) {
        return Chars.isAlnum(s.at(last.end()))
                || "/-.".indexOf(s.at(last.end())) >= 0 && Chars.isDigit(s.at(last.end() + 1));
    }
}
