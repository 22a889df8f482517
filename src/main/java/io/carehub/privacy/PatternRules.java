package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.carehub.privacy.TextScan.Token;
import org.iban4j.CountryCode;
import org.iban4j.IbanUtil;

import java.util.List;
import java.util.Set;

/**
 * Personal data with a grammar or a check digit: e-mail, IBAN, card, phone, IP, ID documents, tax
 * and social-security numbers, licence plates, birth dates. Every scanner moves forward through the
 * text and looks at most a bounded distance around a position, so a message is scanned in linear time.
 */
final class PatternRules {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MAX_RUN_DIGITS = 24;

    private final String region;
    private final Set<String> companyNumbers;

    PatternRules(String region, Set<String> companyNumbersE164) {
        this.region = region;
        this.companyNumbers = companyNumbersE164;
    }

    void scan(TextScan s, List<Detection> out) {
        emails(s, out);
        ibans(s, out);
        ips(s, out);
        numberRuns(s, out);
        idDocuments(s, out);
        socialSecurityNumbers(s, out);
        licencePlates(s, out);
        dates(s, out);
    }

    // ---------------------------------------------------------------- e-mail

    private static boolean localChar(char ch) {
        return TextScan.isAlnum(ch) || ".!#$%&'*+/=?^_`{|}~-".indexOf(ch) >= 0;
    }

    private static boolean domainChar(char ch) {
        return ch < 128 && (Character.isLetterOrDigit(ch) || ch == '-' || ch == '.') || Character.isLetter(ch);
    }

    static void emails(TextScan s, List<Detection> out) {
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

    // ---------------------------------------------------------------- IBAN

    static void ibans(TextScan s, List<Detection> out) {
        char[] c = s.c;
        StringBuilder compact = new StringBuilder(34);
        for (int i = 0; i + 3 < c.length; i++) {
            if (!asciiLetter(c[i]) || !asciiLetter(c[i + 1]) || !TextScan.isDigit(c[i + 2]) || !TextScan.isDigit(c[i + 3])) continue;
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
            if (compact.length() == length && !(end < c.length && TextScan.isAlnum(c[end]))
                    && IbanUtil.isValid(compact.toString())) {
                out.add(new Detection(EntityType.IBAN, i, end, 0.99));
                i = end - 1;
            }
        }
    }

    private static boolean asciiLetter(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }

    // ---------------------------------------------------------------- IP

    static void ips(TextScan s, List<Detection> out) {
        char[] c = s.c;
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            boolean boundary = i == 0 || !(TextScan.isAlnum(c[i - 1]) || c[i - 1] == '.' || c[i - 1] == ':');
            if (!boundary) continue;
            if (TextScan.isDigit(ch)) {
                int end = ipv4(c, i, out);
                if (end > i) {
                    i = end - 1;
                    continue;
                }
            }
            if (hex(ch) || ch == ':') {
                int end = ipv6(c, i, out);
                if (end > i) i = end - 1;
            }
        }
    }

    private static int ipv4(char[] c, int from, List<Detection> out) {
        int[] octets = new int[4];
        int j = from;
        for (int k = 0; k < 4; k++) {
            int start = j;
            int v = 0;
            while (j < c.length && TextScan.isDigit(c[j]) && j - start < 3) v = v * 10 + (c[j++] - '0');
            if (j == start || v > 255) return -1;
            octets[k] = v;
            if (k < 3) {
                if (j >= c.length || c[j] != '.') return -1;
                j++;
            }
        }
        if (j < c.length && (TextScan.isAlnum(c[j]) || (c[j] == '.' && j + 1 < c.length && TextScan.isDigit(c[j + 1])))) return -1;
        boolean personal = !(octets[0] == 10 || octets[0] == 127 || octets[0] == 0
                || octets[0] == 192 && octets[1] == 168 || octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31
                || octets[0] == 169 && octets[1] == 254 || octets[0] == 100 && octets[1] >= 64 && octets[1] <= 127
                || octets[0] >= 224 || publicResolver(octets));
        out.add(personal ? new Detection(EntityType.IP, from, j, 0.9) : Detection.notPersonal(from, j));
        return j;
    }

