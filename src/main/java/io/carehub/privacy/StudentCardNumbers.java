package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * "Mein Studierendenausweis hat die Nummer 2309117 (= Matrikel)": a matriculation number named by the student card
 * before it or by "Matrikel" right after it (OTHER_ID); {@link OtherIdRule} takes the ones after "Matrikelnummer".
 */
final class StudentCardNumbers implements Scanner {

    static final double SCORE = 0.9;

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        Boolean student = null; // a student card or "Matrikel" anywhere: asked once, at the first candidate
        for (int i = 0; i < t.size(); i++) {
            Token number = t.get(i);
            if (!number.isNumber() || number.length() < 5 || number.length() > 10) continue;
            if (Chars.isAlnum(s.at(number.start() - 1)) || Chars.isAlnum(s.at(number.end()))) continue;
            if (s.at(number.start() - 1) == '.' || s.at(number.end()) == '.' && Chars.isDigit(s.at(number.end() + 1)))
                continue;
            if (student == null) student = IdentityWords.cueInMessage(s, "student");
            if (!student || DigitRunRule.notPersonalBefore(s, number.start()))
                continue; // "Bestellung 4471902 (Matrikel-Rabatt)"
            boolean named = Context.anyBefore(s, number.start(), 6, 60, w -> IdentityWords.cue("student", w))
                    || Context.anyAfter(s, number.end(), 3, 20, StudentCardNumbers::matriculation);
            if (named) out.add(new Detection(EntityType.OTHER_ID, number.start(), number.end(), SCORE));
        }
    }

    /** "(= Matrikel)", "Matrikelnummer": not "Matrikel-Rabatt". */
    private static boolean matriculation(String w) {
        return w.equals("matrikel") || w.startsWith("matrikelnummer") || w.startsWith("matrikelnr");
    }
}
