package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * National identification numbers abroad whose check digit says what they are once the message names their country
 * or kind anywhere (OTHER_ID, a national number, not a document's serial): the Spanish DNI and NIE ("DNI 30958240X",
 * "NIE Y-2075999-X", a mod-23 letter), the Chinese resident id (18 chars, birth date, ISO 7064 mod 11-2 with X), the
 * Thai id (13 digits), the Japanese My Number (12 digits), the Korean resident registration number
 * ("970502-2848859"), the Indian Aadhaar (12 digits, Verhoeff), the Polish PESEL, the Chilean RUT ("18.442.617-K"),
 * the Uruguayan cédula ("4.512.337-0"), the Italian partita IVA ("IT" and 11 digits), the Kazakh IIN/ИИН (12
 * digits, YYMMDD, a century digit and a two-pass mod-11 check) and the Ukrainian taxpayer number РНОКПП (10 digits, a
 * weighted mod-11 check; cued by a tax word, since ten digits are also a phone or a customer number), the Dutch BSN
 * (nine digits, the 11-proof; cued by "BSN" or "burgerservicenummer"), the Danish CPR number ("120385-1437", a birth
 * date only since 2007; cued by "CPR"), the Icelandic kennitala, the Estonian and Lithuanian personal codes and the
 * Latvian personas kods (cued by their keywords or countries), and the numbers of Central and Southeastern Europe that
 * {@link SouthEastChecksums} checks (JMBG, EMŠO, CNP, IDNP, AMKA, OIB, AFM, TAJ, the Hungarian personal and tax
 * numbers, the Slovenian tax number) and the numbers of the English-speaking world that {@link AngloChecksums} checks
 * (Australian TFN and Medicare, New Zealand IRD, South African ID). The cue words are
 * {@code identity-words.txt}'s; the score beats the document, phone and customer-number readings of the same chars.
 */
final class CheckedNationalIds implements Scanner {

    static final double SCORE = 0.97;
    private static final int MAX_GROUPS = 5;
    private static final String UKRAINIAN_TAX = "ukrainian-tax";
    private static final String DUTCH_BSN = "dutch-bsn";
    /** The kinds whose word must stand right before the number (see {@link #cued}). */
    private static final Set<String> NEAR_KINDS = Set.of(
            UKRAINIAN_TAX,
            "danish-cpr",
            "icelandic",
            "greek-tax",
            "taj",
            "hungarian-tax",
            "slovenian-tax",
            AngloChecksums.TFN,
            AngloChecksums.MEDICARE,
            AngloChecksums.IRD,
            AngloChecksums.SOUTH_AFRICAN_NEAR);

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** Compiled once: String.matches compiles its pattern on every call, and these are asked of most digit runs. */
    private static final Pattern DOTTED_RUT = Pattern.compile("\\d{1,2}(\\.\\d{3}){2}");

