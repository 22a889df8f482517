package io.carehub.privacy;

import java.util.List;
import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;

/**
 * IBANs (R16), compact or in groups of four (the country code in either case, a space after it allowed), accepted with the country's length and a valid check sum, or, mistyped
 * with a wrong length, when the check sum still holds.
 */
final class IbanScanner implements Scanner {

    /**
     * The IBAN length of each two-letter code iban4j supports, 0 for the others, by {@link #countryIndex}: asked of
     * iban4j once, as two letters and a check digit's shape are common in chat ("am 12.", "um 14 Uhr").
     */
    private static final int[] IBAN_LENGTHS = new int[26 * 26];

    /**
     * The ISO countries whose IBANs iban4j does not know (Algeria, Cameroon, Côte d'Ivoire ... in the partial IBAN
     * registries of their banks): their IBANs are taken by shape and check sum alone, see {@link #unlistedLength}.
     */
    private static final boolean[] UNLISTED = new boolean[26 * 26];

    static {
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                CountryCode country = CountryCode.getByCode("" + a + b);
                if (country != null && IbanUtil.isSupportedCountry(country)) {
                    IBAN_LENGTHS[countryIndex(a, b)] = IbanUtil.getIbanLength(country);
                } else if (country != null) {
                    UNLISTED[countryIndex(a, b)] = true;
                }
            }
        }
    }

    /** Two ASCII letters, either case, as an index into {@link #IBAN_LENGTHS}. */
    private static int countryIndex(char first, char second) {
        return ((first | 0x20) - 'a') * 26 + ((second | 0x20) - 'a');
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return; // an IBAN's check digits follow its country
        char[] c = s.c;
        StringBuilder compact = new StringBuilder(34);
        for (int i = 0; i + 3 < c.length; i++) {
            if (!asciiLetter(c[i]) || !asciiLetter(c[i + 1]) || !checkDigitsAt(c, i + 2)) continue;
            if (i > 0 && Chars.isAlnum(c[i - 1])) continue;
            int length = IBAN_LENGTHS[countryIndex(c[i], c[i + 1])];
            if (length == 0) {
                int unlisted = UNLISTED[countryIndex(c[i], c[i + 1])] ? unlistedLength(s, i) : -1;
                if (unlisted > i) {
                    out.add(new Detection(EntityType.IBAN, i, unlisted, 0.95));
                    i = unlisted - 1;
                }
                continue;
            }
            compact.setLength(0);
            int j = i;
            int end = i;
            while (j < c.length && compact.length() < length) {
                char ch = c[j];
                if (Chars.isAlnum(ch) && ch < 128) {
                    compact.append(Character.toUpperCase(ch));
                    end = ++j;
                } else if ((ch == ' ' || ch == '-') && j + 1 < c.length && Chars.isAlnum(c[j + 1]) && j > i) {
                    j++;
                } else {
                    break;
                }
            }
            boolean whole = compact.length() == length && !(end < c.length && Chars.isAlnum(c[end]));
            if (whole && IbanUtil.isValid(compact.toString())) {
                out.add(new Detection(EntityType.IBAN, i, end, 0.99));
                i = end - 1;
            } else if (whole && checkDigitsHold(compact.toString())) {
                // the country's length and check sum, but a bank layout iban4j's registry has otherwise ("CI92 CI05 …")
                out.add(new Detection(EntityType.IBAN, i, end, 0.95));
                i = end - 1;
            } else {
                int mistyped = mistypedLength(s, i);
                if (mistyped > i) {
                    out.add(new Detection(EntityType.IBAN, i, mistyped, 0.95));
                    i = mistyped - 1;
                }
            }
        }
    }

    /**
     * An IBAN with a digit too many or too few for its country ("DE39 5006 0901 0003 0487 1126", 24 instead of 22)
     * whose check sum still holds: mistyped, but still the customer's bank details (a failing check sum is not
     * taken: that is {@code findsIbansOfAllCountriesOnlyWithAValidChecksum}'s rule). Groups of four with single spaces, or compact; 15 to 34 characters; returns its end, or -1.
     */
    private static int mistypedLength(TextScan s, int i) {
        return groupedIban(s, i, 0);
    }

    /**
     * An IBAN of a country iban4j has no layout for ("DZ05 4787 6182 3881 2095 8032 01", "CI92 CI05 5469 5023 0521
     * 4294 0007"): groups of four or compact, 15 to 34 characters, digits after a bank code of up to four letters and
     * digits, and a check sum that holds; returns its end, or -1.
     */
    private static int unlistedLength(TextScan s, int i) {
        return groupedIban(s, i, 4);
    }

    /** An IBAN's end by {@link #mistypedLength}'s shape, letters allowed in the first {@code bankLetters} BBAN chars. */
    private static int groupedIban(TextScan s, int i, int bankLetters) {
        char[] c = s.c;
        StringBuilder compact = new StringBuilder(34);
        int j = i;
        int end = i;
        int group = 0;
        int groupsLength = 0; // the compact length and end before the current group, for a word after the last one
        int groupsEnd = i;
        while (j < c.length && compact.length() < 34) {
            char ch = c[j];
            if (Chars.isAlnum(ch) && ch < 128) {
                if (!Chars.isDigit(ch) && compact.length() >= 4 + bankLetters) {
                    if (group > 0) break; // "... 0007ET": not an IBAN's shape
                    compact.setLength(groupsLength); // "... 0007 et": the word after the IBAN
                    end = groupsEnd;
                    break;
                }
                compact.append(Character.toUpperCase(ch));
                group++;
                end = ++j;
            } else if (ch == ' ' && group == 4 && j + 1 < c.length && Chars.isAlnum(c[j + 1])) {
                group = 0;
                groupsLength = compact.length();
                groupsEnd = end;
                j++;
            } else {
                break;
            }
        }
        if (compact.length() < 15 || end < c.length && Chars.isAlnum(c[end])) return -1;
        for (int k = 2; k < compact.length(); k++) {
            if (k >= 4 + bankLetters && !Chars.isDigit(compact.charAt(k))) return -1; // letters: the country's layout
            if (k < 4 && !Chars.isDigit(compact.charAt(k))) return -1;
        }
        return checkDigitsHold(compact.toString()) ? end : -1;
    }

    /** The check digits hold (ISO 7064 MOD 97-10, computed by iban4j whatever the length). */
    private static boolean checkDigitsHold(String iban) {
        try {
            return IbanUtil.calculateCheckDigit(iban).equals(iban.substring(2, 4));
        } catch (IbanFormatException e) {
            return false;
        }
    }

    /**
     * The two check digits right after the country, or after one space as people write and dictate it loosely ("de 49
     * 4306 0967 …"): the check sum decides either way.
     */
    private static boolean checkDigitsAt(char[] c, int k) {
        if (k + 2 < c.length && c[k] == ' ') k++;
        return k + 1 < c.length && Chars.isDigit(c[k]) && Chars.isDigit(c[k + 1]);
    }

    private static boolean asciiLetter(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }
}
