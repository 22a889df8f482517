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
            if (validDomain(c, at + 1, end)) {
                out.add(new Detection(EntityType.EMAIL, start, end, 0.98));
            } else if (end > at + 1 && mistypedProvider(c, at + 1, end)) {
                out.add(new Detection(EntityType.EMAIL, start, commaTld(c, end), 0.9));
            }
        }
    }

    /**
     * A mail provider's domain with its dot lost or typed as a comma: "m.schulte@gmxde", "jkraus@gmail,com",
     * "anna@gmx". The address is wrong, but it is still the customer's.
     */
    private static boolean mistypedProvider(char[] c, int from, int to) {
        String domain = new String(c, from, to - from).toLowerCase(java.util.Locale.ROOT);
        if (domain.indexOf('.') >= 0) return false;
        for (String provider : SpelledEmailScanner.PROVIDERS) {
            if (domain.startsWith(provider) && domain.length() - provider.length() <= 3) return true;
        }
        return false;
    }

    /** The end after a top-level domain typed after a comma ("gmail,com"), or {@code end}. */
    private static int commaTld(char[] c, int end) {
        if (end >= c.length || c[end] != ',') return end;
        int k = end + 1;
        while (k < c.length && k - end <= 4 && Character.isLetter(c[k])) k++;
        int letters = k - end - 1;
        return letters >= 2 && letters <= 3 && (k == c.length || !Character.isLetterOrDigit(c[k])) ? k : end;
    }

    private static boolean localChar(char ch) {
        return Chars.isAlnum(ch) || ".!#$%&'*+/=?^_`{|}~-".indexOf(ch) >= 0;
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
