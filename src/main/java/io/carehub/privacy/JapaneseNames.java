package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;

/**
 * Japanese names in kanji. Japanese glues particles onto words and puts no space between them, so a name is the run
 * of kanji that a self-introduction ends ("佐藤 花子と申します", "山田太郎といいます"), that follows a word for "name"
 * ("私の名前は鈴木 一郎です", "氏名：高橋健"), or that starts with a common surname and stands alone: as a message's
 * signature after its last sentence ("…です。小林健太"), or as surname and given name with a space between ("山本 陽子"
 * among Latin words). A run ends at the first kana (a particle: は, の, と, です) or at punctuation. Linear: each
 * word is looked at once, with its neighbours.
 */
final class JapaneseNames implements Scanner {

    /** The most frequent Japanese surnames. */
    private static final Set<String> SURNAMES = Set.of(
            "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "渡邊", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村",
            "斎藤", "斉藤", "清水", "山崎", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤",
            "村上", "遠藤", "青木", "坂本", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田", "中川", "松田", "竹内", "小野",
            "田村", "中山", "和田", "石田", "森田", "上田", "柴田", "酒井", "工藤", "横山", "宮崎", "宮本", "内田", "高木", "安藤", "島田", "谷口", "大野",
            "丸山", "今井", "高田", "藤本", "河野", "小島", "村田", "武田", "山内", "上野", "杉山", "増田", "小山", "大塚", "平野", "菅原", "久保", "松井",
            "千葉", "岩崎", "桜井", "木下", "野口", "松尾", "菊地", "野村", "新井", "渡部", "佐野", "大西", "杉本", "浜田", "菅野", "市川", "水野", "小松",
            "島崎", "北村", "安田", "中田");

    /** Endings of a self-introduction: "…と申します" ("my name is …"), "…といいます". */
    private static final List<String> INTRODUCTIONS = List.of("と申します", "と申し", "といいます", "と言います", "と申");

    /** "name is": "私の名前は…", "氏名は…". */
    private static final List<String> NAME_IS = List.of("名前は", "氏名は");

    /** Words for "name" before a colon or a space and the name: "氏名：高橋健", "名前 鈴木一郎". */
    private static final List<String> NAME_WORDS = List.of("名前", "氏名");

    /** Japanese honorifics written after a name in Latin letters. */
    private static final List<String> HONORIFICS = List.of("-san", "-sama", "-sensei", "-kun", "-chan");

    private static final SuffixList HONORIFIC_ENDINGS = new SuffixList(HONORIFICS);

