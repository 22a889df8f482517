package io.carehub.privacy;

import java.util.List;
import org.iban4j.CountryCode;
import org.iban4j.IbanUtil;

/** IBANs (R16), compact or in groups of four, accepted only with the country's length and a valid check sum. */
final class IbanScanner implements Scanner {

    @Override
    public void scan(TextScan s, List<Detection> out) {
        char[] c = s.c;
        StringBuilder compact = new StringBuilder(34);
        for (int i = 0; i + 3 < c.length; i++) {
            if (!asciiLetter(c[i])
                    || !asciiLetter(c[i + 1])
                    || !TextScan.isDigit(c[i + 2])
                    || !TextScan.isDigit(c[i + 3])) continue;
            if (i > 0 && TextScan.isAlnum(c[i - 1])) continue;
            CountryCode country = CountryCode.getByCode(("" + c[i] + c[i + 1]).toUpperCase());
            if (country == null || !IbanUtil.isSupportedCountry(country)) continue;
            int length = IbanUtil.getIbanLength(country);
            compact.setLength(0);
            int j = i;
            int end = i;
            while (j < c.length && compact.length() < length) {
                char ch = c[j];
                if (TextScan.isAlnum(ch) && ch < 128) {
                    compact.append(Character.toUpperCase(ch));
                    end = ++j;
                } else if ((ch == ' ' || ch == '-') && j + 1 < c.length && TextScan.isAlnum(c[j + 1]) && j > i) {
                    j++;
                } else {
                    break;
                }
            }
            if (compact.length() == length
                    && !(end < c.length && TextScan.isAlnum(c[end]))
                    && IbanUtil.isValid(compact.toString())) {
                out.add(new Detection(EntityType.IBAN, i, end, 0.99));
                i = end - 1;
            }
        }
    }

    private static boolean asciiLetter(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }
}
