package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * IPv4 addresses dictated to speech-to-text: four numbers from 0 to 255, in digits or in words ("neunundsiebzig",
 * "zweihundertneunzehn"), with the dot said as "Punkt" or "dot": "neunundsiebzig Punkt 219 Punkt 8 Punkt 144". Written
 * with dots only they are {@link IpScanner}'s; private and other non-personal ranges are not personal here either.
 */
final class DictatedIps implements Scanner {

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        int[] octets = new int[4];
        for (int i = 0; i + 6 < t.size(); i++) {
            if (!dotWord(t.get(i + 1)) || octet(t.get(i)) < 0) continue;
            boolean words = false;
            int k = i;
            int n = 0;
            for (; n < 4; n++, k += 2) {
                Token piece = t.get(k);
                octets[n] = Chars.isLetter(s.at(piece.start() - 1)) ? -1 : octet(piece);
                if (octets[n] < 0) break;
                words |= piece.isWord();
                if (n == 3) break;
                if (k + 2 >= t.size() || !dotWord(t.get(k + 1)) || !spoken(s, piece, t.get(k + 1), t.get(k + 2))) {
                    break;
                }
            }
            if (n < 3 || octets[3] < 0) continue;
            Token last = t.get(k);
            if (Chars.isAlnum(s.at(last.end()))) continue;
            int start =
                    englishTensBefore(s, i) ? t.get(i - 1).start() : t.get(i).start();
            out.add(
                    IpScanner.personal(octets)
                            ? new Detection(EntityType.IP, start, last.end(), words ? 0.9 : 0.85)
                            : Detection.notPersonal(start, last.end()));
            i = k;
        }
    }

    /** 0..255 as a digit group of at most three digits, or as a German or English number word. */
    private static int octet(Token token) {
        if (token.isNumber()) return token.length() <= 3 ? Integer.parseInt(token.text()) : -1;
        String f = token.folded();
        int n = NumberWords.germanUpTo999(f);
        if (n < 0) n = NumberWords.english(f);
        return n <= 255 ? n : -1;
    }

    /** "eighty one dot …": English says a number from 21 to 99 in two words. */
    private static boolean englishTensBefore(TextScan s, int i) {
        if (i == 0) return false;
        Token tens = s.tokens.get(i - 1);
        Token ones = s.tokens.get(i);
        int n = ones.isWord() ? NumberWords.english(ones.folded()) : -1;
        return n >= 1
                && n <= 9
                && tens.isWord()
                && NumberWords.englishTens(tens.folded()) > 0
                && ones.start() - tens.end() == 1;
    }

    private static boolean dotWord(Token token) {
        return token.isWord()
                && (token.folded().equals("punkt") || token.folded().equals("dot"));
    }

    /** One space on either side of the spoken dot. */
    private static boolean spoken(TextScan s, Token before, Token dot, Token after) {
        return dot.start() - before.end() == 1
                && after.start() - dot.end() == 1
                && s.at(before.end()) == ' '
                && s.at(dot.end()) == ' ';
    }
}
