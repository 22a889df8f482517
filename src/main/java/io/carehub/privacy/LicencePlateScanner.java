package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * German licence plates (OTHER_ID), "B-AB 1234" or "M XY 12E": one to three letters, one or two letters,
 * a number without a leading zero; trusted when written in capitals with a dash or after a keyword.
 */
final class LicencePlateScanner implements Scanner {

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            Token a = t.get(i);
            if (!a.isWord()) continue;
            String text = a.text();
            boolean upper = TextScan.unchangedByUpperCase(text);
            int dash = text.indexOf('-');
            int numberIndex;
            int letters1;
            int letters2;
            if (dash > 0) {
                letters1 = dash;
                letters2 = text.length() - dash - 1;
                numberIndex = i + 1;
            } else if (i + 2 < t.size() && t.get(i + 1).isWord() && t.get(i + 1).start() - a.end() == 1) {
                letters1 = text.length();
                letters2 = t.get(i + 1).length();
                numberIndex = i + 2;
                upper = upper && TextScan.unchangedByUpperCase(t.get(i + 1).text());
            } else {
                continue;
            }
            if (letters1 < 1 || letters1 > 3 || letters2 < 1 || letters2 > 2) continue;
            Token number = t.get(numberIndex);
            int gap = number.start() - t.get(numberIndex - 1).end();
            if (!number.isNumber()
                    || number.length() > 4
                    || gap < 1
                    || gap > 1
                    || number.text().charAt(0) == '0') continue;
            if (number.end() < s.length() && Chars.isDigit(s.at(number.end() + 1)) && s.at(number.end()) == '.')
                continue;
            boolean context = Context.plateBefore(s, a.start());
            if ((upper && (dash > 0 || context)) || context) {
                int end = number.end();
                if (end < s.length() && (s.at(end) == 'E' || s.at(end) == 'H') && !Chars.isAlnum(s.at(end + 1))) end++;
                out.add(new Detection(EntityType.OTHER_ID, a.start(), end, context ? 0.9 : 0.65));
            }
        }
    }
}
