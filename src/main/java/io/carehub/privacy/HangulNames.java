package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Korean names in Hangul: a common surname syllable and a given name of two ("이서연", "김민준"), with the particles
 * Korean glues onto a word taken off ("박지연입니다", "김하은이", "김민준씨"). Many everyday words start with a
 * surname's syllable too (이름, 이메일, 인터넷, 안녕하세요), so a name is only taken in a name's context: after a word
 * for a name or a relative ("제 이름은 …", "남편 …", "딸 …"), as the end of a self-introduction ("저는 …입니다"), before
 * an honorific or "in the name of" ("… 씨", "… 명의"), before its romanization in brackets ("이서연 (Lee Seo-yeon)"), or
 * after a German or English word that announces a name ("mein Name ist …", "my wife …").
 */
final class HangulNames implements Scanner {

    /** The hundred or so most frequent Korean surnames: one syllable, and the few of two. */
    private static final String SURNAMES =
            "김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉";

    private static final WordSet DOUBLE_SURNAMES = WordSet.of("남궁", "황보", "제갈", "선우", "독고", "사공", "서문");

    /** Words after which the next word names someone: name words, relatives, roles of a contract. */
    private static final WordSet BEFORE_NAME = WordSet.of(
            "이름", "이름은", "이름이", "성함", "성함은", "성함이", "성명", "남편", "아내", "부인", "와이프", "딸", "아들", "어머니", "엄마", "아버지", "아빠",
            "언니", "오빠", "누나", "동생", "남동생", "여동생", "할머니", "할아버지", "손자", "손녀", "친구", "고객", "고객명", "가입자", "명의자", "예약자",
            "신청자", "신청인", "보호자", "대표", "대표자", "담당자", "자녀", "아이");

    /** A self-introduction: "저는 박지연입니다". */
    private static final WordSet SELF = WordSet.of("저는", "나는", "저", "전", "난", "제가", "내가");

    /** Endings of a self-introduction, longest first. */
    private static final List<String> INTRO_ENDINGS =
            List.of("입니다만", "입니다", "이에요", "이예요", "이라고", "예요", "이고요", "이고", "라고");

    /** Honorifics after a name: only a person's name takes "씨". */
    private static final List<String> HONORIFIC_ENDINGS =
            List.of("씨에게", "씨한테", "씨가", "씨는", "씨를", "씨의", "씨도", "씨", "님이", "님은", "님의", "님께", "님");

    /** Particles glued onto a name after a relative or name word, longest first. */
    private static final List<String> PARTICLES =
            List.of("에게", "한테", "하고", "이랑", "께서", "은", "는", "이", "가", "을", "를", "의", "도", "와", "과", "랑");

    /** Last syllables of a word of three that say "a word of two and its particle", seldom a given name's end. */
    private static final String NOT_NAME_ENDINGS = "을를의도가는와과에로서";

    /** Words after a name. */
    private static final WordSet AFTER_NAME =
            WordSet.of("씨", "님", "명의", "명의로", "명의의", "명의로된", "고객", "고객님", "입니다", "이에요", "예요");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.isWord() || !isHangul(token.text().charAt(0))) continue;
            int length = nameLength(s, i);
            if (length > 0) {
                out.add(new Detection(EntityType.PERSON, token.start(), token.start() + length, 0.9));
            }
        }
    }

    /** The length of the name token i starts with in a name's context, or 0. */
    private static int nameLength(TextScan s, int i) {
        List<Token> t = s.tokens;
        String w = t.get(i).text();
        int surname = surnameLength(w);
        if (surname == 0) return 0;
        String before = i > 0 && t.get(i - 1).isWord() ? t.get(i - 1).text() : "";
        int honorific = coreBefore(w, HONORIFIC_ENDINGS, surname);
        if (honorific > 0) return honorific;
        if (SELF.contains(before)) return coreBefore(w, INTRO_ENDINGS, surname);
        boolean context = BEFORE_NAME.contains(before)
                || i > 0 && announcesName(t.get(i - 1))
                || i + 1 < t.size() && AFTER_NAME.contains(t.get(i + 1).text())
                || romanizedNext(s, t.get(i).end());
        if (!context) return 0;
        int intro = coreBefore(w, INTRO_ENDINGS, surname);
        if (intro > 0) return intro;
        if (w.length() == surname + 2 && NOT_NAME_ENDINGS.indexOf(w.charAt(w.length() - 1)) < 0) return w.length();
        return coreBefore(w, PARTICLES, surname);
    }

    /** The length of a given name of two before one of {@code endings} at the end of {@code w}, or 0. */
    private static int coreBefore(String w, List<String> endings, int surname) {
        for (String ending : endings) {
            if (w.endsWith(ending) && w.length() - ending.length() == surname + 2) return surname + 2;
        }
        return 0;
    }

    /** German and English words before a name: "mein Name ist", "my wife", "Kontoinhaber", "Frau". */
    private static final WordSet LATIN_BEFORE_NAME = WordSet.of(
            "name", "namens", "heisse", "heisst", "called", "named", "herr", "herrn", "frau", "mr", "mrs", "ms");

    /** A German or English word that announces a name, before a name in another script. */
    static boolean announcesName(Token before) {
        String f = before.folded();
        return before.isWord()
                && f.charAt(0) < 0x80
                && (LATIN_BEFORE_NAME.contains(f) || NameTriggers.announcesName(f));
    }

    /** 2 for a surname of two syllables, 1 for one of the common ones, 0 for none; the word is Hangul throughout. */
    private static int surnameLength(String w) {
        if (w.length() < 3 || w.length() > 8) return 0;
        for (int k = 0; k < w.length(); k++) {
            if (!isHangul(w.charAt(k))) return 0;
        }
        if (w.length() >= 4 && DOUBLE_SURNAMES.contains(w.substring(0, 2))) return 2;
        return SURNAMES.indexOf(w.charAt(0)) >= 0 ? 1 : 0;
    }

    /** "이서연 (Lee Seo-yeon)", "김하늘 = Kim Ha-neul": the name's romanization right after it. */
    private static boolean romanizedNext(TextScan s, int end) {
        int k = end;
        while (k < s.length() && s.at(k) == ' ') k++;
        if (s.at(k) != '(' && s.at(k) != '=') return false;
        k++;
        while (k < s.length() && s.at(k) == ' ') k++;
        return s.at(k) < 0x80 && Character.isUpperCase(s.at(k));
    }

    static boolean isHangul(char ch) {
        return ch >= '\uAC00' && ch <= '\uD7A3';
    }
}
