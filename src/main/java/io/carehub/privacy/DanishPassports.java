package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;

/**
 * A Danish passport's nine digits right after "pas" (ID_DOCUMENT): "pas nr. 207114593", "dansk pas 205581736". The
 * Danish and Norwegian word is no general document word, since it is also the French "not" and the Dutch bank card:
 * only nine digits right after it, with at most a number word between, are read as the passport's, where a customer
 * number reading would otherwise take them.
 */
final class DanishPassports implements Scanner {

    private static final Set<String> NUMBER_WORDS = Set.of("nr", "no", "nummer", "nummeret");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!t.get(i).isWord() || !t.get(i).folded().equals("pas")) continue;
            int k = i + 1;
            if (t.get(k).isWord() && NUMBER_WORDS.contains(t.get(k).folded()) && k + 1 < t.size()) k++;
            Token number = t.get(k);
            if (!number.isNumber()
                    || number.length() != 9
                    || number.start() - t.get(k - 1).end() > 3) continue;
            if (Chars.isAlnum(s.at(number.end())) || s.at(number.end()) == '-') continue;
            out.add(new Detection(EntityType.ID_DOCUMENT, number.start(), number.end(), 0.9));
        }
    }
}
