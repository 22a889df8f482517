package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A German number dialled with the trunk 0 ("0151 23456789", "030 1234567" as their bare digits "015123456789"), read
 * without the number plan's parser, which runs five patterns over every string it is given (viable number,
 * extension, international prefix ...) and is the costliest step of a digit run. What the parser makes of such digits
 * with the region DE is known: no international prefix ("00") and no country code, the trunk 0 stripped (no German
 * number starts with 0, so the digits with it are never a number of the plan), and the rest kept as the national
 * number wherever its length is a possible one ({@link ValidationResult#IS_POSSIBLE}); so the same
 * {@link PhoneNumber}, country code 49 and the rest, is built directly there, and anything else ("00…", "0" alone,
 * a length the plan has not) is left to the parser. {@link #AGREES} checks this reading against the parser once,
 * with numbers of each kind, when the class is loaded: where a version of the plan reads them otherwise, {@link #read}
 * and {@link #readDialled} answer null and the parser reads every number.
 */
final class GermanTrunk {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final int GERMANY = 49;

    /**
     * Per length of a German national number: whether the plan calls it {@link ValidationResult#IS_POSSIBLE}. The
     * plan's answer depends on the length alone (its possible and local-only lengths), so it is asked once per length
     * when the class loads, not once per number.
     */
    private static final boolean[] POSSIBLE_LENGTH = possibleLengths();

    /** Whether {@link #read} gives what the parser gives for a mobile, a landline, a service number and others. */
    static final boolean AGREES = agrees(
            "015123456789",
            "01761234567",
            "030123456",
            "0301234567890",
            "08001234567",
            "0900123456",
            "0891234",
            "0123456",
            "01234",
            "012",
            "0491234567",
            "0123456789012345");

    private GermanTrunk() {}

    /**
     * The number {@code digits} ("0" and 1-9, then digits only) is, or null where the parser must read it (always,
     * where this version of the plan reads the samples of {@link #AGREES} otherwise).
     */
    static PhoneNumber read(CharSequence digits) {
        return AGREES ? trunkDialled(digits) : null;
    }

    private static PhoneNumber trunkDialled(CharSequence digits) {
        int n = digits.length();
        if (n < 3 || n > 17 || digits.charAt(0) != '0' || digits.charAt(1) < '1' || digits.charAt(1) > '9') return null;
        long national = 0;
        for (int i = 1; i < n; i++) {
            char ch = digits.charAt(i);
            if (ch < '0' || ch > '9') return null;
            national = national * 10 + (ch - '0');
        }
        return POSSIBLE_LENGTH[n - 1]
                ? new PhoneNumber().setCountryCode(GERMANY).setNationalNumber(national)
                : null;
    }

    private static boolean[] possibleLengths() {
        boolean[] possible = new boolean[18];
        long national = 1;
        for (int length = 1; length < possible.length; length++, national *= 10) {
            PhoneNumber number = new PhoneNumber().setCountryCode(GERMANY).setNationalNumber(national);
            possible[length] = PHONES.isPossibleNumberWithReason(number) == ValidationResult.IS_POSSIBLE;
        }
        return possible;
    }

    /**
     * Whether {@link #readDialled} gives what the parser gives for "+49" numbers of every length, too short and too
     * long ones included.
     */
    static final boolean AGREES_WITH_COUNTRY_CODE = agrees(
            "+4915123456789",
            "+491761234567",
            "+4930123456",
            "+498001234567",
            "+49900123456",
            "+4912",
            "+491",
            "+49123",
            "+4912345678901234567",
            "+491234567890123456",
            "+4901511234567",
            "+49");

    /**
     * {@link #read} of a number dialled with the trunk 0, and also of one dialled with "+49" and a first digit 1-9
     * ("+49 151 23456789" as "+4915123456789"): after a country code the parser strips no trunk (none is there),
     * checks no possible length, only that the national number has 2 to 17 digits, and builds country code 49 and
     * the rest; so does this. Null where the parser must read it.
     */
    static PhoneNumber readDialled(CharSequence digits) {
        if (digits.isEmpty() || digits.charAt(0) != '+') return read(digits);
        return AGREES_WITH_COUNTRY_CODE ? countryCodeDialled(digits) : null;
    }

    /** Either way of dialling, unchecked: what {@link #AGREES} and {@link #AGREES_WITH_COUNTRY_CODE} test. */
    private static PhoneNumber dialled(CharSequence digits) {
        return !digits.isEmpty() && digits.charAt(0) == '+' ? countryCodeDialled(digits) : trunkDialled(digits);
    }

    private static PhoneNumber countryCodeDialled(CharSequence digits) {
        int n = digits.length();
        // "+49" and 2-17 digits, the first 1-9
        if (n < 5 || n > 20 || digits.charAt(1) != '4' || digits.charAt(2) != '9') return null;
        if (digits.charAt(3) < '1' || digits.charAt(3) > '9') return null;
        long national = 0;
        for (int i = 3; i < n; i++) {
            char ch = digits.charAt(i);
            if (ch < '0' || ch > '9') return null;
            national = national * 10 + (ch - '0');
        }
        return new PhoneNumber().setCountryCode(GERMANY).setNationalNumber(national);
    }

    private static boolean agrees(String... samples) {
        for (String digits : samples) {
            PhoneNumber direct = dialled(digits);
            if (direct == null) continue;
            try {
                if (!direct.exactlySameAs(PHONES.parse(digits, "DE"))) return false;
            } catch (NumberParseException e) {
                return false;
            }
        }
        return true;
    }
}