    /** Last kanji of words that name places and things, not people: "中野区", "中山路". */
    private static final String NOT_NAME_ENDINGS = "区市県町村駅都府道郡路街号室店線園";

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.isWord()) continue;
            if (!Chars.eastAsian(token.text().charAt(0))) {
                honorific(token, out);
            } else if (!introduced(s, i, out) && !afterNameWord(s, i, out)) {
                surnameFirst(s, i, out);
            }
        }
    }

    /** "Tanaka-san", "Suzuki-sensei": a capitalized Latin word with a Japanese honorific is a name. */
    private static void honorific(Token token, List<Detection> out) {
        if (!token.capitalized()) return;
        String f = token.folded();
        if (!HONORIFIC_ENDINGS.endsWithAny(f, 2)) return;
        for (String suffix : HONORIFICS) {
            if (f.endsWith(suffix) && f.length() > suffix.length() + 1) {
                out.add(new Detection(EntityType.PERSON, token.start(), token.end() - suffix.length(), 0.9));
                return;
            }
        }
    }

    /** "佐藤 花子と申します": the kanji before the introduction's ending, and a short kanji word before them. */
    private static boolean introduced(TextScan s, int i, List<Detection> out) {
        Token token = s.tokens.get(i);
        String w = token.text();
        for (String ending : INTRODUCTIONS) {
            int p = w.indexOf(ending);
            if (p <= 0) continue;
            int from = p;
            while (from > 0 && kanji(w.charAt(from - 1))) from--;
            if (from == p || p - from > 4) return false;
            int start = token.start() + from;
            if (from == 0 && i > 0 && kanjiWordBefore(s, i))
                start = s.tokens.get(i - 1).start();
            out.add(new Detection(EntityType.PERSON, start, token.start() + p, 0.9));
            return true;
        }
        return false;
    }

    /** "私の名前は鈴木 一郎です", "氏名：高橋健": the kanji after the word for "name", with a second kanji word. */
    private static boolean afterNameWord(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        Token token = t.get(i);
        String w = token.text();
        for (String word : NAME_IS) {
            int p = w.indexOf(word);
            if (p >= 0 && p + word.length() < w.length()) return name(s, i, p + word.length(), out);
        }
        for (String word : NAME_WORDS) {
            if (w.endsWith(word) && i + 1 < t.size() && separatedByColonOrSpace(s, token, t.get(i + 1))) {
                return name(s, i + 1, 0, out);
            }
        }
        return false;
    }

    private static boolean separatedByColonOrSpace(TextScan s, Token a, Token b) {
        return b.start() - a.end() <= 2 && s.onlyBetween(a.end(), b.start(), ":： \u3000");
    }

    /** The kanji run of token i from {@code from}, with the next short kanji word after one space: a name. */
    private static boolean name(TextScan s, int i, int from, List<Detection> out) {
        List<Token> t = s.tokens;
        Token token = t.get(i);
        String w = token.text();
        int end = from;
        while (end < w.length() && kanji(w.charAt(end))) end++;
        if (end - from < 1 || end - from > 4) return false;
        int last = token.start() + end;
        if (end == w.length() && i + 1 < t.size() && oneSpaceBefore(s, t.get(i + 1))) {
            int given = kanjiPrefix(t.get(i + 1).text());
            if (given >= 1 && given <= 3) last = t.get(i + 1).start() + given;
        }
        if (last - (token.start() + from) < 2) return false;
        out.add(new Detection(EntityType.PERSON, token.start() + from, last, 0.9));
        return true;
    }

    /**
     * "山本 陽子": a common surname alone and a short kanji word after one space; "…です。小林健太": a common surname
     * and one to three kanji, a word of kanji only that stands alone.
     */
    private static void surnameFirst(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        Token token = t.get(i);
        String w = token.text();
        if (kanjiPrefix(w) != w.length()) return;
        if (SURNAMES.contains(w) && i + 1 < t.size() && oneSpaceBefore(s, t.get(i + 1))) {
            int given = kanjiPrefix(t.get(i + 1).text());
            if (given >= 1 && given <= 3 && !SURNAMES.contains(t.get(i + 1).text())) {
                out.add(new Detection(
                        EntityType.PERSON, token.start(), t.get(i + 1).start() + given, 0.9));
            }
            return;
        }
        int surname = surnameLength(w);
        if (surname > 0
                && w.length() - surname >= 1
                && w.length() - surname <= 3
                && NOT_NAME_ENDINGS.indexOf(w.charAt(w.length() - 1)) < 0
                && alone(s, i)) {
            out.add(new Detection(EntityType.PERSON, token.start(), token.end(), 0.8));
        }
    }

    private static int surnameLength(String w) {
        if (w.length() >= 4 && SURNAMES.contains(w.substring(0, 3))) return 3;
        return w.length() >= 3 && SURNAMES.contains(w.substring(0, 2)) ? 2 : 0;
    }

    /** No word glued to it: a sentence's end, a bracket, a comma or the message's edge on both sides. */
    private static boolean alone(TextScan s, int i) {
        Token token = s.tokens.get(i);
        char before = token.start() == 0 ? '。' : s.at(token.start() - 1);
        char after = token.end() == s.length() ? '。' : s.at(token.end());
        return "。、，,.!！ \n（(".indexOf(before) >= 0 && "。、，,.!！ \n）)".indexOf(after) >= 0;
    }

    /** "田中 美咲と申します": a word of one to three kanji, one space before the token. */
    private static boolean kanjiWordBefore(TextScan s, int i) {
        Token before = s.tokens.get(i - 1);
        return before.isWord()
                && before.length() <= 3
                && kanjiPrefix(before.text()) == before.length()
                && oneSpaceBefore(s, s.tokens.get(i)); // the space between the two
    }

    private static boolean oneSpaceBefore(TextScan s, Token next) {
        int k = next.start() - 1;
        return k > 0 && (s.at(k) == ' ' || s.at(k) == '\u3000') && Chars.isLetter(s.at(k - 1));
    }

    private static int kanjiPrefix(String w) {
        int k = 0;
        while (k < w.length() && kanji(w.charAt(k))) k++;
        return k;
    }

    static boolean kanji(char ch) {
        return ch >= '\u4E00' && ch <= '\u9FFF' || ch == '々';
    }

    private static boolean kana(String w) {
        for (int k = 0; k < w.length(); k++) {
            char ch = w.charAt(k);
            if (ch >= '\u3040' && ch <= '\u30FF') return true;
        }
        return false;
    }
}