    private static final Pattern THAI_GROUPS = Pattern.compile("\\d[- ]\\d{4}[- ]\\d{5}[- ]\\d{2}[- ]\\d");
    private static final Pattern BSN_GROUPS =
            Pattern.compile("\\d{4}([ .])\\d{2}\\1\\d{3}|\\d{3}([ .])\\d{2,3}\\2\\d{3,4}");
    private static final Pattern GROUPS_OF_FOUR = Pattern.compile("\\d{4}[- ]\\d{4}[- ]\\d{4}");
    /** "1-850512-1231", "1 850512 1231": the Hungarian personal number's sex digit, birth date and serial. */
    private static final Pattern HUNGARIAN_PERSONAL = Pattern.compile("\\d[- ]\\d{6}[- ]\\d{4}");
    /** "123 456 788", "123-456-788": a TAJ or AFM in groups of three. */
    private static final Pattern GROUPS_OF_THREE = Pattern.compile("\\d{3}[- ]\\d{3}[- ]\\d{3}");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            int numberAt = prefixed(s, i) ? i + 1 : i;
            if (!t.get(numberAt).isNumber() || glued(s, first.start())) continue;
            int end = numberAt + 1;
            while (end < t.size() && end - numberAt < MAX_GROUPS && joined(s, t.get(end - 1), t.get(end))) end++;
            for (int last = end; last > numberAt; last--) {
                int found = read(s, i, numberAt, last, out);
                if (found > 0) {
                    i = found - 1;
                    break;
                }
            }
        }
    }

    /** "X3333979Z", "Y-2075999-X", "IT18690090966": a NIE letter or the Italian country code before the digits. */
    private static boolean prefixed(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token w = t.get(i);
        if (!w.isWord() || i + 1 >= t.size() || !t.get(i + 1).isNumber()) return false;
        int gap = t.get(i + 1).start() - w.end();
        String text = w.text();
        if (text.length() == 1 && "XYZxyz".indexOf(text.charAt(0)) >= 0) {
            return gap == 0 || gap == 1 && s.at(w.end()) == '-';
        }
        return text.equals("IT") && gap == 0;
    }

    /**
     * Reads the tokens {@code from} (a prefix letter or the first digits) to {@code last} (exclusive), with a check
     * letter right after them; adds the number if one kind's check and cue fit and returns the token index after it,
     * else 0.
     */
    private static int read(TextScan s, int from, int numberAt, int last, List<Detection> out) {
        List<Token> t = s.tokens;
        int digits = 0;
        for (int k = numberAt; k < last; k++) digits += t.get(k).length();
        if (!someKindsLength(digits)) return 0; // most runs (a date's parts, a house number, a phone number)
        Token lastDigits = t.get(last - 1);
        if (lastDigits.end() < s.length()
                && Chars.isDigit(s.at(lastDigits.end() + 1))
                && "-./".indexOf(s.at(lastDigits.end())) >= 0) return 0; // only the start of a longer number
        StringBuilder d = new StringBuilder(18);
        StringBuilder shape = new StringBuilder(24);
        for (int k = numberAt; k < last; k++) {
            if (k > numberAt) shape.append(s.at(t.get(k).start() - 1));
            d.append(t.get(k).text());
            shape.append(t.get(k).text());
        }
        char letter = checkLetterAfter(s, last);
        int end = letter != 0 ? last + 1 : last;
        if (Chars.isAlnum(s.at(t.get(end - 1).end()))) return 0;
        String prefix = from < numberAt ? t.get(from).text().toUpperCase() : "";
        int start = t.get(from).start();
        if (!fits(prefix, d.toString(), shape.toString(), letter, kind -> cued(s, start, kind))) return 0;
        out.add(new Detection(
                EntityType.OTHER_ID, t.get(from).start(), t.get(end - 1).end(), SCORE));
        return end;
    }

    /**
     * Whether the message names the kind's country or keyword. A Ukrainian tax word, "CPR", "kennitala"/"kt." or a
     * tax or insurance word of the eight- to ten-digit kinds must stand among the few words before the number, since
     * one in ten of any such digits passes their check (and a third of ten digits start with a date, all a CPR number
     * is checked by), and an order's or passport's nine digits may stand in a message that names a Greek tax number
     * elsewhere; "BSN" among a few more ("burgerservicenummer van mijn vrouw … is 2345 67 892"), since one in eleven of
     * the nine-digit passport or customer numbers of the same message passes the 11-proof.
     */
    private static boolean cued(TextScan s, int start, String kind) {
        if (kind.equals(DUTCH_BSN)) return Context.anyBefore(s, start, 10, 80, w -> IdentityWords.cue(kind, w));
        if (!NEAR_KINDS.contains(kind)) return IdentityWords.cueInMessage(s, kind);
        return Context.anyBefore(s, start, 5, 48, w -> IdentityWords.cue(kind, w));
    }

    /**
     * The digit counts {@link #fits} can accept: a RUT's 6 to 8 before its check char (K or a digit), an NIE's 7, a
     * DNI's or cédula's 8, a Ukrainian tax number's 10, a PESEL's or partita IVA's 11, a My Number's, Aadhaar's or
     * Kazakh IIN's 12, a Thai or Korean id's 13, a Chinese resident id's 17 before its X or 18.
     */
    private static boolean someKindsLength(int digits) {
        return digits >= 6 && digits <= 13 || digits == 17 || digits == 18;
    }

    /** Whether one kind's check fits and the message names that kind's country or keyword. */
    private static boolean fits(String prefix, String d, String shape, char letter, Predicate<String> named) {
        int n = d.length();
        boolean plain = n == shape.length();
        if (prefix.equals("IT")) return n == 11 && plain && letter == 0 && partitaIva(d) && named.test("italian-vat");
        if (!prefix.isEmpty()) {
            return n == 7
                    && plain
                    && letter != 0
                    && dniLetter("XYZ".indexOf(prefix) + d, letter)
                    && named.test("spanish");
        }
        if (letter != 0) {
            char upper = Character.toUpperCase(letter);
            return n == 8 && plain && dniLetter(d, letter) && named.test("spanish")
                    || n == 7 && plain && AngloChecksums.ppsn(d, letter) && named.test(AngloChecksums.IRISH_PPS)
                    || n == 17 && plain && upper == 'X' && chineseResident(d + 'X') && named.test("chinese")
                    || upper == 'K' && rutShape(shape + "-K") && rut(d, 'K') && named.test("chilean");
        }
        if (n == 18 && plain) return chineseResident(d) && named.test("chinese");
        if (AngloChecksums.fits(d, shape, named)) return true;
        if (n == 11 && (plain || shape.length() == 12 && shape.charAt(6) == '-')) {
            if (AbroadChecksums.latvianPersonasKods(d) && named.test("latvian")) return true;
            if (plain
                    && (pesel(d) && named.test("polish")
                            || partitaIva(d) && named.test("italian-vat")
                            || AbroadChecksums.balticPersonalCode(d) && named.test("baltic"))) return true;
        }
        if (n == 11 && (plain || HUNGARIAN_PERSONAL.matcher(shape).matches()) && SouthEastChecksums.fits11(d, named))
            return true;
        if (n == 9 && bsnShape(shape) && AbroadChecksums.dutchBsn(d) && named.test(DUTCH_BSN)) return true;
        if (n == 10
                && shape.length() == 11
                && shape.charAt(6) == '-'
                && (AbroadChecksums.danishCpr(d) && named.test("danish-cpr")
                        || AbroadChecksums.icelandicKennitala(d) && named.test("icelandic"))) return true;
        if (n == 13) {
            return (plain || thaiShape(shape)) && thai(d) && named.test("thai")
                    || shape.length() == 14 && shape.charAt(6) == '-' && koreanResident(d) && named.test("korean")
                    || plain && SouthEastChecksums.fits13(d, named);
        }
        if (n == 9 && (plain || GROUPS_OF_THREE.matcher(shape).matches()) && SouthEastChecksums.fits9(d, named))
            return true;
        if (n == 8 && plain && SouthEastChecksums.slovenianTaxNumber(d) && named.test("slovenian-tax")) return true;
        if (n == 10 && plain && SouthEastChecksums.hungarianTaxNumber(d) && named.test("hungarian-tax")) return true;
        if (n == 12 && (plain || groupsOfFour(shape))) {
            // "0170 3318 0942" is a German mobile; an Aadhaar never starts with 0 or 1
            return d.charAt(0) != '0' && myNumber(d) && named.test("japanese")
                    || d.charAt(0) >= '2' && aadhaar(d) && named.test("aadhaar")
                    || plain && AbroadChecksums.kazakhIin(d) && named.test("kazakh");
        }
        if (n == 10 && plain) {
            return AbroadChecksums.ukrainianTaxNumber(d) && named.test(UKRAINIAN_TAX)
                    || AbroadChecksums.danishCpr(d) && named.test("danish-cpr")
                    || AbroadChecksums.icelandicKennitala(d) && named.test("icelandic");
        }
        if (shape.lastIndexOf('-') != shape.length() - 2 || !rutShape(shape)) return false;
        String body = d.substring(0, n - 1);
        return body.length() == 7 && uruguayanCedula(d) && named.test("uruguayan")
                || rut(body, d.charAt(n - 1)) && named.test("chilean");
    }

    /** The single letter glued or hyphenated to the digits before token {@code at}: "30958240X", "13203866-A". */
    private static char checkLetterAfter(TextScan s, int at) {
        List<Token> t = s.tokens;
        if (at >= t.size()) return 0;
        Token w = t.get(at);
        if (!w.isWord() || w.length() != 1 || !Chars.gluingLetter(w.text().charAt(0))) return 0;
        int gap = w.start() - t.get(at - 1).end();
        return gap == 0 || gap == 1 && s.at(w.start() - 1) == '-' ? w.text().charAt(0) : 0;
    }

    /** "18.442.617-K", "4.512.337-0", "18442617-K": a body of 6 to 8 digits, maybe dotted, a hyphen, one check char. */
    private static boolean rutShape(String shape) {
        int dash = shape.lastIndexOf('-');
        if (dash < 0 || shape.indexOf('-') != dash || shape.indexOf(' ') >= 0) return false;
        String body = shape.substring(0, dash);
        int digits = TextScan.digitsOf(body).length();
        return digits >= 6
                && digits <= 8
                && (body.indexOf('.') < 0 || DOTTED_RUT.matcher(body).matches());
    }

    /** "123456782", "1234 56 782", "123.456.782": a BSN as written, not an IP address's dotted groups. */
    private static boolean bsnShape(String shape) {
        return shape.length() == 9 || BSN_GROUPS.matcher(shape).matches();
    }

    /** "1-2345-67890-12-3": the Thai id's printed groups. */
    private static boolean thaiShape(String shape) {
        return THAI_GROUPS.matcher(shape).matches();
    }

    private static boolean groupsOfFour(String shape) {
        return GROUPS_OF_FOUR.matcher(shape).matches();
    }

    /** Spain: the letter of the number mod 23 (an NIE's X, Y, Z read as 0, 1, 2). */
    static boolean dniLetter(String digits, char letter) {
        return DNI_LETTERS.charAt((int) (Long.parseLong(digits) % 23)) == Character.toUpperCase(letter);
    }

    /** China: six region digits, the birth date YYYYMMDD, three serial digits and an ISO 7064 mod 11-2 check (X). */
    static boolean chineseResident(String d) {
        int year = Integer.parseInt(d.substring(6, 10));
        if (year < 1900 || year > 2099 || !date(num(d, 12, 14), num(d, 10, 12))) return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (d.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        return "10X98765432".charAt(sum % 11) == Character.toUpperCase(d.charAt(17));
    }

    /** Thailand: 13 digits, the first 1 to 8, the last 11 minus the weighted sum mod 11 (mod 10). */
    static boolean thai(String d) {
        if (d.charAt(0) < '1' || d.charAt(0) > '8') return false;
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (d.charAt(i) - '0') * (13 - i);
        return (11 - sum % 11) % 10 == d.charAt(12) - '0';
    }

    /** Japan: 12 digits, the last 11 minus the weighted sum mod 11 (0 for a remainder of 0 or 1). */
    static boolean myNumber(String d) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) sum += (d.charAt(11 - n) - '0') * (n <= 6 ? n + 1 : n - 5);
        int r = sum % 11;
        return (r <= 1 ? 0 : 11 - r) == d.charAt(11) - '0';
    }

    /** Korea: YYMMDD, a century and sex digit, five digits and a weighted mod-11 check. */
    static boolean koreanResident(String d) {
        if (!date(num(d, 4, 6), num(d, 2, 4)) || d.charAt(6) == '0' || d.charAt(6) == '9') return false;
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (d.charAt(i) - '0') * (i % 8 + 2);
        return (11 - sum % 11) % 10 == d.charAt(12) - '0';
    }

    /** Poland: YYMMDD (month + 20 per century from 2000), serial and sex digits, a 1-3-7-9 weighted check. */
    static boolean pesel(String d) {
        if (!date(num(d, 4, 6), num(d, 2, 4) % 20)) return false;
        int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) sum += (d.charAt(i) - '0') * weights[i];
        return (10 - sum % 10) % 10 == d.charAt(10) - '0';
    }

    /** Chile: the body's digits weighted 2 to 7 from the right; 11 minus the sum mod 11, 10 written K, 11 as 0. */
    static boolean rut(String body, char check) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += (body.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int r = 11 - sum % 11;
        char expected = r == 11 ? '0' : r == 10 ? 'K' : (char) ('0' + r);
        return expected == Character.toUpperCase(check);
    }

    /** Uruguay: seven digits weighted 2-9-8-7-6-3-4, the check digit completes the sum to a multiple of 10. */
    static boolean uruguayanCedula(String d) {
        int[] weights = {2, 9, 8, 7, 6, 3, 4};
        int sum = 0;
        for (int i = 0; i < 7; i++) sum += (d.charAt(i) - '0') * weights[i];
        return (10 - sum % 10) % 10 == d.charAt(7) - '0';
    }

    /** India: 12 digits, the last a Verhoeff check digit. */
    static boolean aadhaar(String d) {
        return AbroadChecksums.verhoeff(d.substring(0, 11)) == d.charAt(11) - '0';
    }

    /** Italy: 11 digits, the last a Luhn check digit over the first ten. */
    static boolean partitaIva(String d) {
        return !d.startsWith("0000000") && Checksums.luhn(d);
    }

    /** Glued to a word or a number before: "AB30958240X", "12-30958240X". */
    private static boolean glued(TextScan s, int start) {
        char before = s.at(start - 1);
        return Chars.isAlnum(before) || "-./".indexOf(before) >= 0 && Chars.isAlnum(s.at(start - 2));
    }

    /** Groups of one number: one space, hyphen or dot between them. */
    private static boolean joined(TextScan s, Token before, Token next) {
        return next.isNumber() && next.start() - before.end() == 1 && " -.".indexOf(s.at(before.end())) >= 0;
    }

    private static boolean date(int day, int month) {
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    private static int num(String d, int from, int to) {
        return Integer.parseInt(d.substring(from, to));
    }
}
