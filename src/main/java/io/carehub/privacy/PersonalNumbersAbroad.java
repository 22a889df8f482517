package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Personal numbers abroad whose check digits and birth date say what they are, without a keyword (OTHER_ID):
 * Luxembourg's matricule ("1971 0314 00486"), the Swedish personnummer ("811218-9876", "19811218-9876"), the Czech
 * and Slovak rodné číslo ("736028/5163"), the Norwegian fødselsnummer, the Belgian national number
 * ("85.07.30-033.28"), the Icelandic kennitala ("120374-2229"), the Estonian isikukood and Lithuanian asmens kodas
 * ("38503122738"), the Latvian personas kods ("210478-12341") and the Finnish henkilötunnus ("131052-308T",
 * "070805Y4326", its check char a letter or digit after a century sign); {@link AbroadChecksums} checks them. A
 * keyword before them is {@link OtherIdRule}'s.
 */
final class PersonalNumbersAbroad implements Scanner {

    static final double SCORE = 0.85;
    private static final int MAX_GROUPS = 5;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        StringBuilder shape = new StringBuilder(20);
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            if (finnish(s, first) && (i == 0 || !glued(s, t.get(i - 1), first))) {
                out.add(new Detection(EntityType.OTHER_ID, first.start(), first.start() + 11, SCORE));
                while (i + 1 < t.size() && t.get(i + 1).start() < first.start() + 11) i++;
                continue;
            }
            if (!first.isNumber() || i > 0 && glued(s, t.get(i - 1), first)) continue;
            shape.setLength(0);
            int k = i;
            while (k < t.size() && k - i < MAX_GROUPS && t.get(k).isNumber()) {
                if (k > i) {
                    int gap = t.get(k).start() - t.get(k - 1).end();
                    if (gap != 1) break;
                    shape.append(s.at(t.get(k).start() - 1));
                }
                shape.append(t.get(k).text());
                k++;
                int length = shape.length();
                int end = length >= 11 && length <= 15 && length != 14 ? matched(shape.toString()) : 0;
                if (end > 0 && !Chars.isAlnum(s.at(t.get(k - 1).end())) && !continues(s, t.get(k - 1))) {
                    out.add(new Detection(
                            EntityType.OTHER_ID, first.start(), t.get(k - 1).end(), SCORE));
                    i = k - 1;
                    break;
                }
            }
        }
    }

    /** 1 if the groups read so far, separators included, are one of the numbers; else 0. */
    private static int matched(String shape) {
        String d = TextScan.digitsOf(shape);
        boolean ok = switch (shape.length()) {
            case 11 ->
                slashOrDash(shape, 6)
                        && (shape.charAt(6) == '/'
                                ? AbroadChecksums.rodneCislo(d)
                                : AbroadChecksums.swedishPersonnummer(d) || AbroadChecksums.icelandicKennitala(d));
            case 12 -> fits(shape, "dddddd-ddddd") && AbroadChecksums.latvianPersonasKods(d);
            case 13 ->
                slashOrDash(shape, 8) && shape.charAt(8) != '/' && AbroadChecksums.swedishPersonnummer(d.substring(2));
            case 15 ->
                fits(shape, "dd.dd.dd-ddd.dd") && AbroadChecksums.belgianNationalNumber(d)
                        || fits(shape, "dddd dddd ddddd") && AbroadChecksums.luxembourgMatricule(d);
            default -> false;
        };
        if (!ok && d.length() == shape.length()) {
            ok = d.length() == 13 && AbroadChecksums.luxembourgMatricule(d)
                    || d.length() == 11
                            && (AbroadChecksums.norwegianFoedselsnummer(d) || AbroadChecksums.balticPersonalCode(d));
        }
        if (!ok && fits(shape, "dddddd ddddd")) ok = AbroadChecksums.norwegianFoedselsnummer(d);
        return ok ? 1 : 0;
    }

    /** A henkilötunnus from the token's first char on: six digits, the century sign, the rest, then no letter or digit. */
    private static boolean finnish(TextScan s, Token first) {
        int at = first.start();
        if (!Chars.isDigit(s.at(at)) || !Chars.isDigit(s.at(at + 5)) || Chars.isAlnum(s.at(at + 11))) return false;
        char sign = s.at(at + 6);
        if (sign != '-' && sign != '+' && !Chars.isAlnum(sign)) return false;
        StringBuilder chars = new StringBuilder(11);
        for (int k = at; k < at + 11; k++) chars.append(s.at(k));
        return AbroadChecksums.finnishHenkilotunnus(chars);
    }

    /** {@code shape} written as {@code pattern}: 'd' a digit, any other char itself. */
    private static boolean fits(String shape, String pattern) {
        if (shape.length() != pattern.length()) return false;
        for (int i = 0; i < shape.length(); i++) {
            char p = pattern.charAt(i);
            if (p == 'd' ? !Chars.isDigit(shape.charAt(i)) : p != shape.charAt(i)) return false;
        }
        return true;
    }

    private static boolean slashOrDash(String shape, int at) {
        char ch = shape.charAt(at);
        return (ch == '/' || ch == '-' || ch == '+') && shape.indexOf(' ') < 0;
    }

    /** Part of a longer number: "12.345678-9012", "+49 …". */
    private static boolean glued(TextScan s, Token before, Token number) {
        int gap = number.start() - before.end();
        return gap == 0 || gap == 1 && before.isNumber() && "+-/.".indexOf(s.at(number.start() - 1)) >= 0;
    }

    /** More digits right after: the shape read so far is only the start of another number. */
    private static boolean continues(TextScan s, Token last) {
        return "/-.".indexOf(s.at(last.end())) >= 0 && Chars.isDigit(s.at(last.end() + 1));
    }
}
