package io.carehub.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * A second spelling of a name in brackets right after it is the same person's name: "Kajan Ratnasingam (auch Kajan
 * Rathnasingham)", "Nour Al-Masri (Nur Almasri)", "Abdulrahman (im Ausweis Abdul Rahman)", "Li Na (李娜)". Inside the
 * brackets, after at most two lead-in words ("auch", "im Ausweis", "aka", "geb."), up to four capitalized words or one
 * run of letters of a script without capitals (Chinese, Arabic …) up to the closing bracket. Linear: it looks only at
 * the text after each name.
 */
final class AliasNames {

    private static final double SCORE = 0.7;
    private static final int MAX_WORDS = 4;
    private static final int MAX_LEAD_IN = 2;

    /** Words that introduce the other spelling. */
    private static final WordSet LEAD_INS = WordSet.of(
            "auch",
            "aka",
            "alias",
            "also",
            "or",
            "oder",
            "bzw",
            "im",
            "in",
            "ausweis",
            "pass",
            "reisepass",
            "passport",
            "geb",
            "geborene",
            "geborener",
            "nee",
            "née",
            "formerly",
            "früher",
            "frueher",
            "spelled",
            "geschrieben",
            "written",
            "sonst",
            "eigentlich",
            "original",
            "arabisch",
            "arabic",
            "chinesisch",
            "chinese",
            "kyrillisch",
            "cyrillic");

    private AliasNames() {}

    static List<Detection> add(TextScan s, List<Detection> found) {
        List<Detection> result = null; // a copy, made at the first alias
        for (int d = 0; d < (result == null ? found : result).size(); d++) {
            List<Detection> list = result == null ? found : result;
            Detection name = list.get(d);
            if (name.type() != EntityType.PERSON) continue;
            int open = name.end();
            while (open < s.length() && s.at(open) == ' ' && open - name.end() < 2) open++;
            if (s.at(open) != '(') continue;
            int close = closing(s, open + 1);
            if (close < 0) continue;
            // names already found inside the brackets ("(Nur Almasri)" as "Almasri") give way to the whole spelling
            int next = d + 1;
            while (next < list.size()
                    && list.get(next).end() <= close
                    && list.get(next).type() == EntityType.PERSON) next++;
            if (next < list.size() && list.get(next).start() < close) continue;
            int start = aliasStart(s, open + 1, close);
            if (start < 0) continue;
            if (result == null) result = new ArrayList<>(found);
            result.subList(d + 1, next).clear();
            result.add(d + 1, new Detection(EntityType.PERSON, start, close, SCORE));
            d++;
        }
        return result == null ? found : result;
    }

    /** The closing bracket within 60 chars, or -1. */
    private static int closing(TextScan s, int from) {
        for (int k = from; k < s.length() && k - from <= 60; k++) {
            char ch = s.at(k);
            if (ch == ')') return k;
            if (ch == '(' || ch == '\n') return -1;
        }
        return -1;
    }

    /** Where the other spelling starts inside the brackets, or -1 when the brackets hold something else. */
    private static int aliasStart(TextScan s, int from, int close) {
        String inside = new String(s.c, from, close - from).strip();
        if (inside.isEmpty()) return -1;
        int offset = from + new String(s.c, from, close - from).indexOf(inside.charAt(0));
        String[] words = inside.split("[ \\u00a0]+");
        int lead = 0;
        while (lead < words.length - 1
                && lead < MAX_LEAD_IN
                && LEAD_INS.contains(Folding.fold(words[lead].replace(".", "").replace(":", "")))) lead++;
        int names = words.length - lead;
        if (names < 1 || names > MAX_WORDS) return -1;
        Lexicons lex = Lexicons.get();
        boolean nameLike = false;
        for (int w = lead; w < words.length; w++) {
            if (!nameWord(words[w])) return -1;
            String folded = Folding.fold(words[w]);
            boolean caseless = !Character.isUpperCase(words[w].codePointAt(0));
            nameLike |= caseless || lex.isName(folded) || names > 1 && !lex.isCommon(folded);
        }
        // "(Hausmeister)", "(Kundendienst)": a word in brackets that is no name says what the person is, not who
        if (!nameLike) return -1;
        int pos = 0;
        for (int w = 0; w < lead; w++) pos = inside.indexOf(words[w], pos) + words[w].length();
        return offset + inside.indexOf(words[lead], pos);
    }

    /** A capitalized word of letters (hyphens and apostrophes inside), or a word of a script without capitals. */
    private static boolean nameWord(String word) {
        if (word.length() < 2 && !Character.isIdeographic(word.codePointAt(0))) return false;
        int first = word.codePointAt(0);
        boolean caseless = Character.isLetter(first) && !Character.isUpperCase(first) && !Character.isLowerCase(first);
        if (!Character.isUpperCase(first) && !caseless) return false;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (!Character.isLetter(ch) && ch != '-' && ch != '\'') return false;
        }
        return true;
    }
}
