package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * E-mail addresses (EMAIL) written to dodge spam filters or dictated: "tobi punkt krause88 at web punkt de",
 * "m.schwarzkopf(at)freenet(dot)de", "anna.berg @ gmx.de", "lena unterstrich ko [at] posteo [dot] de". An at-mark
 * ("at", "ät", "(at)", "[at]", "@" with spaces) joins a local part and a domain whose pieces are glued by dots,
 * underscores and hyphens, written as chars or as words ("punkt", "dot", "unterstrich", "minus", …). The domain must
 * end in a known top-level domain or be a known mail provider, so "meet at home" is never an address; a lone
 * everyday word before a plain " at " ("account at web.de") is no local part either. The whole written form is one
 * span: it wins over the names inside it.
 */
final class SpelledEmailScanner implements Scanner {

    private final Lexicons lexicons;

    SpelledEmailScanner(Lexicons lexicons) {
        this.lexicons = lexicons;
    }

    private static final WordSet AT_WORDS = WordSet.of("at", "aet", "klammeraffe");
    private static final WordSet DOT_WORDS = WordSet.of("dot", "punkt", "pkt", "point", "punto", "kropka", "nokta");
    private static final WordSet UNDERSCORE_WORDS =
            WordSet.of("unterstrich", "underscore", "tiefstrich", "understrich", "underline");
    private static final WordSet HYPHEN_WORDS =
            WordSet.of("minus", "bindestrich", "strich", "hyphen", "dash", "trennstrich", "minuszeichen");

    /** Top-level domains customers' addresses end in (ambiguous words like "in", "am", "so", "to" left out). */
    private static final WordSet TLDS = WordSet.of(
            "de", "com", "net", "org", "eu", "at", "ch", "nl", "pl", "it", "fr", "es", "uk", "io", "info", "biz", "me",
            "tr", "ru", "ua", "be", "dk", "se", "fi", "cz", "sk", "hu", "ro", "bg", "gr", "pt", "ie", "lu", "li", "us",
            "ca", "au", "nz", "hr", "rs", "ba", "si", "lt", "lv", "ee", "by", "kz", "ir", "ma", "tn", "eg", "vn", "cn",
            "jp", "kr", "br", "mx", "ar", "edu", "gov", "mil", "online", "email", "mail", "xyz", "app", "dev", "tv",
            "cc", "co", "ac");

    /** Mail providers an address may be given by without its top-level domain ("anna at gmx"). */
    static final WordSet PROVIDERS = WordSet.of(
            "gmx",
            "web",
            "gmail",
            "googlemail",
            "yahoo",
            "outlook",
            "hotmail",
            "t-online",
            "freenet",
            "icloud",
            "posteo",
            "mailbox",
            "aol",
            "live",
            "proton",
            "protonmail",
            "arcor",
            "yandex",
            "msn",
            "tutanota",
            "mailde");