    private static boolean publicResolver(int[] o) {
        return o[0] == 8 && o[1] == 8 && (o[2] == 8 && o[3] == 8 || o[2] == 4 && o[3] == 4)
                || o[0] == 1 && o[1] == 1 && o[2] == 1 && o[3] == 1 || o[0] == 1 && o[1] == 0 && o[2] == 0 && o[3] == 1
                || o[0] == 9 && o[1] == 9 && o[2] == 9 && o[3] == 9;
    }

    private static boolean hex(char ch) {
        return TextScan.isDigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    }

    private static int ipv6(char[] c, int from, List<Detection> out) {
        int j = from;
        int groups = 0;
        int colons = 0;
        int doubleColons = 0;
        int groupLen = 0;
        boolean bigGroup = false;
        while (j < c.length && j - from < 45 && (hex(c[j]) || c[j] == ':')) {
            if (c[j] == ':') {
                if (groupLen > 0) groups++;
                if (j + 1 < c.length && c[j + 1] == ':') {
                    doubleColons++;
                    colons++;
                    j++;
                }
                colons++;
                groupLen = 0;
            } else {
                if (++groupLen > 4) return -1;
                if (groupLen >= 3) bigGroup = true;
            }
            j++;
        }
        if (groupLen > 0) groups++;
        if (j < c.length && (TextScan.isAlnum(c[j]) || c[j] == '.')) return -1;
        if (colons < 2 || doubleColons > 1 || !bigGroup) return -1;
        if (doubleColons == 0 ? groups != 8 : groups < 2 || groups > 7) return -1;
        String lower = new String(c, from, Math.min(4, j - from)).toLowerCase();
        boolean personal = !(lower.startsWith("fe8") || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("::"));
        out.add(personal ? new Detection(EntityType.IP, from, j, 0.9) : Detection.notPersonal(from, j));
        return j;
    }

    // ---------------------------------------------------------------- digit runs: card, phone, tax id

