package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Set;

/**
 * Runs of digit groups ("0151 234 567 89", "+49 (30) 1234-567", "4111 1111 1111 1111"), each classified
 * once: a card number (prefix and Luhn), else a phone number (libphonenumber; the company's own and
 * service numbers are not personal), else an 11-digit tax id (check digit or context).
 */
final class NumberRunScanner implements Scanner {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MAX_RUN_DIGITS = 24;

    private final String region;
    private final Set<String> companyNumbers;

    /**
     * @param region             ISO region for numbers written without country code
     * @param companyNumbersE164 the company's own lines in E.164
     */
    NumberRunScanner(String region, Set<String> companyNumbersE164) {
        this.region = region;
        this.companyNumbers = companyNumbersE164;
        this.trunkDialling = "DE".equals(region);
    }

    /** Whether numbers dialled with the trunk 0 are read by {@link GermanTrunk} before the number plan's parser. */
    private final boolean trunkDialling;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        char[] c = s.c;
        int n = c.length;
        int[] groupEnds = new int[16];
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            boolean starts = Chars.isDigit(ch) || (ch == '+' || ch == '(') && i + 1 < n && Chars.isDigit(c[i + 1]);
            if (!starts || i > 0 && (Chars.isAlnum(c[i - 1]) || c[i - 1] == '+')) {
                continue;
            }
            if (i > 1 && (c[i - 1] == '.' || c[i - 1] == ',') && Chars.isDigit(c[i - 2])) continue;
            int groups = 0;
            int digits = 0; // the run's digits so far, up to MAX_RUN_DIGITS
            int j = i;
            if (c[j] == '+' || c[j] == '(') j++;
            while (j < n && groups < groupEnds.length) {
                while (j < n && Chars.isDigit(c[j]) && digits < MAX_RUN_DIGITS) {
                    j++;
                    digits++;
                }
                groupEnds[groups++] = j;
                boolean closed = j < n && c[j] == ')';
                if (closed) j++;
                if (closed && j < n && Chars.isDigit(c[j]) && digits < MAX_RUN_DIGITS) continue;
                int sep = j;
                while (sep < n && sep - j < 3 && " -/.()".indexOf(c[sep]) >= 0) sep++;
                if (sep > j
                        && sep < n
                        && Chars.isDigit(c[sep])
                        && digits < MAX_RUN_DIGITS
                        && !(c[sep - 1] == '.' && sep - j == 1 && sep + 1 < n && c[sep + 1] == '.')) {
                    j = sep;
                } else {
                    break;
                }
            }
            int runEnd = groupEnds[groups - 1];
            if (runEnd < n && Chars.gluingLetter(c[runEnd])) {
                // "12a", "5g": a number glued to a word is not a phone/card; drop the glued group
                groups--;
                if (groups == 0) {
                    i = runEnd;
                    continue;
                }
            }
            int before = out.size();
            classifyRun(s, i, groupEnds, groups, out);
            int next = out.size() == before ? listedNumberAfter(c, i, groupEnds, groups) : rest(out, groupEnds, groups);
            i = next > 0 ? next - 1 : Math.max(i, groupEnds[Math.max(0, groups - 1)] - 1);
        }
    }

    /**
     * "8821 4407 19 / 0172 9930415": when the whole run is nothing, a later group after a slash that starts with a
     * trunk or country prefix begins a number of its own; so does one after a space that opens with a trunk 0 once
     * the groups before it hold a whole number of six digits or more ("kdnr 9029384712 0152 19283746": a customer
     * number, then a mobile). Its position, or -1.
     */
    private static int listedNumberAfter(char[] c, int start, int[] groupEnds, int groups) {
        for (int g = 1; g < groups; g++) {
            int k = groupEnds[g - 1];
            boolean slash = false;
            while (k < c.length && !Chars.isDigit(c[k]) && c[k] != '+') slash |= c[k++] == '/';
            if (slash && k < c.length && (c[k] == '0' || c[k] == '+')) return k;
            if (k == groupEnds[g - 1] + 1
                    && c[k - 1] == ' '
                    && c[k] == '0'
                    && digitCount(c, start, groupEnds[g - 1]) >= 6) return k;
        }
        return -1;
    }

    /**
     * "+356 2138 4417 o 0176 3390 1148", "+372 5190 4426 / 0351 7260 3391": when a phone took only the first groups of
     * the run, the groups after it are read as a run of their own; their position, or -1.
     */
    private static int rest(List<Detection> out, int[] groupEnds, int groups) {
        int end = out.get(out.size() - 1).end();
        for (int g = 1; g < groups; g++) {
            if (groupEnds[g - 1] == end) return end + 1;
        }
        return -1;
    }

    private void classifyRun(TextScan s, int start, int[] groupEnds, int groups, List<Detection> out) {
        char[] c = s.c;
        int d = digitCount(c, start, groupEnds[groups - 1]);
        if (d < 5) return;
        String whole = new String(c, start, groupEnds[groups - 1] - start);
        // card: the whole run or a prefix of groups; "+49 …" and "(0…" are dialled, never a card
        boolean dialled = c[start] == '+' || c[start] == '(' && start + 1 < c.length && c[start + 1] == '0';
        for (int g = dialled ? 0 : groups; g >= 1; g--) {
            int partDigits = digitCount(c, start, groupEnds[g - 1]);
            if (partDigits >= 12 && partDigits <= 19) {
                String part = TextScan.digitsOf(new String(c, start, groupEnds[g - 1] - start));
                if ((Checksums.cardPrefix(part) || partDigits == 16 && cardWordBefore(s, start))
                        && Checksums.luhn(part)
                        && !numberWordBefore(s, start)) {
                    out.add(new Detection(EntityType.CARD, start, groupEnds[g - 1], 0.95));
                    return;
                }
            }
            if (partDigits < 12) break;
        }
        if (looksLikeDate(whole)) return; // 07.08.1999 is a date, not a phone number
        if (Dates.opensRun(c, start, groupEnds[groups - 1])) return; // "(03.01.2009", "08.08.1980 2)"
        boolean trunk =
                c[start] == '+' || c[start] == '0' || c[start] == '(' && start + 1 < c.length && c[start + 1] == '0';
        if (trunk) {
            int tries = 0;
            boolean wholeParsed = false; // the first try is often the whole run: it is parsed once
            PhoneNumber wholeNumber = null;
            for (int g = groups; g >= 1 && tries < 4; g--) {
                int end = groupEnds[g - 1];
                int partDigits = digitCount(c, start, end);
                if (partDigits < 6) break;
                if (partDigits > 17) continue;
                tries++;
                String part = new String(c, start, end - start);
                PhoneNumber number = parse(part);
                if (end == groupEnds[groups - 1]) {
                    wholeParsed = true;
                    wholeNumber = number;
                }
                // a valid number is one whose type the number plan knows (isValidNumber asks the same, once more)
                PhoneNumberType type = number == null ? PhoneNumberType.UNKNOWN : PHONES.getNumberType(number);
                if (type != PhoneNumberType.UNKNOWN) {
                    String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                    boolean business = companyNumbers.contains(e164)
                            || type == PhoneNumberType.TOLL_FREE
                            || type == PhoneNumberType.PREMIUM_RATE
                            || type == PhoneNumberType.SHARED_COST
                            || type == PhoneNumberType.UAN;
                    // R24: the company's own lines and toll-free/service numbers are never personal data
                    out.add(
                            business
                                    ? Detection.notPersonal(start, end)
                                    : new Detection(EntityType.PHONE, start, end, 0.9));
                    return;
                }
            }
            boolean international = c[start] == '+'
                    || c[start] == '0'
                            && start + 2 < c.length
                            && c[start + 1] == '0'
                            && c[start + 2] >= '1'
                            && c[start + 2] <= '9';
            if (d >= 7 && d <= 15 && (international || Context.phoneBefore(s, start))) {
                // "+1 206-555-0149", "0044 …": a country code says phone even where the number plan has no such line
                PhoneNumber number = wholeParsed ? wholeNumber : parse(whole);
                if (number != null && PHONES.isPossibleNumber(number)) {
                    out.add(new Detection(EntityType.PHONE, start, groupEnds[groups - 1], international ? 0.7 : 0.6));
                    return;
                }
            }
        }
        if (TrunkEightPhones.at(s, start, groupEnds[0], groupEnds[groups - 1], d)) {
            out.add(new Detection(EntityType.PHONE, start, groupEnds[groups - 1], 0.85));
            return;
        }
        if (PhonesAbroad.at(s, start, whole, d, PHONES)) {
            out.add(new Detection(EntityType.PHONE, start, groupEnds[groups - 1], 0.85));
            return;
        }
        if (d != 11 || groups > 4) return;
        boolean taxContext = Context.taxIdBefore(s, start); // looked up for the few 11-digit runs only
        if (Checksums.steuerId(TextScan.digitsOf(whole)) || taxContext) {
            out.add(new Detection(EntityType.OTHER_ID, start, groupEnds[groups - 1], taxContext ? 0.95 : 0.6));
        }
    }

    /**
     * "my JCB 3505 5008 7547 5173": a card brand or the word card just before a 16-digit Luhn number makes it a card even
     * where its prefix is outside the issuers' ranges we know (the customer says what it is).
     */
    /**
     * "SIRET français 50737859400026": a company, tax or insurance number's word right before the digits says they are
     * that number, though they pass a card's Luhn check as the French SIRET and SIREN always do.
     */
    private static boolean numberWordBefore(TextScan s, int start) {
        return Context.anyWordBefore(s, start, 2, 24, w -> OtherIdRule.keyword(w));
    }

    private static boolean cardWordBefore(TextScan s, int start) {
        return Context.anyWordBefore(s, start, 3, 30, CARD_WORDS::has);
    }

    private static final WordSet CARD_WORDS = WordSet.of(
            "jcb",
            "visa",
            "mastercard",
            "amex",
            "unionpay",
            "maestro",
            "diners",
            "discover",
            "card",
            "karte",
            "kreditkarte",
            "kreditkartennummer",
            "kartennummer",
            "tarjeta",
            "carta",
            "cartao",
            "carte",
            "kart",
            "карта",
            "карты",
            "картка",
            "картки");

    private static int digitCount(char[] c, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (Chars.isDigit(c[i])) count++;
        }
        return count;
    }

    /** Three parts split at '.' or '/' as {@code run.split("[./]")} gives them: digits, 1-2, 1-2 and 2 or 4 long. */
    static boolean looksLikeDate(String run) {
        int end = run.length();
        while (end > 0 && dateSeparator(run.charAt(end - 1))) end--; // split drops trailing empty parts
        int parts = 0;
        int partStart = 0;
        int day = 0;
        int month = 0;
        int year = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || dateSeparator(run.charAt(i))) {
                int length = i - partStart;
                if (length == 0 || parts == 3) return false;
                if (parts == 0) day = length;
                else if (parts == 1) month = length;
                else year = length;
                parts++;
                partStart = i + 1;
            } else if (!Character.isDigit(run.charAt(i))) {
                return false;
            }
        }
        return parts == 3 && day <= 2 && month <= 2 && (year == 2 || year == 4);
    }

    private static boolean dateSeparator(char ch) {
        return ch == '.' || ch == '/';
    }

    /**
     * The run's digits after its '+', if it has one: the number plan reads nothing else of a run of digits and the
     * separators " -/.()" (no letters, so no extension), and its patterns take half the time on the bare digits.
     */
    private PhoneNumber parse(String candidate) {
        StringBuilder dialled = new StringBuilder(candidate.length());
        if (candidate.charAt(0) == '+') dialled.append('+');
        for (int i = 0; i < candidate.length(); i++) {
            char ch = candidate.charAt(i);
            if (ch >= '0' && ch <= '9') dialled.append(ch);
        }
        if (trunkDialling) {
            PhoneNumber national = GermanTrunk.readDialled(dialled);
            if (national != null) return national;
        }
        try {
            return PHONES.parse(dialled, region);
        } catch (NumberParseException e) {
            return null;
        }
    }
}
