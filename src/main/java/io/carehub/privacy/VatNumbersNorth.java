package io.carehub.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Company and VAT numbers of the Benelux, the North and France behind their country code, trusted by their check digits
 * (OTHER_ID): the Belgian enterprise number ("BE0417497106", "BE 0417.497.106", mod 97), the Dutch btw-id
 * ("NL123456782B01", the 11-proof or, since 2020, mod 97 like an IBAN), the Danish CVR/moms number ("DK13585628",
 * mod 11), the Norwegian organisation number ("NO 974 760 673 MVA", mod 11) and the French numéro de TVA
 * intracommunautaire ("FR 40 303 265 045", a mod-97 key before the SIREN). A sole trader's number is personal
 * data, and customers paste these into the same line as their name. The Norwegian code is also the English "NO", so
 * it needs "MVA" after it or an organisation or VAT word before it.
 */
final class VatNumbersNorth implements Scanner {

    static final double SCORE = 0.97;

    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
            + "BE ?([01]\\d{3})[. ]?(\\d{3})[. ]?(\\d{3})"
            + "|NL ?(\\d{9})B(\\d{2})"
            + "|DK ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?(\\d{2})"
            + "|NO ?(\\d{3}) ?(\\d{3}) ?(\\d{3})( ?MVA)?"
            + "|FR ?(\\d{2}) ?(\\d{3}) ?(\\d{3}) ?(\\d{3})"
            + ")(?![\\p{L}\\p{N}])");

    /** The words before a Norwegian number that say it is one: "org.nr.", "org/VAT", "foretaksnummer". */
    private static final Set<String> NORWEGIAN_WORDS =
            Set.of("org", "orgnr", "organisasjonsnummer", "foretaksnummer", "vat", "mva", "moms");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        char[] c = s.c;
        Matcher m = null;
        // the pattern is tried only where a country code stands: a regex search over every message cost 4 % of all
        for (int i = 0; i + 1 < c.length; i++) {
            if (!countryCode(c[i], c[i + 1])) continue;
            if (m == null) m = NUMBER.matcher(s.cleaned()).useTransparentBounds(true);
            m.region(i, c.length);
            if (!m.lookingAt()) continue;
            if (checked(s, m)) out.add(new Detection(EntityType.OTHER_ID, m.start(), m.end(), SCORE));
            i = m.end() - 1;
        }
    }

    private static boolean countryCode(char a, char b) {
        return a == 'B' && b == 'E'
                || a == 'N' && (b == 'L' || b == 'O')
                || a == 'D' && b == 'K'
                || a == 'F' && b == 'R';
    }

    private static boolean checked(TextScan s, Matcher m) {
        if (m.group(1) != null) return belgianEnterprise(m.group(1) + m.group(2) + m.group(3));
        if (m.group(4) != null) return dutchVat(m.group(4), m.group(5));
        if (m.group(6) != null) return danishCvr(m.group(6) + m.group(7) + m.group(8) + m.group(9));
        if (m.group(14) != null) return frenchVat(m.group(14), m.group(15) + m.group(16) + m.group(17));
        return norwegianOrganisation(m.group(10) + m.group(11) + m.group(12))
                && (m.group(13) != null || Context.anyBefore(s, m.start(), 4, 40, NORWEGIAN_WORDS::contains));
    }

    /** Belgium: ten digits, the last two 97 minus the first eight mod 97. */
    static boolean belgianEnterprise(String d) {
        return 97 - Long.parseLong(d.substring(0, 8)) % 97 == Integer.parseInt(d.substring(8));
    }

    /** The Netherlands: the nine digits pass the 11-proof, or "NL", digits, "B" and suffix are 1 mod 97 (N=23, L=21, B=11). */
    static boolean dutchVat(String d, String suffix) {
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += (d.charAt(i) - '0') * (9 - i);
        if (sum > 0 && (sum - (d.charAt(8) - '0')) % 11 == 0) return true;
        return new java.math.BigInteger("2321" + d + "11" + suffix)
                        .mod(java.math.BigInteger.valueOf(97))
                        .intValue()
                == 1;
    }

    /**
     * France: the two-digit key before the nine-digit SIREN is 12 plus three times the SIREN mod 97, all mod 97; a
     * SIREN itself passes the Luhn check ("FR 40 303 265 045").
     */
    static boolean frenchVat(String key, String siren) {
        long n = Long.parseLong(siren);
        return (12 + 3 * (n % 97)) % 97 == Integer.parseInt(key) && Checksums.luhn(siren);
    }

    /** Denmark: eight digits weighted 2, 7, 6, 5, 4, 3, 2, 1 sum to a multiple of 11. */
    static boolean danishCvr(String d) {
        int sum = Checksums.weighted(d, new int[] {2, 7, 6, 5, 4, 3, 2, 1});
        return d.charAt(0) != '0' && sum % 11 == 0;
    }

    /** Norway: the ninth digit is 11 minus the weighted sum of the first eight mod 11 (11 gives 0, 10 is never issued). */
    static boolean norwegianOrganisation(String d) {
        int sum = Checksums.weighted(d, new int[] {3, 2, 7, 6, 5, 4, 3, 2});
        int check = 11 - sum % 11;
        return (d.charAt(0) == '8' || d.charAt(0) == '9') && (check == 11 ? 0 : check) == d.charAt(8) - '0';
    }
}
