package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Phone numbers of the customer's home country written the local way, without a country code or trunk 0, after a
 * phone word (PHONE): the Czech and Slovak nine digits ("tel. 603 123 456"), the Greek ten ("κινητό 694 123 4567",
 * "τηλ. 210 123 4567") and the Cypriot and Maltese eight ("mob 9912 3456", "mowbajl 7912 3456"). German rules read
 * such a run as a customer number, since no German number opens without its 0; here the run must be a valid number
 * of one of those countries by its own numbering plan. An order, ticket or customer word nearer than the phone word
 * keeps it that number.
 */
final class HomeCountryPhones implements Scanner {

    static final double SCORE = 0.89;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final List<String> OTHER_NUMBER_HEADS =
            List.of("bestell", "auftrag", "order", "rechnung", "invoice", "ticket", "vorgang", "sendung", "tracking");

    /** By digit count, the countries whose numbers are written with that many digits and no trunk 0. */
    private static final String[][] REGIONS = {{"CY", "MT"}, {"CZ", "SK"}, {"GR"}};

    private static final int MIN_DIGITS = 8;
    private static final int MAX_GROUPS = 4;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            // cheap tests first: a trunk 0 or a '+' is the other phone rules' case
            if (!first.isNumber() || first.text().charAt(0) == '0' || first.length() < 2 || first.length() > 4)
                continue;
            char before = s.at(first.start() - 1);
            if (Chars.isAlnum(before) || "+-/.".indexOf(before) >= 0 || i > 0 && joined(s, t.get(i - 1), first))
                continue; // glued to a word or a "+", or inside a longer run of digit groups
            int from = i;
            int digits = first.length();
            int k = i + 1;
            while (k < t.size() && joined(s, t.get(k - 1), t.get(k))) {
                digits += t.get(k).length();
                k++;
            }
            int end = t.get(k - 1).end();
            int groups = k - i;
            i = k - 1; // the run is read whole: "8 123 456 78 90" is no eight-digit number and a tail
            if (groups > MAX_GROUPS
                    || digits < MIN_DIGITS
                    || digits >= MIN_DIGITS + REGIONS.length
                    || Chars.isAlnum(s.at(end))) continue;
            if ("-./".indexOf(s.at(end)) >= 0 && Chars.isDigit(s.at(end + 1))) continue;
            if (!phoneWordBefore(s, first.start())) continue;
            StringBuilder number = new StringBuilder(digits);
            for (int g = from; g < k; g++) number.append(t.get(g).text());
            if (!validIn(number.toString(), REGIONS[digits - MIN_DIGITS])) continue;
            out.add(new Detection(EntityType.PHONE, first.start(), end, SCORE));
        }
    }

    /** Digit groups of one number: one space, hyphen or dot between them. */
    private static boolean joined(TextScan s, Token before, Token next) {
        return before.isNumber()
                && next.isNumber()
                && next.start() - before.end() == 1
                && " -.".indexOf(s.at(before.end())) >= 0;
    }

    private static boolean validIn(String national, String[] regions) {
        for (String region : regions) {
            try {
                if (PHONES.isValidNumberForRegion(PHONES.parse(national, region), region)) return true;
            } catch (NumberParseException e) {
                // not a number of this region
            }
        }
        return false;
    }

    /** A phone word among the four words before, with no order or customer number word nearer. */
    private static boolean phoneWordBefore(TextScan s, int pos) {
        if (CustomerNumberWords.directlyBefore(s, pos)) return false;
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos) - 1;
        for (int seen = 0; k >= 0 && seen < 4; k--, seen++) {
            Token token = t.get(k);
            if (pos - token.end() > 40) return false;
            if (!token.isWord()) continue;
            String w = token.folded();
            if (PhonesAbroad.PHONE_WORDS.contains(w)) return true;
            for (String head : OTHER_NUMBER_HEADS) {
                if (w.startsWith(head)) return false;
            }
        }
        return false;
    }
}
