package io.carehub.privacy;

import java.util.List;

/**
 * Identity cards and passports (ID_DOCUMENT): 9 or 10 characters of the ICAO alphabet with at least one
 * digit, trusted by the ICAO check digit, by a keyword before them ("Ausweisnummer"), or by both.
 */
final class IdDocumentScanner implements Scanner {

    private static final String ICAO_FIRST = "CFGHJKLMNPRTVWXYZ";
    private static final String ICAO_CHARS = "CFGHJKLMNPRTVWXYZ0123456789";

    @Override
    public void scan(TextScan s, List<Detection> out) {
        char[] c = s.c;
        int n = c.length;
        int i = 0;
        while (i < n) {
            if (!TextScan.isAlnum(c[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && TextScan.isAlnum(c[i])) i++;
            int len = i - start;
            if (len != 9 && len != 10) continue;
            String candidate = new String(c, start, len).toUpperCase();
            if (ICAO_FIRST.indexOf(candidate.charAt(0)) < 0) continue;
            int digitCount = 0;
            boolean allowed = true;
            for (int k = 0; k < len; k++) {
                char ch = candidate.charAt(k);
                if (ICAO_CHARS.indexOf(ch) < 0) {
                    allowed = false;
                    break;
                }
                if (TextScan.isDigit(ch)) digitCount++;
            }
            if (!allowed || digitCount == 0) continue;
            boolean context = Context.idDocumentBefore(s, start);
            boolean checked =
                    len == 10 && Checksums.icaoCheckDigit(candidate.substring(0, 9)) == candidate.charAt(9) - '0';
            if (checked && context) out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.97));
            else if (checked && digitCount >= 2) out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.75));
            else if (context && len == 9) out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.7));
        }
    }
}
