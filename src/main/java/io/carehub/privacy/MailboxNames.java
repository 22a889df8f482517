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
 * part grows to them. Only the words within 300 chars of the address are read, so the cost stays linear in the
 * text however many addresses it holds. Everyday words alone spell no name ("info service"), nor does a title or family word
 * ("oma.trude@": "Oma Trude" is Trude).
 */
final class MailboxNames {

    private static final double SCORE = 0.8;
    private static final int MAX_WORDS = 5;
    private static final int MIN_LETTERS = 6;
    /** How far from the address the name is looked for, in chars each side. */
    private static final int WINDOW = 300;

    private static final int WORD = Lexicons.STOP | Lexicons.COMMON;

    private MailboxNames() {}

    /** {@code found}: non-overlapping findings ordered by start; returns them with the spelled names. */
    static List<Detection> add(TextScan s, List<Detection> found, NotNames notNames) {
        List<int[]> spans = null;
        for (Detection d : found) {
            if (d.type() != EntityType.EMAIL) continue;
            for (String spelled : spellings(s, d)) {
                int[] span = spelledNear(s, d, spelled, notNames);
                if (span == null) continue;
                if (spans == null) spans = new ArrayList<>();
                spans.add(span);
            }
        }
        return spans == null ? found : merged(found, spans);
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

    /**
     * The first words within {@link #WINDOW} chars of the address that spell it, as {start, end}, or null: a name is
     * signed next to its address, and looking no further keeps the work per address constant.
     */
    private static int[] spelledNear(TextScan s, Detection email, String spelled, NotNames notNames) {
        List<Token> t = s.tokens;
        int last = s.tokenAtOrAfter(email.end() + WINDOW);
        for (int k = s.tokenAtOrAfter(email.start() - WINDOW); k < last; k++) {
            int end = spelledFrom(s, k, spelled, notNames);
            if (end >= 0) return new int[] {t.get(k).start(), t.get(end).end()};
        }
        return null;
    }

    /**
     * The findings with each spelled name added: a PERSON finding it overlaps grows to it, a finding of another type
     * or a name that covers it already leaves it out. One pass over both, ordered by start.
     */
    private static List<Detection> merged(List<Detection> found, List<int[]> spans) {
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Detection> result = new ArrayList<>(found.size() + spans.size());
        int f = 0;
        for (int[] span : spans) {
            while (f < found.size() && found.get(f).end() <= span[0]) result.add(found.get(f++));
            if (!result.isEmpty() && result.get(result.size() - 1).end() > span[0]) continue; // a span added before
            int from = span[0];
            int to = span[1];
            double score = SCORE;
            boolean add = true;
            int g = f;
            for (; g < found.size() && found.get(g).start() < span[1]; g++) {
                Detection d = found.get(g);
                if (d.type() != EntityType.PERSON || d.start() <= span[0] && d.end() >= span[1]) add = false;
                from = Math.min(from, d.start());
                to = Math.max(to, d.end());
                score = Math.max(score, d.score());
            }
            if (!add) continue; // the overlapping findings stay as they are
            result.add(new Detection(EntityType.PERSON, from, to, score));
            f = g;
        }
        while (f < found.size()) result.add(found.get(f++));
        return result;
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
