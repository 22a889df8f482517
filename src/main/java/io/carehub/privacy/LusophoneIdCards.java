package io.carehub.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identity cards of Portugal and Brazil (ID_DOCUMENT): the Portuguese cartão de cidadão, eight digits, a check digit,
 * two letters of the version and a final check digit ("CC 19250549 1 ZZ0", trusted by that check over letters and
 * digits, keyword or not), and the Brazilian RG after its keyword, with or without its state ("RG 41.772.035-8",
 * "RG MG-12.884.337"), which no common check digit confirms. The score beats the customer-number reading of the
 * digits.
 */
final class LusophoneIdCards implements Scanner {

    static final double SCORE = 0.96;

    private static final Pattern CARTAO =
            Pattern.compile("(?<![\\p{L}\\p{N}])\\d{8} ?\\d ?[A-Z]{2}\\d(?![\\p{L}\\p{N}])");
    private static final Pattern RG = Pattern.compile(
            "(?<![\\p{L}\\p{N}])RG[:.]? ?(?:n[ºo°]\\.? ?)?((?:[A-Z]{2}-? ?)?(?:\\d{1,2}\\.\\d{3}\\.\\d{3}|\\d{7,9})(?:-[\\dXx])?)"
                    + "(?![\\p{L}\\p{N}])");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        StartMatcher cartao =
                new StartMatcher(CARTAO, s, StartMatcher.FirstChars.DIGITS, LusophoneIdCards::eightDigits);
        while (eightOrNineDigits(s) && cartao.find()) {
            Matcher m = cartao.matcher();
            if (cartaoChecked(m.group().replace(" ", ""))) {
                out.add(new Detection(EntityType.ID_DOCUMENT, m.start(), m.end(), SCORE));
            }
        }
        if (s.text.indexOf("RG") < 0) return;
        Matcher m = RG.matcher(s.cleaned());
        while (m.find()) out.add(new Detection(EntityType.ID_DOCUMENT, m.start(1), m.end(1), SCORE));
    }

    /** Portugal: from the right every second char doubled (letters A=10 … Z=35, a double above 9 less 9), sum mod 10. */
    static boolean cartaoChecked(String chars) {
        int sum = 0;
        boolean second = false;
        for (int i = chars.length() - 1; i >= 0; i--) {
            char ch = chars.charAt(i);
            int v = Chars.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            if (second) {
                v *= 2;
                if (v > 9) v -= 9;
            }
            sum += v;
            second = !second;
        }
        return sum % 10 == 0;
    }

    /** {@link #CARTAO}'s start: eight digits, not after a letter or digit. */
    private static boolean eightDigits(char[] c, int i) {
        if (i + 8 > c.length || StartMatcher.afterAsciiAlnum(c, i)) return false;
        for (int k = i; k < i + 8; k++) {
            if (!Chars.isDigit(c[k])) return false;
        }
        return true;
    }

    /** The card's number has 8 digits (9 with its check digit glued on): without such a run the pattern cannot match. */
    private static boolean eightOrNineDigits(TextScan s) {
        return s.messageFact("eight-or-nine-digits", () -> {
            for (TextScan.Token token : s.tokens) {
                if (token.isNumber() && (token.length() == 8 || token.length() == 9)) return true;
            }
            return false;
        });
    }
}
