package io.carehub.privacy;

import java.util.List;

/** E-mail addresses (EMAIL): a local part, '@' and a domain of at least two labels with a letter TLD. */
final class EmailScanner implements Scanner {

    @Override
    public void scan(TextScan s, List<Detection> out) {
        char[] c = s.c;
        for (int at = 0; at < c.length; at++) {
            if (c[at] != '@') continue;
            int start = at;
            while (start > 0 && at - start < 64 && localChar(c[start - 1]) && c[start - 1] != '@') start--;
            while (start < at && (c[start] == '.' || c[start] == '\'')) start++;
            if (start == at) continue;
            int end = at + 1;
            while (end < c.length && end - at < 255 && domainChar(c[end])) end++;
            while (end > at + 1 && (c[end - 1] == '.' || c[end - 1] == '-')) end--;
            if (validDomain(c, at + 1, end)) out.add(new Detection(EntityType.EMAIL, start, end, 0.98));
        }
    }

    private static boolean localChar(char ch) {
        return TextScan.isAlnum(ch) || ".!#$%&'*+/=?^_`{|}~-".indexOf(ch) >= 0;
    }

    private static boolean domainChar(char ch) {
        return ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-' || ch == '.') || Character.isLetter(ch);
    }

    private static boolean validDomain(char[] c, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || c[i] == '.') {
                if (i == labelStart) return false;
                labels++;
                if (i == to) {
                    int tld = i - labelStart;
                    if (tld < 2) return false;
                    for (int k = labelStart; k < i; k++) if (!Character.isLetter(c[k])) return false;
                }
                labelStart = i + 1;
            }
        }
        return labels >= 2;
    }
}