    private enum Glue {
        TOUCH,
        DOT,
        UNDERSCORE,
        HYPHEN,
        PLUS,
        SPACE,
        BREAK
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            Token w = t.get(i);
            if (i > 0 && w.isWord() && atMark(s, w)) {
                boolean bracketed = s.at(w.start() - 1) != ' ';
                if (wordBetween(s, i))
                    add(s, i - 1, i + 1, bracketed || w.folded().length() > 3, out);
            } else if (atSignBetween(s, w.end(), t.get(i + 1).start())) {
                add(s, i, i + 1, true, out);
            }
        }
    }

    /** "at", "ät", "Klammeraffe", and "a" in brackets ("anna.berg(a)gmx.de"). */
    private static boolean atMark(TextScan s, Token w) {
        int n = w.length();
        if (n == 1) return (s.at(w.start()) | 0x20) == 'a' && s.at(w.start() - 1) == '(';
        return (n == 2 || n == 11) && AT_WORDS.has(w);
    }

    /** Local part ending at token {@code left}, domain from token {@code right}. */
    private void add(TextScan s, int left, int right, boolean strong, List<Detection> out) {
        List<Token> t = s.tokens;
        int first = left;
        boolean glued = false;
        for (int atoms = 0; atoms < 12; atoms++) {
            while (first > 0 && glue(s, first - 1) == Glue.TOUCH) first--;
            if (first == 0) break;
            Glue g = glue(s, first - 1);
            if (g == Glue.DOT || g == Glue.UNDERSCORE || g == Glue.HYPHEN || g == Glue.PLUS || spelled(s, first - 1)) {
                first--;
                glued = true;
            } else if (first >= 2 && sepWordBetween(s, first - 1) != Glue.BREAK) {
                first -= 2;
                glued = true;
            } else {
                break;
            }
        }
        int end = domainEnd(
                s, right, strong || glued || mailWordBefore(s, t.get(first).start()));
        if (end < 0) return;
        if (!strong && !glued && first == left && everyday(t.get(left))) return;
        out.add(new Detection(EntityType.EMAIL, t.get(first).start(), end, 0.98));
    }

    /** "account at web.de", "I'm at work.it": a lone everyday word is no local part. */
    private boolean everyday(Token token) {
        String f = token.folded();
        return token.isWord() && (lexicons.isCommon(f) || lexicons.isOrdinary(f) || f.indexOf('\'') >= 0);
    }

    /**
     * The end of the domain starting at token {@code k}: the furthest label that is a top-level domain after a dot,
     * or, failing that and when {@code providerAlone} is allowed, the first label when it is a mail provider.
     */
    private static int domainEnd(TextScan s, int k, boolean providerAlone) {
        List<Token> t = s.tokens;
        int end = -1;
        int j = k;
        for (int labels = 0; labels < 8; labels++) {
            int labelStart = j;
            while (true) { // one label: pieces touching or joined by hyphens ("t-online", "mein minus shop")
                if (j + 1 < t.size() && (glue(s, j) == Glue.TOUCH || glue(s, j) == Glue.HYPHEN || spelled(s, j))) j++;
                else if (j + 2 < t.size() && sepWordBetween(s, j + 1) == Glue.HYPHEN) j += 2;
                else break;
            }
            Token last = t.get(j);
            if (labels == 0 && PROVIDERS.contains(label(s, labelStart, j))) {
                if (j + 1 < t.size() && glue(s, j) == Glue.SPACE && tld(t.get(j + 1))) {
                    return t.get(j + 1).end(); // "anna at web de": a provider's dot not said
                }
                if (providerAlone) end = last.end();
            }
            if (labels > 0 && (labelStart == j ? tld(last) : TLDS.contains(label(s, labelStart, j)))) end = last.end();
            if (j + 1 >= t.size()) break;
            if (glue(s, j) == Glue.DOT) j++;
            else if (j + 2 < t.size() && sepWordBetween(s, j + 1) == Glue.DOT) j += 2;
            else break;
        }
        return end;
    }

    private static boolean tld(Token token) {
        return token.isWord() && TLDS.has(token);
    }

    private static String label(TextScan s, int from, int to) {
        if (from == to) return s.tokens.get(from).folded();
        return Folding.fold(s.cleaned()
                .substring(s.tokens.get(from).start(), s.tokens.get(to).end())
                .replace(" ", "")); // "g m x", spelled letter by letter
    }

    /** Tokens k and k+1 are letters spelled one by one: "f r a n z punkt h u b e r at g m x punkt net". */
    private static boolean spelled(TextScan s, int k) {
        Token a = s.tokens.get(k);
        Token b = s.tokens.get(k + 1);
        return a.length() == 1
                && b.length() == 1
                && a.isWord()
                && b.isWord()
                && b.start() - a.end() == 1
                && s.at(a.end()) == ' ';
    }

    /** The glue between tokens k and k+1 when written as chars. */
    private static Glue glue(TextScan s, int k) {
        int from = s.tokens.get(k).end();
        int to = s.tokens.get(k + 1).start();
        if (to == from) return Glue.TOUCH;
        if (to - from == 1) {
            return switch (s.at(from)) {
                case '.' -> Glue.DOT;
                case '_' -> Glue.UNDERSCORE;
                case '-' -> Glue.HYPHEN;
                case '+' -> Glue.PLUS;
                case ' ' -> Glue.SPACE;
                default -> Glue.BREAK;
            };
        }
        // " . " and " _ ": a spaced char only when spaced on both sides ("Anna. anna" is a sentence's end)
        if (to - from == 3 && s.at(from) == ' ' && s.at(from + 2) == ' ') {
            char ch = s.at(from + 1);
            if (ch == '.') return Glue.DOT;
            if (ch == '_') return Glue.UNDERSCORE;
        }
        return s.onlyBetween(from, to, "") && to - from <= 2 ? Glue.SPACE : Glue.BREAK;
    }

    /** Whether token k is a glue word ("punkt", "(dot)") between tokens k-1 and k+1, and which glue it spells. */
    private static Glue sepWordBetween(TextScan s, int k) {
        Token w = s.tokens.get(k);
        if (k == 0 || k + 1 >= s.tokens.size() || !w.isWord()) return Glue.BREAK;
        String f = w.folded();
        Glue g = DOT_WORDS.contains(f)
                ? Glue.DOT
                : UNDERSCORE_WORDS.contains(f) ? Glue.UNDERSCORE : HYPHEN_WORDS.contains(f) ? Glue.HYPHEN : Glue.BREAK;
        return g != Glue.BREAK && wordBetween(s, k) ? g : Glue.BREAK;
    }

    /** Token k stands between its neighbours on its own: spaces on both sides, or one pair of brackets around it. */
    private static boolean wordBetween(TextScan s, int k) {
        List<Token> t = s.tokens;
        int from = t.get(k - 1).end();
        int start = t.get(k).start();
        int end = t.get(k).end();
        int to = t.get(k + 1).start();
        if (start - from > 3 || to - end > 3) return false;
        String before = s.cleaned().substring(from, start).strip();
        String after = s.cleaned().substring(end, to).strip();
        if (before.isEmpty() && after.isEmpty()) return start > from && to > end;
        return before.length() == 1
                && after.length() == 1
                && "([{<".indexOf(before.charAt(0)) == ")]}>".indexOf(after.charAt(0))
                && "([{<".indexOf(before.charAt(0)) >= 0;
    }

    /** "anna.berg @ gmx.de", "anna @gmx punkt de": an '@' between two tokens, spaces allowed around it. */
    private static boolean atSignBetween(TextScan s, int from, int to) {
        if (to - from > 5) return false;
        int at = -1;
        for (int i = from; i < to; i++) {
            char ch = s.at(i);
            if (ch == '@' && at < 0) at = i;
            else if (ch != ' ') return false;
        }
        return at >= 0;
    }

    private static boolean mailWordBefore(TextScan s, int pos) {
        return Context.anyBefore(s, pos, 6, 50, w -> w.contains("mail") || w.equals("adresse") || w.equals("address"));
    }
}
