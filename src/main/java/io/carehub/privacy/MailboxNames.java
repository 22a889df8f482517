package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's e-mail address often spells their name, and the words that spell it again are that name, in any
 * case and with any particles: "noura el-amrani … noura.elamrani@gmail.com", "finja ter horst
 * finja.terhorst@stud.uni-goettingen.de", "Youssouf Diabaté … youssouf.diabate75@gmail.com". Two to five words in a
 * row whose letters, folded ("é" is "e", "ü" is "ue") and joined, equal the local part's letters (digits and
 * separators dropped), in its order or with its two parts swapped ("chen xiaoling"), are one name; a name found in
 * part grows to them. Everyday words alone spell no name ("info service"), nor does a title or family word
 * ("oma.trude@": "Oma Trude" is Trude). Linear in the text for each address: each
 * start is tried against one string.
 */
final class MailboxNames {

    private static final double SCORE = 0.8;
    private static final int MAX_WORDS = 5;
    private static final int MIN_LETTERS = 6;
    private static final int WORD = Lexicons.STOP | Lexicons.COMMON;

    private MailboxNames() {}

    /** {@code found}: non-overlapping findings ordered by start; returns them with the spelled names. */
    static List<Detection> add(TextScan s, List<Detection> found, NotNames notNames) {
        List<Detection> result = found;
        for (Detection d : found) {
            if (d.type() != EntityType.EMAIL) continue;
            for (String spelled : spellings(s, d)) result = addSpelled(s, result, spelled, notNames);
        }
        return result;
    }

    /** The local part's letters folded and joined, and with its two parts swapped; empty if too short. */
    private static List<String> spellings(TextScan s, Detection email) {
        int at = s.text.indexOf('@', email.start());
        if (at < 0 || at >= email.end()) return List.of();
        List<String> parts = new ArrayList<>();
        int i = email.start();
        while (i < at) {
            while (i < at && !Character.isLetter(s.c[i])) i++;
            int from = i;
            while (i < at && Character.isLetter(s.c[i])) i++;
            if (i > from) parts.add(Folding.fold(s.text.substring(from, i)));
        }
        String joined = String.join("", parts);
        if (parts.size() < 2 || joined.length() < MIN_LETTERS) return List.of();
        if (parts.size() != 2) return List.of(joined);
        return List.of(joined, parts.get(1) + parts.get(0));
    }

    private static List<Detection> addSpelled(TextScan s, List<Detection> found, String spelled, NotNames notNames) {
        List<Token> t = s.tokens;
        for (int k = 0; k < t.size(); k++) {
            int end = spelledFrom(s, k, spelled, notNames);
            if (end < 0) continue;
            int start = t.get(k).start();
            int spanEnd = t.get(end).end();
            List<Detection> result = new ArrayList<>(found.size() + 1);
            int from = start;
            int to = spanEnd;
            double score = SCORE;
            for (Detection d : found) {
                boolean overlaps = d.start() < spanEnd && d.end() > start;
                if (!overlaps) continue;
                if (d.type() != EntityType.PERSON) return found; // the words are something else
                if (d.start() <= start && d.end() >= spanEnd) return found; // found whole already
                from = Math.min(from, d.start());
                to = Math.max(to, d.end());
                score = Math.max(score, d.score());
            }
            for (Detection d : found) {
                if (d.start() < to && d.end() > from) continue;
                result.add(d);
            }
            result.add(new Detection(EntityType.PERSON, from, to, score));
            result.sort((a, b) -> Integer.compare(a.start(), b.start()));
            return result;
        }
        return found;
    }

    /** The last token of 2–5 words from token k that spell {@code spelled} exactly, or -1. */
    private static int spelledFrom(TextScan s, int k, String spelled, NotNames notNames) {
        List<Token> t = s.tokens;
        Token first = t.get(k);
        if (!first.isWord() || !spelled.startsWith(letters(first.folded()))) return -1;
        int matched = 0;
        boolean name = false;
        for (int j = k; j < t.size() && j < k + MAX_WORDS; j++) {
            Token token = t.get(j);
            if (!token.isWord() || notNames.listed(token)) return -1; // "oma.trude@": "Oma" is no part of a name
            if (j > k && !s.onlyBetween(t.get(j - 1).end(), token.start(), "-")) return -1;
            String letters = letters(token.folded());
            if (!spelled.startsWith(letters, matched)) return -1;
            matched += letters.length();
            name |= (token.lexicon() & WORD) == 0;
            if (matched == spelled.length()) return j > k && name ? j : -1;
        }
        return -1;
    }

    /** A folded word without its hyphens and apostrophes: "el-amrani" is "elamrani". */
    private static String letters(String folded) {
        if (folded.indexOf('-') < 0 && folded.indexOf('\'') < 0) return folded;
        return folded.replace("-", "").replace("'", "");
    }
}
