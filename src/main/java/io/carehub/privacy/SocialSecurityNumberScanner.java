package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/** German social-security numbers (OTHER_ID): twelve characters in up to five adjacent tokens ("65 170884 L 12 5"), with a valid check digit. */
final class SocialSecurityNumberScanner implements Scanner {

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        StringBuilder compact = new StringBuilder(12);
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).isNumber() || (t.get(i).length() != 2 && t.get(i).length() != 8)) continue;
            compact.setLength(0);
            int k = i;
            int prevEnd = t.get(i).start();
            while (k < t.size()
                    && k - i < 5
                    && compact.length() < 12
                    && t.get(k).start() - prevEnd <= 1) {
                compact.append(t.get(k).text());
                prevEnd = t.get(k).end();
                k++;
            }
            if (compact.length() == 12 && Checksums.socialSecurityNumber(compact)) {
                out.add(new Detection(EntityType.OTHER_ID, t.get(i).start(), prevEnd, 0.9));
                i = k - 1;
            }
        }
    }
}
