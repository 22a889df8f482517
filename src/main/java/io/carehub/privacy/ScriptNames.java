package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Names written in Arabic, Persian or Cyrillic script: beside the same name in Latin letters ("Mariam Haddad, auf
 * Arabisch مريم حداد", "أحمد الخطيب (Ahmad Al-Khatib)", "Эдуард Шмидт (Eduard Schmidt)"), or after a word that
 * introduces a name ("اسمه …", "أنا …", "я …", "дочь …"). Arabic script has no capitals, so a name is at most three
 * words and stops at a function word; a Cyrillic name is one or two capitalized words. Linear: it looks only at the
 * tokens next to each name and each introducing word.
 */
final class ScriptNames {

    private static final double SCORE = 0.6;
    private static final int MAX_WORDS = 3;
    /** Words that are no part of an Arabic-script name: pronouns, "name", particles, Persian copulas. */
    private static final WordSet ARABIC_FUNCTION = WordSet.of(
            "أنا", "انا", "اسمي", "اسمه", "اسمها", "اسمش", "اسم", "من", "في", "على", "و", "هو", "هي", "يا", "است",
            "هستم", "هست", "أبي", "ابي", "أمي", "امي", "پدرم", "مادرم", "شماره", "رقم", "واسمي", "واسمه", "واسمها");
    /** "my/his/her name (is)", also with "and" before it. */
    private static final WordSet ARABIC_NAME_WORDS =
            WordSet.of("اسمي", "اسمه", "اسمها", "اسمش", "واسمي", "واسمه", "واسمها");
    /** "I am": a name only when it ends the sentence or a Latin word, bracket or dash follows it. */
    private static final WordSet ARABIC_I = WordSet.of("أنا", "انا");

    private static final WordSet CYRILLIC_INTRO = WordSet.of(
            "я",
            "зовут",
            "сын",
            "сына",
            "дочь",
            "дочка",
            "мама",
            "мамы",
            "папа",
            "папы",
            "муж",
            "жена",
            "брат",
            "сестра",
            "син",
            "донька",
            "мене",
            "семья",
            "семьи",
            "родина",
            "по-русски",
            "по-украински",
            "по-українськи");
    /**
     * Words after which a name in Latin letters follows in a Cyrillic message: "name" ("имя Andrii", "ім'я Olena")
     * and the grandparents a contract is often for ("для бабушки Manana Beridze").
     */
    private static final WordSet LATIN_INTRO = WordSet.of(
            "имя", "ім'я", "імя", "бабушка", "бабушки", "бабушке", "дедушка", "дедушки", "дедушке", "бабусі", "дідуся");
    /** Words between a Latin name and its twin: "auf Arabisch", "in Cyrillic". */
    private static final WordSet LANGUAGE_WORDS = WordSet.of(
            "auf",
            "in",
            "arabisch",
            "persisch",
            "farsi",
            "russisch",
            "ukrainisch",
            "kyrillisch",
            "arabic",
            "persian",
            "russian",
            "ukrainian",
            "cyrillic",
            "geschrieben",
            "written");

    private ScriptNames() {}

    static List<Detection> add(TextScan s, List<Detection> found) {
        if (!anyScript(s.c)) return found;
        List<Token> t = s.tokens;
        List<Detection> added = new ArrayList<>();
        for (Detection p : found) {
            if (p.type() != EntityType.PERSON) continue;
            twinAfter(s, s.tokenAtOrAfter(p.end()), added);
            twinBefore(s, s.tokenAtOrAfter(p.start()) - 1, added);
        }
        for (int k = 0; k + 1 < t.size(); k++) {
            String f = t.get(k).folded();
            if (ARABIC_NAME_WORDS.contains(f)) arabicRun(s, k + 1, added);
            else if (ARABIC_I.contains(f) && endsTheArabic(s, k + 1)) arabicRun(s, k + 1, added);
            else if (CYRILLIC_INTRO.contains(f)) cyrillicRun(s, k + 1, added);
            else if (LATIN_INTRO.contains(f)) latinRun(s, k + 1, added);
        }
        for (int i = 0, n = added.size(); i < n; i++) {
            Detection d = added.get(i);
            if (cyrillic(t.get(s.tokenAtOrAfter(d.start())))) latinTwinAfter(s, s.tokenAtOrAfter(d.end()), added);
        }
        return Detection.addWhereFree(found, added);
    }

    private static void twinAfter(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        int skipped = 0;
        while (k < t.size() && skipped < 3 && LANGUAGE_WORDS.has(t.get(k))) {
            k++;
            skipped++;
        }
        if (k >= t.size()
                || !separatorsOnly(s, k > 0 ? t.get(k - 1).end() : 0, t.get(k).start())) return;
        if (arabic(t.get(k))) arabicRun(s, k, added);
        else if (cyrillic(t.get(k))) cyrillicRun(s, k, added);
    }

    private static void twinBefore(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        // "أحمد الخطيب (Ahmad Al-Khatib)", "Эдуард Шмидт / Eduard Schmidt": a bracket, slash or dash between
        if (k < 0 || !separatorsOnly(s, t.get(k).end(), t.get(k + 1).start())) return;
        if (!containsAny(s, t.get(k).end(), t.get(k + 1).start(), "(/–—")) return;
        int from = k;
        boolean isArabic = arabic(t.get(k));
        if (!isArabic && !cyrillicName(t.get(k))) return;
        while (from - 1 >= 0
                && k - from + 1 < (isArabic ? MAX_WORDS : 2)
                && s.onlyBetween(t.get(from - 1).end(), t.get(from).start(), "")
                && (isArabic ? nameWord(t.get(from - 1)) : cyrillicName(t.get(from - 1)))) from--;
        if (isArabic && !nameWord(t.get(k))) return;
        added.add(new Detection(EntityType.PERSON, t.get(from).start(), t.get(k).end(), SCORE));
    }

    private static void arabicRun(TextScan s, int k, List<Detection> added) {
        run(s, k, MAX_WORDS, w -> nameWord(s.tokens.get(w)), added);
    }

    private static void cyrillicRun(TextScan s, int k, List<Detection> added) {
        run(s, k, 2, w -> cyrillicName(s.tokens.get(w)) && !acronymBeforeNumber(s, w), added);
    }

    /** "имя Andrii", "бабушки Manana Beridze": one or two capitalized Latin words, not in capitals throughout. */
    private static void latinRun(TextScan s, int k, List<Detection> added) {
        run(s, k, 2, w -> latinName(s.tokens.get(w)), added);
    }

    /** Up to {@code max} adjacent words from token {@code k} on that {@code nameWord} accepts, as one name. */
    private static void run(TextScan s, int k, int max, IntPredicate nameWord, List<Detection> added) {
        List<Token> t = s.tokens;
        int end = k;
        while (end < t.size()
                && end - k < max
                && nameWord.test(end)
                && (end == k || s.onlyBetween(t.get(end - 1).end(), t.get(end).start(), ""))) end++;
        if (end > k)
            added.add(new Detection(
                    EntityType.PERSON, t.get(k).start(), t.get(end - 1).end(), SCORE));
    }

    /** "семья Чхеидзе / Chkheidze": the Latin twin after a slash or bracket of a Cyrillic name found here. */
    private static void latinTwinAfter(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        if (k <= 0
                || k >= t.size()
                || !separatorsOnly(s, t.get(k - 1).end(), t.get(k).start())) return;
        if (containsAny(s, t.get(k - 1).end(), t.get(k).start(), "(/")) latinRun(s, k, added);
    }

    private static boolean latinName(Token w) {
        char ch = w.text().charAt(0);
        return w.isWord()
                && ch < 0x250
                && w.capitalized()
                && w.length() >= 2
                && !TextScan.unchangedByUpperCase(w.text());
    }

    /** One or two Arabic-script words from {@code k}, then the end, punctuation or a word of another script. */
    private static boolean endsTheArabic(TextScan s, int k) {
        List<Token> t = s.tokens;
        int end = k;
        while (end < t.size() && end - k < 3 && arabic(t.get(end))) end++;
        return end > k
                && end - k <= 2
                && (end == t.size()
                        || !arabic(t.get(end))
                        || !s.onlyBetween(t.get(end - 1).end(), t.get(end).start(), ""));
    }

    private static boolean containsAny(TextScan s, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(s.at(i)) >= 0) return true;
        }
        return false;
    }

    private static boolean nameWord(Token w) {
        return arabic(w) && w.length() >= 2 && !ARABIC_FUNCTION.has(w);
    }

    /**
     * "ИИН 910922352600", "ЕГН 8504170060", "РНОКПП 6570308714": a Cyrillic word in capitals of up to six letters before
     * a number is the number's keyword, not a name, when it is a known identity keyword or has at most one vowel (a
     * name in a message written in capitals has more: "ПЕТРОВ 0171 …").
     */
    static boolean acronymBeforeNumber(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token w = t.get(k);
        if (w.length() > 6 || !TextScan.unchangedByUpperCase(w.text())) return false;
        if (!(OtherIdRule.keyword(w.folded()) || vowels(w.text()) <= 1)) return false;
        return k + 1 < t.size()
                && t.get(k + 1).isNumber()
                && s.onlyBetween(w.end(), t.get(k + 1).start(), " :.№");
    }

    private static int vowels(String word) {
        int n = 0;
        for (int i = 0; i < word.length(); i++) {
            if ("АЕЁИОУЫЭЮЯІЇЄ".indexOf(word.charAt(i)) >= 0) n++;
        }
        return n;
    }

    private static boolean cyrillicName(Token w) {
        return cyrillic(w) && w.capitalized() && w.length() >= 2;
    }

    private static boolean arabic(Token w) {
        char ch = w.text().charAt(0);
        return w.isWord() && ch >= '\u0600' && ch <= '\u06FF';
    }

    private static boolean cyrillic(Token w) {
        char ch = w.text().charAt(0);
        return w.isWord() && ch >= '\u0400' && ch <= '\u04FF';
    }

    /** Only blanks, commas, dashes, slashes, brackets and colons in [from, to). */
    private static boolean separatorsOnly(TextScan s, int from, int to) {
        if (to - from > 6) return false;
        for (int i = from; i < to; i++) {
            if (" ,،–—-/():".indexOf(s.at(i)) < 0) return false;
        }
        return true;
    }

    private static boolean anyScript(char[] c) {
        for (char ch : c) {
            if (ch >= '\u0400' && ch <= '\u06FF' && (ch <= '\u04FF' || ch >= '\u0600')) return true;
        }
        return false;
    }
}
