package io.carehub.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One spelling-independent form per value, so "0171 2345678" and "+49 171 2345678", or "Anna
 * Vogel" and "anna vogel", get the same pseudonym (R24), and fuzzy equality for names.
 */
final class Canonical {

    private static final WordSet TITLES =
            WordSet.of("herr", "herrn", "frau", "hr", "fr", "dr", "prof", "mr", "mrs", "ms");

    private Canonical() {}

    static String of(EntityType type, String value, String region) {
        String v = value.strip();
        return switch (type) {
            case PHONE -> phone(v, region);
            case EMAIL -> v.toLowerCase(Locale.ROOT).replace(" ", "");
            case DATE_OF_BIRTH -> {
                LocalDate date = date(v);
                yield date != null ? date.toString() : TextScan.digitsOf(v);
            }
            case PERSON -> String.join(" ", nameTokens(v));
            case ADDRESS -> String.join(" ", addressTokens(v));
            default -> alnum(v).toUpperCase(Locale.ROOT);
        };
    }

    static String phone(String v, String region) {
        try {
            var number = PhoneNumberUtil.getInstance().parse(v, region);
            return PhoneNumberUtil.getInstance().format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return TextScan.digitsOf(v);
        }
    }

    /** Same person/address even when written partly ("Frau Vogel" ~ "Anna Vogel"); other types: equal forms. */
    static boolean sameValue(EntityType type, String a, String b) {
        if (a.equals(b)) return true;
        if (type == EntityType.PERSON || type == EntityType.ADDRESS) {
            List<String> x = List.of(a.split(" "));
            List<String> y = List.of(b.split(" "));
            List<String> shorter = x.size() <= y.size() ? x : y;
            List<String> longer = shorter == x ? y : x;
            for (String token : shorter) {
                if (longer.stream().noneMatch(other -> Fuzzy.similar(token, other))) return false;
            }
            return !shorter.isEmpty() && !shorter.get(0).isEmpty();
        }
        return false;
    }

    static List<String> nameTokens(String v) {
        List<String> tokens = new ArrayList<>();
        for (String word : Folding.fold(v).split("[^\\p{L}'-]+")) {
            if (!word.isEmpty() && !TITLES.contains(word)) tokens.add(word);
        }
        return tokens;
    }

    static List<String> addressTokens(String v) {
        List<String> tokens = new ArrayList<>();
        for (String word : Folding.fold(v).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty() || word.equals("in")) continue;
            tokens.add(streetForm(word));
        }
        return tokens;
    }

    /** "lindenstrasse" and "lindenstr" compare equal. */
    static String streetForm(String folded) {
        if (folded.endsWith("strasse")) return folded.substring(0, folded.length() - 7) + "str";
        if (folded.endsWith("strase")) return folded.substring(0, folded.length() - 6) + "str";
        return folded;
    }

    static String alnum(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (char ch : v.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) b.append(ch);
        }
        return b.toString();
    }

    static LocalDate date(String v) {
        String[] parts = v.trim().split("[.\\-/ ]+");
        try {
            if (parts.length == 3) {
                if (parts[0].length() == 4) {
                    return Dates.parse(
                            Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
                }
                int month = parts[1].chars().allMatch(Character::isDigit)
                        ? Integer.parseInt(parts[1])
                        : Dates.month(Folding.fold(parts[1]));
                int year = Integer.parseInt(parts[2]);
                if (parts[2].length() == 2) year += 1900;
                return Dates.parse(Integer.parseInt(parts[0]), month, year);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
