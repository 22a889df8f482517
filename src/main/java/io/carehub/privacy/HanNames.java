package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Chinese names in Han script: a common surname character and one or two given-name characters. Chinese runs words
 * together, so a name is found after a word that introduces one inside the same run ("我叫王小明", "客户刘伟", "我是陈美玲的丈夫")
 * or before a salutation ("陈美玲女士"), a run of two to four after a German or English word that announces a name ("my wife
 * 陈静"); a run of three that stands alone among Latin words ("Chen Mei Ling (陈美玲)") is a name too when it starts with
 * a surname and ends like no everyday word.
 */
final class HanNames implements Scanner {

    /** The most frequent Chinese surnames, simplified and traditional. */
    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
                    + "張劉陳楊黃趙吳許鄭謝羅葉蘇呂盧鍾譚陸賈鄒龔錢嚴湯馮鄧蔣韓孫馬";

    private static final WordSet DOUBLE_SURNAMES = WordSet.of("欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方");

    /** Words that introduce a name: "is called" ("我叫", "我老婆叫"), "I am", "name", "customer", relatives. */
    private static final List<String> BEFORE_NAME = List.of(
            "叫", "我是", "名字是", "名字", "叫做", "姓名", "客户", "客戶", "老公", "丈夫", "妻子", "太太", "老婆", "女儿", "女兒", "儿子", "兒子", "爸爸",
            "妈妈", "媽媽", "父亲", "母亲", "联系人", "聯繫人", "持有人", "户主");

    private static final List<String> SALUTATIONS = List.of("先生", "女士", "小姐");

    /** Characters that end a name: particles, pronouns, verbs and nouns of the chat. */
    private static final String STOPS = "的是在和与跟我你他她们了吗呢吧要想有也就都请先女小网电手号，。、的地得说给从到";

    /** Last characters of everyday words of three: "中国人", "手机号". */
    private static final String WORD_ENDINGS = "人国语话文号码的了吗呢费卡网机票单额天年月日期间";

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.isWord() || !isHan(token.text().charAt(0))) continue;
            String w = token.text();
            boolean found = afterIntroduction(w, token.start(), i > 0 ? t.get(i - 1) : null, out);
            found |= beforeSalutation(w, token.start(), out);
            found |= spelledOut(w, token.start(), out);
            if (!found
                    && w.length() <= 4
                    && i > 0
                    && HangulNames.announcesName(t.get(i - 1))
                    && surnameAt(w, 0) > 0
                    && w.length() > surnameAt(w, 0)) {
                out.add(new Detection(EntityType.PERSON, token.start(), token.end(), 0.9)); // "my wife 陈静"
            } else if (!found
                    && w.length() == 3
                    && alone(t, i)
                    && surnameAt(w, 0) == 1
                    && WORD_ENDINGS.indexOf(w.charAt(2)) < 0) {
                out.add(new Detection(EntityType.PERSON, token.start(), token.end(), 0.8));
            }
        }
    }

    /** "我叫王小明", or "姓名" then "王小明" as the next run. */
    private static boolean afterIntroduction(String w, int start, Token before, List<Detection> out) {
        boolean found = false;
        if (before != null && before.end() >= start - 2 && endsWithAny(before.text())) found = name(w, 0, start, out);
        for (int k = 0; k < w.length() - 1; k++) {
            for (String intro : BEFORE_NAME) {
                if (w.startsWith(intro, k)) found |= name(w, k + intro.length(), start, out);
            }
        }
        return found;
    }

    private static boolean endsWithAny(String w) {
        for (String intro : BEFORE_NAME) {
            if (w.endsWith(intro)) return true;
        }
        return false;
    }

    /** A surname at {@code k} and one or two given-name characters up to a stop: a name. */
    private static boolean name(String w, int k, int start, List<Detection> out) {
        int surname = surnameAt(w, k);
        if (surname == 0) return false;
        int end = k + surname;
        while (end < w.length() && end < k + surname + 2 && STOPS.indexOf(w.charAt(end)) < 0) end++;
        if (end == k + surname) return false;
        out.add(new Detection(EntityType.PERSON, start + k, start + end, 0.9));
        return true;
    }

    /** "what", "who", "which": "名是什么？" asks for a name. */
    private static final String QUESTION = "什谁哪啥";

    /**
     * "姓是欧阳，名是娜娜" ("the surname is …, the given name is …"): the surname and the given name each on its own,
     * as a form asks for them; only at the start of a run or after "的" ("我的姓是张"), so "网名是" (a nickname) is none.
     */
    private static boolean spelledOut(String w, int start, List<Detection> out) {
        boolean found = false;
        int p = w.indexOf("姓是");
        if (p >= 0 && (p == 0 || w.charAt(p - 1) == '的')) {
            int surname = surnameAt(w, p + 2);
            if (surname > 0 && p + 2 + surname == w.length()) {
                out.add(new Detection(EntityType.PERSON, start + p + 2, start + p + 2 + surname, 0.9));
                found = true;
            }
        }
        p = w.indexOf("名是");
        if (p >= 0
                && (p == 0 || w.charAt(p - 1) == '的')
                && p + 2 < w.length()
                && QUESTION.indexOf(w.charAt(p + 2)) < 0) {
            int end = p + 2;
            while (end < w.length() && end < p + 4 && STOPS.indexOf(w.charAt(end)) < 0) end++;
            if (end > p + 2 && end == w.length()) {
                out.add(new Detection(EntityType.PERSON, start + p + 2, start + end, 0.9));
                found = true;
            }
        }
        return found;
    }

    /** "陈美玲女士": the surname and given name before a salutation (a surname alone, "王先生", is no name). */
    private static boolean beforeSalutation(String w, int start, List<Detection> out) {
        boolean found = false;
        for (String salutation : SALUTATIONS) {
            int p = w.indexOf(salutation);
            if (p < 2) continue;
            int from = p >= 3 && surnameAt(w, p - 3) == 1 ? p - 3 : surnameAt(w, p - 2) == 1 ? p - 2 : -1;
            if (from >= 0) {
                out.add(new Detection(EntityType.PERSON, start + from, start + p, 0.9));
                found = true;
            }
        }
        return found;
    }

    private static int surnameAt(String w, int k) {
        if (k + 2 <= w.length() && DOUBLE_SURNAMES.contains(w.substring(k, k + 2))) return 2;
        return k < w.length() && SURNAMES.indexOf(w.charAt(k)) >= 0 ? 1 : 0;
    }

    /** No Han run right before or after token i: a word among Latin ones. */
    private static boolean alone(List<Token> t, int i) {
        return (i == 0 || !isHan(t.get(i - 1).text().charAt(0)))
                && (i + 1 == t.size() || !isHan(t.get(i + 1).text().charAt(0)));
    }

    static boolean isHan(char ch) {
        return ch >= '\u4E00' && ch <= '\u9FFF';
    }
}
