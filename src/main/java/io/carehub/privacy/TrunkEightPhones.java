package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Russian and Kazakh numbers as their owners dial them at home: "8 (727) 355 18 40", "8 912 345-67-89". The 8 is the
 * trunk prefix of the +7 plan, where Germany's is 0, so the German number plan reads the run as nothing and its
 * groups fall to weaker rules (a customer number "355 18 40"). A run is such a number when its first group is the
 * lone 8, ten digits follow, the +7 plan knows the line, and the message says where it comes from: a phone word
 * before it, Cyrillic anywhere in the message, or Russia or Kazakhstan named.
 */
final class TrunkEightPhones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final WordSet COUNTRY_WORDS = WordSet.of(
            "russland",
            "russia",
            "russisch",
            "russische",
            "russischen",
            "russian",
            "kasachstan",
            "kazakhstan",
            "kasachisch",
            "kasachische",
            "kazakh",
            "россия",
            "российский",
            "российская",
            "русский",
            "казахстан",
            "казахстанский");

    private TrunkEightPhones() {}

    /** Whether the run {@code [start, end)} with first group ending at {@code firstGroupEnd} is such a number. */
    static boolean at(TextScan s, int start, int firstGroupEnd, int end, int digits) {
        if (digits != 11 || s.c[start] != '8' || firstGroupEnd != start + 1) return false;
        if (!(Context.phoneBefore(s, start) || cyrillicOrCountry(s))) return false;
        String national = TextScan.digitsOf(new String(s.c, start + 1, end - start - 1));
        try {
            return PHONES.isValidNumber(PHONES.parse("+7" + national, "RU"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static boolean cyrillicOrCountry(TextScan s) {
        return s.messageFact("cyrillic or +7 country", () -> {
            for (char ch : s.c) {
                if (ch >= '\u0400' && ch <= '\u04FF') return true;
            }
            for (TextScan.Token t : s.tokens) {
                if (COUNTRY_WORDS.has(t)) return true;
            }
            return false;
        });
    }
}
