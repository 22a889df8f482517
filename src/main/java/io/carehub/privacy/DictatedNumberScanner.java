package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Numbers dictated to speech-to-text, partly or wholly in words and mixed with digit groups: "Kundennummer acht acht
 * null zwo 14 63 77", "null sechs neun 47 38 21 55", "sechs sieben 88 vier 2 null 1 3". The whole run is one finding
 * once it carries six digits or more; its type comes from the nearer keyword before it (customer or contract words,
 * phone or callback words), else a leading zero makes it a phone number and anything else an identifier. Runs of
 * digit words alone are {@link NumberWordScanner}'s; IP addresses dictated with "Punkt" are {@link DictatedIps}'.
 * "drei Tage", "seit über 30 Jahren" and prices ("neunundzwanzig Euro neunundneunzig") carry too few digits.
 */
final class DictatedNumberScanner implements Scanner {

    private static final int MIN_DIGITS = 6;
    private static final int KEYWORD_TOKENS = 8;
    private static final int KEYWORD_CHARS = 80;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); ) {
            int total = digits(s, i);
            if (total < 0) {
                i++;
                continue;
            }
            int j = i;
            boolean numbers = t.get(i).isNumber();
            boolean words = !numbers;
            boolean cardinals = cardinal(t.get(i));
            int more;
            while (j + 1 < t.size()
                    && (joined(s, t.get(j), t.get(j + 1))
                            || unfinishedPhone(s, t.get(i), t.get(j), t.get(j + 1), total))
                    && (more = digits(s, j + 1)) >= 0) {
                j++;
                total += more;
                numbers |= t.get(j).isNumber();
                words |= t.get(j).isWord();
                cardinals |= cardinal(t.get(j));
            }
            if (total >= MIN_DIGITS && words && (numbers || cardinals) && dictated(t, i, j) && !dictatedDate(s, i, j)) {
                Detection d = typed(s, i, j);
                if (d != null) out.add(d);
            }
            i = j + 1;
        }
    }

    /** The digits the token at {@code k} stands for: a digit word 1, a cardinal 10..99 2, a digit group its length. */
    private static int digits(TextScan s, int k) {
        Token token = s.tokens.get(k);
        if (token.isNumber()) {
            boolean glued = Chars.isLetter(s.at(token.start() - 1)) || Chars.isLetter(s.at(token.end()));
            return glued || token.length() > 12 ? -1 : token.length();
        }
        int said = NumberWords.spokenDigits(token);
        if (said >= 0) return said;
        List<Token> t = s.tokens;
        // "vingt et un" is two digits, said by "vingt": "et" and the "un" after it add none
        if (k > 0 && k + 1 < t.size() && FrenchNumberWords.joiningEt(t.get(k - 1), token, t.get(k + 1))) return 0;
        if (k > 1 && FrenchNumberWords.joiningEt(t.get(k - 2), t.get(k - 1), token)) return 0;
        return FrenchNumberWords.digits(token);
    }

    private static boolean cardinal(Token token) {
        return token.isWord() && NumberWords.digit(token) < 0;
    }

    /**
     * Spaces, commas or dashes between; a comma right between two digit groups is a decimal ("149,99"), and a comma
     * before a zero starts another number ("Kundennummer 5520 1187 30, null eins sieben …" is a phone after it).
     */
    private static boolean joined(TextScan s, Token a, Token b) {
        if (!NumberWordScanner.joined(s, a.end(), b.start())) return false;
        if (a.isNumber() && b.isNumber() && b.start() == a.end() + 1 && s.at(a.end()) == ',') return false;
        return !(s.at(a.end()) == ',' && startsWithZero(b));
    }

    /**
     * A phone dictated in pairs, begun with a zero and shorter than a mobile number (twelve digits), goes on after a comma before a zero:
     * "zéro un sept six, quarante-quatre, vingt et un, trente-huit, zéro neuf".
     */
    private static boolean unfinishedPhone(TextScan s, Token first, Token last, Token next, int total) {
        return total < 12
                && startsWithZero(first)
                && s.at(last.end()) == ','
                && NumberWordScanner.joined(s, last.end(), next.start());
    }

    private static boolean startsWithZero(Token token) {
        return token.isNumber() ? token.text().charAt(0) == '0' : NumberWords.digit(token) == 0;
    }

    /**
     * Two number words or more, or one between digit groups: "0800 330 1000 three times" and "my german one 0152 …"
     * are digit groups with a word beside them, not a number said aloud.
     */
    private static boolean dictated(List<Token> t, int i, int j) {
        int words = 0;
        for (int k = i; k <= j; k++) {
            if (t.get(k).isWord() && (++words > 1 || k > i && k < j)) return true;
        }
        return false;
    }

    /** "zwölf 03 2024": day, month and a four-digit year said as a date. */
    private static boolean dictatedDate(TextScan s, int i, int j) {
        Token year = s.tokens.get(j);
        return j - i == 2
                && year.isNumber()
                && year.length() == 4
                && (year.text().startsWith("19") || year.text().startsWith("20"));
    }

    private static Detection typed(TextScan s, int i, int j) {
        Token first = s.tokens.get(i);
        Token last = s.tokens.get(j);
        int start = first.start();
        int keyword = nearerKeyword(s, start);
        if (keyword > 0) return new Detection(EntityType.CUSTOMER_ID, start, last.end(), 0.93);
        boolean leadingZero = startsWithZero(first);
        if (keyword < 0 || leadingZero) return new Detection(EntityType.PHONE, start, last.end(), 0.9);
        if (DigitRunRule.notPersonalBefore(s, start) || DigitRunRule.unitAfter(s, j)) return null;
        return new Detection(EntityType.CUSTOMER_ID, start, last.end(), 0.5);
    }

    /**
     * 1 for a customer or contract word, -1 for a phone or callback word, the nearer one before; 0 for none, or when
     * another number stands between ("Kundennummer 5520 1187 30, null eins …": the keyword is that number's).
     */
    private static int nearerKeyword(TextScan s, int pos) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos) - 1;
        for (int seen = 0; k >= 0 && seen < KEYWORD_TOKENS; k--, seen++) {
            Token token = t.get(k);
            if (pos - token.end() > KEYWORD_CHARS) return 0;
            if (token.isNumber() && token.length() >= 2) return 0; // the keyword before it names that number
            if (!token.isWord()) continue;
            String w = token.folded();
            if (NumberWordScanner.customerWord(w) || w.contains("vertrag") || w.contains("kundennummer")) return 1;
            if (phoneWord(w)) return -1;
        }
        return 0;
    }

    private static boolean phoneWord(String w) {
        return w.startsWith("telefon")
                || w.startsWith("handy")
                || w.startsWith("mobil")
                || w.startsWith("festnetz")
                || w.startsWith("rufnummer")
                || w.startsWith("anruf")
                || w.startsWith("zurueckruf")
                || w.startsWith("rueckruf")
                || w.startsWith("erreich")
                || w.equals("ruf")
                || w.equals("ruft")
                || w.startsWith("phone")
                || w.startsWith("call")
                || w.equals("landline")
                || w.equals("whatsapp")
                || w.equals("fax");
    }
}
