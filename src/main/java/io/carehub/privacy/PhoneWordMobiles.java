package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * "Handy +49 1522 326009", "erreichbar unter 0176 123 45": after a phone word a German mobile number is a PHONE
 * even when libphonenumber finds it a digit too short or too long (a typo, a number read out in part). The number
 * opens with +49, 0049 or 0 and a mobile prefix 15x, 16x, 17x, and has 9 to 13 digits in national form, groups
 * joined by a space, hyphen, slash or dot ("+49 (0)151 …" too). An order, ticket or customer number word between
 * the phone word and the number keeps it that number.
 */
final class PhoneWordMobiles implements Scanner {

    static final double SCORE = 0.89;
    private static final int MIN_DIGITS = 9;
    private static final int MAX_DIGITS = 13;

    private static final WordSet PHONE_WORDS = WordSet.of(
            "tel",
            "telefon",
            "telefonnummer",
            "telefonisch",
            "telnr",
            "handy",
            "handynummer",
            "handynr",
            "mobil",
            "mobilnummer",
            "mobilfunknummer",
            "mobiltelefon",
            "rufnummer",
            "erreichbar",
            "rueckruf",
            "rueckrufnummer",
            "zurueckrufen",
            "anrufen",
            "phone",
            "mobile",
            "cell",
            "cellphone",
            "call",
            "whatsapp");

    private static final List<String> OTHER_NUMBER_HEADS =
            List.of("bestell", "auftrag", "order", "rechnung", "invoice", "ticket", "vorgang", "sendung", "tracking");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            if (!first.isNumber()) continue;
            int start = first.start();
            boolean plus = s.at(start - 1) == '+';
            if (plus) start--;
            char before = s.at(start - 1);
            if (Chars.isAlnum(before) || (before == '-' || before == '/') && Chars.isAlnum(s.at(start - 2))) {
                continue;
            }
            // cheap tests first: most numbers (years, prices) open with neither 0 nor +49, few follow a phone word
            if (!(plus ? first.text().startsWith("49") : first.text().startsWith("0"))) continue;
            if (!phoneWordBefore(s, start)) continue;
            StringBuilder digits = new StringBuilder(16).append(first.text());
            int k = i + 1;
            while (k < t.size()
                    && t.get(k).isNumber()
                    && joined(s, t.get(k - 1).end(), t.get(k).start())
                    && national(digits.toString() + t.get(k).text(), plus).length() <= MAX_DIGITS) {
                digits.append(t.get(k).text());
                k++;
            }
            int end = t.get(k - 1).end();
            if (Chars.isAlnum(s.at(end))) continue;
            String national = national(digits.toString(), plus);
            if (national.length() < MIN_DIGITS
                    || national.length() > MAX_DIGITS
                    || !WeakKeywordMobiles.mobilePrefix(national)) continue;
            out.add(new Detection(EntityType.PHONE, start, end, SCORE));
            i = k - 1;
        }
    }

    /** Two digit groups joined by one separator, or by "(0)"'s brackets: "+49 (0)151". */
    private static boolean joined(TextScan s, int from, int to) {
        int gap = to - from;
        if (gap == 1) return " -/.".indexOf(s.at(from)) >= 0;
        if (gap == 2) return s.at(from) == ' ' && s.at(from + 1) == '(' || s.at(from) == ')' && s.at(from + 1) == ' ';
        return false;
    }

    /** The digits as dialled inside Germany: "49 1522…" and "0049 1522…" become "01522…"; "+49 (0)1522…" too. */
    private static String national(String digits, boolean plus) {
        String rest;
        if (plus && digits.startsWith("49")) rest = digits.substring(2);
        else if (!plus && digits.startsWith("0049")) rest = digits.substring(4);
        else if (plus) return "";
        else return digits;
        return rest.startsWith("0") ? rest : "0" + rest;
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
            if (PHONE_WORDS.contains(w)) return true;
            for (String head : OTHER_NUMBER_HEADS) {
                if (w.startsWith(head)) return false;
            }
        }
        return false;
    }
}
