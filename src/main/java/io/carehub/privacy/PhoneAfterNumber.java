package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/** Where a customer number written in digit groups ends because a phone number follows it in the same run. */
final class PhoneAfterNumber {

    private PhoneAfterNumber() {}

    /**
     * "kdnr 9029384712 0152 19283746", "6630491287 05251 887302": after a whole number of eight digits or more, a
     * group after a space that opens with a trunk 0 and goes on in another group ("0152 19283746") starts the next
     * number, a phone, not a part of the id; "8812 4471 0093" stays one number.
     */
    static boolean follows(TextScan s, int next, int digitsBefore) {
        List<Token> t = s.tokens;
        Token group = t.get(next);
        Token prev = t.get(next - 1);
        if (digitsBefore < 8
                || !group.isNumber()
                || group.length() < 4
                || group.text().charAt(0) != '0'
                || group.start() != prev.end() + 1
                || s.at(prev.end()) != ' ') return false;
        if (next + 1 >= t.size()) return false;
        Token after = t.get(next + 1);
        return after.isNumber() && after.start() == group.end() + 1 && " -/".indexOf(s.at(group.end())) >= 0;
    }

    static int digits(List<Token> t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (t.get(i).isNumber()) n += t.get(i).length();
        }
        return n;
    }
}
