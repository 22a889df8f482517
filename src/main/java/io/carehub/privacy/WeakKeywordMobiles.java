package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * "eigenen Vertrag, Nummer 0151 6678 0932": a German mobile number stays a PHONE after a weak word ("Vertrag",
 * "Nummer"); only a customer or contract number word right before it ({@link CustomerNumberWords}) makes its
 * digits a customer number.
 */
final class WeakKeywordMobiles implements Scanner {

    static final double SCORE = 0.93;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            if (!first.isNumber() || !mobilePrefix(first.text())) continue;
            if (Chars.isAlnum(s.at(first.start() - 1)) || s.at(first.start() - 1) == '+') continue;
            StringBuilder digits = new StringBuilder(12).append(first.text());
            int k = i + 1;
            while (k < t.size()
                    && digits.length() < 12
                    && t.get(k).isNumber()
                    && t.get(k).start() - t.get(k - 1).end() == 1
                    && " -/".indexOf(s.at(t.get(k - 1).end())) >= 0) {
                digits.append(t.get(k).text());
                k++;
            }
            int end = t.get(k - 1).end();
            if (digits.length() < 10 || digits.length() > 12 || Chars.isAlnum(s.at(end))) continue;
            if (!weakWordBefore(s, first.start()) || CustomerNumberWords.directlyBefore(s, first.start())) continue;
            if (!germanMobile(digits.toString())) continue;
            out.add(new Detection(EntityType.PHONE, first.start(), end, SCORE));
            i = k - 1;
        }
    }

    /**
     * "Vertrag", "Nummer", "Kunde" among the five words before: only there does a customer-number reading compete
     * with the phone; elsewhere the phone's own scanner is left alone.
     */
    private static boolean weakWordBefore(TextScan s, int pos) {
        return Context.anyBefore(s, pos, 5, 50, WeakKeywordMobiles::weakWord);
    }

    private static boolean weakWord(String w) {
        return w.startsWith("kund")
                || w.startsWith("vertrag")
                || w.startsWith("contract")
                || w.startsWith("customer")
                || w.startsWith("account")
                || w.endsWith("konto")
                || w.equals("nummer")
                || w.equals("nr")
                || w.equals("number")
                || w.equals("no");
    }

    /** "015…", "016…", "017…": German mobile prefixes, as dialled inside Germany. */
    static boolean mobilePrefix(String text) {
        return text.length() >= 3
                && text.charAt(0) == '0'
                && text.charAt(1) == '1'
                && "567".indexOf(text.charAt(2)) >= 0;
    }

    /** Read by {@link GermanTrunk} where it reads as the parser does: the parser is the costlier half of the test. */
    private static boolean germanMobile(String digits) {
        try {
            PhoneNumber number = GermanTrunk.read(digits);
            if (number == null) number = PHONES.parse(digits, "DE");
            return PHONES.getNumberType(number) == PhoneNumberType.MOBILE;
        } catch (NumberParseException e) {
            return false;
        }
    }
}