    private void numberRuns(TextScan s, List<Detection> out) {
        char[] c = s.c;
        int n = c.length;
        int[] groupEnds = new int[16];
        StringBuilder digits = new StringBuilder(32);
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            boolean starts = TextScan.isDigit(ch) || (ch == '+' || ch == '(') && i + 1 < n && TextScan.isDigit(c[i + 1]);
            if (!starts || i > 0 && (TextScan.isAlnum(c[i - 1]) || c[i - 1] == '+')) {
                continue;
            }
            if (i > 1 && (c[i - 1] == '.' || c[i - 1] == ',') && TextScan.isDigit(c[i - 2])) continue;
            int groups = 0;
            digits.setLength(0);
            int j = i;
            if (c[j] == '+' || c[j] == '(') j++;
            while (j < n && groups < groupEnds.length) {
                while (j < n && TextScan.isDigit(c[j]) && digits.length() < MAX_RUN_DIGITS) digits.append(c[j++]);
                groupEnds[groups++] = j;
                boolean closed = j < n && c[j] == ')';
                if (closed) j++;
                if (closed && j < n && TextScan.isDigit(c[j]) && digits.length() < MAX_RUN_DIGITS) continue;
                int sep = j;
                while (sep < n && sep - j < 3 && " -/.()".indexOf(c[sep]) >= 0) sep++;
                if (sep > j && sep < n && TextScan.isDigit(c[sep]) && digits.length() < MAX_RUN_DIGITS
                        && !(c[sep - 1] == '.' && sep - j == 1 && sep + 1 < n && c[sep + 1] == '.')) {
                    j = sep;
                } else {
                    break;
                }
            }
            int runEnd = groupEnds[groups - 1];
            if (runEnd < n && Character.isLetter(c[runEnd])) {
                // "12a", "5g": a number glued to a word is not a phone/card; drop the glued group
                groups--;
                if (groups == 0) {
                    i = runEnd;
                    continue;
                }
            }
            classifyRun(s, i, groupEnds, groups, out);
            i = Math.max(i, groupEnds[Math.max(0, groups - 1)] - 1);
        }
    }

    private void classifyRun(TextScan s, int start, int[] groupEnds, int groups, List<Detection> out) {
        char[] c = s.c;
        String whole = new String(c, start, groupEnds[groups - 1] - start);
        String allDigits = digitsOf(whole);
        int d = allDigits.length();
        if (d < 5) return;
        // card: the whole run or a prefix of groups
        for (int g = groups; g >= 1; g--) {
            String part = digitsOf(new String(c, start, groupEnds[g - 1] - start));
            if (part.length() >= 12 && part.length() <= 19 && Checksums.cardPrefix(part) && Checksums.luhn(part)) {
                out.add(new Detection(EntityType.CARD, start, groupEnds[g - 1], 0.95));
                return;
            }
            if (part.length() < 12) break;
        }
        if (looksLikeDate(whole)) return; // 07.08.1999 is a date, not a phone number
        boolean trunk = c[start] == '+' || c[start] == '0' || c[start] == '(' && start + 1 < c.length && c[start + 1] == '0';
        if (trunk) {
            int tries = 0;
            for (int g = groups; g >= 1 && tries < 4; g--) {
                int end = groupEnds[g - 1];
                String part = new String(c, start, end - start);
                int partDigits = digitsOf(part).length();
                if (partDigits < 6) break;
                if (partDigits > 17) continue;
                tries++;
                PhoneNumber number = parse(part);
                if (number != null && PHONES.isValidNumber(number)) {
                    String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                    PhoneNumberType type = PHONES.getNumberType(number);
                    boolean business = companyNumbers.contains(e164) || type == PhoneNumberType.TOLL_FREE
                            || type == PhoneNumberType.PREMIUM_RATE || type == PhoneNumberType.SHARED_COST
                            || type == PhoneNumberType.UAN;
                    // R24: the company's own lines and toll-free/service numbers are never personal data
                    out.add(business ? Detection.notPersonal(start, end) : new Detection(EntityType.PHONE, start, end, 0.9));
                    return;
                }
            }
            if (d >= 7 && d <= 15 && Context.phoneBefore(s, start)) {
                PhoneNumber number = parse(whole);
                if (number != null && PHONES.isPossibleNumber(number)) {
                    out.add(new Detection(EntityType.PHONE, start, groupEnds[groups - 1], 0.6));
                    return;
                }
            }
        }
        boolean taxContext = Context.taxIdBefore(s, start);
        if (d == 11 && groups <= 4 && (Checksums.steuerId(allDigits) || taxContext)) {
            out.add(new Detection(EntityType.OTHER_ID, start, groupEnds[groups - 1], taxContext ? 0.95 : 0.6));
        }
    }

    private static boolean looksLikeDate(String run) {
        String[] parts = run.split("[./]");
        if (parts.length != 3) return false;
        for (String part : parts) if (part.isEmpty() || !part.chars().allMatch(Character::isDigit)) return false;
        return parts[0].length() <= 2 && parts[1].length() <= 2 && (parts[2].length() == 2 || parts[2].length() == 4);
    }

    private PhoneNumber parse(String candidate) {
        try {
            return PHONES.parse(candidate, region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    static String digitsOf(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') b.append(ch);
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- ID card / passport

    private static final String ICAO_FIRST = "CFGHJKLMNPRTVWXYZ";
    private static final String ICAO_CHARS = "CFGHJKLMNPRTVWXYZ0123456789";

    static void idDocuments(TextScan s, List<Detection> out) {
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
            boolean checked = len == 10 && Checksums.icaoCheckDigit(candidate.substring(0, 9)) == candidate.charAt(9) - '0';
            if (checked && context) out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.97));
            else if (checked && digitCount >= 2) out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.75));
            else if (context && len == 9) out.add(new Detection(EntityType.ID_DOCUMENT, start, i, 0.7));
        }
    }

    // ---------------------------------------------------------------- social-security number

    static void socialSecurityNumbers(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        StringBuilder compact = new StringBuilder(12);
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).isNumber() || (t.get(i).length() != 2 && t.get(i).length() != 8)) continue;
            compact.setLength(0);
            int k = i;
            int prevEnd = t.get(i).start();
            while (k < t.size() && k - i < 4 && compact.length() < 12 && t.get(k).start() - prevEnd <= 1) {
                compact.append(t.get(k).text());
                prevEnd = t.get(k).end();
                k++;
            }
            if (compact.length() == 12 && Checksums.socialSecurityNumber(compact)) {
                out.add(new Detection(EntityType.OTHER_ID, t.get(i).start(), prevEnd, 0.9));
                i = k - 1;
            }
        }
    }

    // ---------------------------------------------------------------- licence plates

    static void licencePlates(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            Token a = t.get(i);
            if (!a.isWord()) continue;
            String text = a.text();
            boolean upper = text.equals(text.toUpperCase());
            int dash = text.indexOf('-');
            int numberIndex;
            int letters1;
            int letters2;
            if (dash > 0) {
                letters1 = dash;
                letters2 = text.length() - dash - 1;
                numberIndex = i + 1;
            } else if (i + 2 < t.size() && t.get(i + 1).isWord() && t.get(i + 1).start() - a.end() == 1) {
                letters1 = text.length();
                letters2 = t.get(i + 1).length();
                numberIndex = i + 2;
                upper = upper && t.get(i + 1).text().equals(t.get(i + 1).text().toUpperCase());
            } else {
                continue;
            }
            if (letters1 < 1 || letters1 > 3 || letters2 < 1 || letters2 > 2) continue;
            Token number = t.get(numberIndex);
            int gap = number.start() - t.get(numberIndex - 1).end();
            if (!number.isNumber() || number.length() > 4 || gap < 1 || gap > 1 || number.text().charAt(0) == '0') continue;
            if (number.end() < s.length() && TextScan.isDigit(s.at(number.end() + 1)) && s.at(number.end()) == '.') continue;
            boolean context = Context.plateBefore(s, a.start());
            if ((upper && (dash > 0 || context)) || context) {
                int end = number.end();
                if (end < s.length() && (s.at(end) == 'E' || s.at(end) == 'H') && !TextScan.isAlnum(s.at(end + 1))) end++;
                out.add(new Detection(EntityType.OTHER_ID, a.start(), end, context ? 0.9 : 0.65));
            }
        }
    }

    // ---------------------------------------------------------------- dates of birth

    static void dates(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token a = t.get(i);
            int end = -1;
            if (a.isNumber()) {
                end = numericDate(s, i);
                if (end < 0) end = wordDate(s, i);
            } else if (Dates.month(a.folded()) > 0) {
                end = englishDate(s, i);
            }
            if (end < 0) continue;
            if (Context.birthAround(s, a.start(), end)) {
                out.add(new Detection(EntityType.DATE_OF_BIRTH, a.start(), end, 0.9));
            }
            i = s.tokenAtOrAfter(end) - 1;
        }
    }

    /** dd.mm.yyyy, d.m.yy, dd/mm/yyyy, yyyy-mm-dd → end index or -1. */
    private static int numericDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token a = t.get(i);
        Token b = t.get(i + 1);
        Token y = t.get(i + 2);
        if (!b.isNumber() || !y.isNumber() || b.start() - a.end() != 1 || y.start() - b.end() != 1) return -1;
        char s1 = s.at(a.end());
        char s2 = s.at(b.end());
        if (s1 != s2 || (s1 != '.' && s1 != '/' && s1 != '-')) return -1;
        if (a.length() == 4 && s1 == '-') {
            return Dates.valid(Integer.parseInt(y.text()), Integer.parseInt(b.text()), Integer.parseInt(a.text())) ? y.end() : -1;
        }
        if (a.length() > 2 || b.length() > 2 || (y.length() != 2 && y.length() != 4)) return -1;
        int year = Integer.parseInt(y.text());
        if (y.length() == 2) year += 1900;
        return Dates.valid(Integer.parseInt(a.text()), Integer.parseInt(b.text()), year) ? y.end() : -1;
    }

    /** "5. Mai 1977", "14 February 1987". */
    private static int wordDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token a = t.get(i);
        Token m = t.get(i + 1);
        Token y = t.get(i + 2);
        if (a.length() > 2 || !m.isWord() || !y.isNumber() || y.length() != 4) return -1;
        if (!s.onlyBetween(a.end(), m.start(), ".") || m.start() - a.end() > 2 || !s.onlyBetween(m.end(), y.start(), ".,")) return -1;
        int month = Dates.month(m.folded());
        return month > 0 && Dates.valid(Integer.parseInt(a.text()), month, Integer.parseInt(y.text())) ? y.end() : -1;
    }

    /** "February 14, 1987". */
    private static int englishDate(TextScan s, int i) {
        List<Token> t = s.tokens;
        if (i + 2 >= t.size()) return -1;
        Token d = t.get(i + 1);
        Token y = t.get(i + 2);
        if (!d.isNumber() || d.length() > 2 || !y.isNumber() || y.length() != 4 || !s.onlyBetween(d.end(), y.start(), ",")) return -1;
        return Dates.valid(Integer.parseInt(d.text()), Dates.month(t.get(i).folded()), Integer.parseInt(y.text())) ? y.end() : -1;
    }
}
