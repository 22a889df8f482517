package io.carehub.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Numbers written in German and English words, folded ({@link TextScan#fold}: "zwölf" is "zwoelf"), as voice
 * dictation writes them: digits ("null", "zwo", "five"), cardinals to 99 ("zweiundneunzig", "ninety"), ordinals to
 * 31 ("vierzehnten", "einunddreißigster", "third", "twentieth") and years ("neunzehnhundertzweiundsechzig",
 * "zweitausenddrei", "nineteen eighty", "two thousand and five"). Every method returns -1 for anything else.
 */
final class NumberWords {

    private static final Map<String, Integer> GERMAN_DIGITS = Map.ofEntries(
            Map.entry("null", 0),
            Map.entry("eins", 1),
            Map.entry("zwei", 2),
            Map.entry("zwo", 2),
            Map.entry("zwoa", 2),
            Map.entry("drei", 3),
            Map.entry("vier", 4),
            Map.entry("fuenf", 5),
            Map.entry("funf", 5),
            Map.entry("sechs", 6),
            Map.entry("sieben", 7),
            Map.entry("acht", 8),
            Map.entry("neun", 9));

    private static final Map<String, Integer> ENGLISH_DIGITS = Map.of(
            "zero", 0, "one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6, "seven", 7, "eight", 8, "nine",
            9);

    /** {@link #GERMAN_DIGITS} and {@link #ENGLISH_DIGITS} for {@link #digit}, asked for most words. */
    private static final KeywordTable GERMAN_DIGIT_WORDS = new KeywordTable(GERMAN_DIGITS);

    private static final KeywordTable ENGLISH_DIGIT_WORDS = new KeywordTable(ENGLISH_DIGITS);

    private static final Map<String, Integer> GERMAN = Map.ofEntries(
            Map.entry("zehn", 10),
            Map.entry("elf", 11),
            Map.entry("zwoelf", 12),
            Map.entry("zwolf", 12),
            Map.entry("dreizehn", 13),
            Map.entry("vierzehn", 14),
            Map.entry("fuenfzehn", 15),
            Map.entry("funfzehn", 15),
            Map.entry("sechzehn", 16),
            Map.entry("siebzehn", 17),
            Map.entry("achtzehn", 18),
            Map.entry("neunzehn", 19),
            Map.entry("zwanzig", 20),
            Map.entry("dreissig", 30),
            Map.entry("vierzig", 40),
            Map.entry("fuenfzig", 50),
            Map.entry("funfzig", 50),
            Map.entry("sechzig", 60),
            Map.entry("siebzig", 70),
            Map.entry("achtzig", 80),
            Map.entry("neunzig", 90));

    /** German ordinal stems whose cardinal differs: "erste", "dritte", "siebte", "achte". */
    private static final Map<String, Integer> GERMAN_ORDINAL_STEMS = Map.of("ers", 1, "drit", 3, "sieb", 7, "ach", 8);

    private static final Map<String, Integer> ENGLISH = Map.ofEntries(
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90));

    private static final Map<String, Integer> ENGLISH_ORDINALS = Map.ofEntries(
            Map.entry("first", 1),
            Map.entry("second", 2),
            Map.entry("third", 3),
            Map.entry("fourth", 4),
            Map.entry("fifth", 5),
            Map.entry("sixth", 6),
            Map.entry("seventh", 7),
            Map.entry("eighth", 8),
            Map.entry("ninth", 9),
            Map.entry("tenth", 10),
            Map.entry("eleventh", 11),
            Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13),
            Map.entry("fourteenth", 14),
            Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17),
            Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20),
            Map.entry("thirtieth", 30));

    /** Every word {@link #digit}, {@link #german} or {@link #english} reads → the digits it says (1, or 2 from 10 on). */
    private static final KeywordTable SPOKEN_DIGITS = new KeywordTable(spokenDigits());

    private NumberWords() {}

    private static Map<String, Integer> spokenDigits() {
        Map<String, Integer> words = new java.util.HashMap<>();
        List<String> units = new ArrayList<>(GERMAN_DIGITS.keySet());
        units.add("ein");
        for (String w : GERMAN_DIGITS.keySet()) words.put(w, 1);
        for (String w : ENGLISH_DIGITS.keySet()) words.put(w, 1);
        for (String w : GERMAN.keySet()) words.put(w, 2);
        for (String w : ENGLISH.keySet()) words.put(w, 2);
        for (String tens : GERMAN.keySet()) {
            for (String unit : units) {
                if (german(unit + "und" + tens) >= 0) words.put(unit + "und" + tens, 2);
            }
        }
        for (String tens : ENGLISH.keySet()) {
            for (String unit : ENGLISH_DIGITS.keySet()) {
                if (english(tens + "-" + unit) >= 0) words.put(tens + "-" + unit, 2);
            }
        }
        return Map.copyOf(words);
    }

    /** The digits a number word from 0 to 99 says, German or English, in one lookup: 1 for "acht", 2 for "vierzehn"; or -1. */
    static int spokenDigits(String folded) {
        return SPOKEN_DIGITS.get(folded, -1);
    }

    /** {@link #spokenDigits(String)} of a token's folded form. */
    static int spokenDigits(TextScan.Token t) {
        return SPOKEN_DIGITS.get(t, -1);
    }

    /** A digit word, German (dialect "zwoa" included) or English → 0..9. */
    static int digit(String folded) {
        int d = GERMAN_DIGIT_WORDS.get(folded, -1); // digits are 0..9: -1 is none
        return d >= 0 ? d : ENGLISH_DIGIT_WORDS.get(folded, -1);
    }

    /** {@link #digit(String)} of a token's folded form. */
    static int digit(TextScan.Token t) {
        int d = GERMAN_DIGIT_WORDS.get(t, -1);
        return d >= 0 ? d : ENGLISH_DIGIT_WORDS.get(t, -1);
    }

    /** "vierzehn", "zweiundneunzig", "einundzwanzig" → 0..99. */
    static int german(String folded) {
        Integer direct = GERMAN.get(folded);
        if (direct == null) direct = GERMAN_DIGITS.get(folded);
        if (direct != null) return direct;
        int und = folded.indexOf("und");
        if (und <= 0) return -1;
        String unit = folded.substring(0, und);
        int ones = unit.equals("ein") ? 1 : GERMAN_DIGITS.getOrDefault(unit, -1);
        Integer tens = GERMAN.get(folded.substring(und + 3));
        return ones > 0 && tens != null && tens >= 20 && tens % 10 == 0 ? tens + ones : -1;
    }

    /** "zweihundertneunzehn", "hundertvierundvierzig", "einhundert", "neunundsiebzig", "acht" → 0..999. */
    static int germanUpTo999(String folded) {
        int hundert = folded.indexOf("hundert");
        if (hundert < 0) return german(folded);
        String head = folded.substring(0, hundert);
        int hundreds = head.isEmpty() || head.equals("ein") ? 1 : GERMAN_DIGITS.getOrDefault(head, -1);
        if (hundreds < 1) return -1;
        String rest = folded.substring(hundert + "hundert".length());
        if (rest.startsWith("und")) rest = rest.substring(3);
        if (rest.isEmpty()) return hundreds * 100;
        int n = rest.equals("eins") || rest.equals("ein") ? 1 : german(rest);
        return n >= 0 ? hundreds * 100 + n : -1;
    }

    /** Ordinal endings with the German cases: "-ste(r,n,m,s)" from 20 on, "-te(r,n,m,s)" below. */
    private static final String[] TWENTY_AND_UP_ENDINGS = {"ste", "ster", "sten", "stem", "stes"};

    private static final String[] ENDINGS = {"te", "ter", "ten", "tem", "tes"};

    /** "ersten", "dritter", "vierzehnten", "zwanzigste", "einunddreißigsten" → 1..31. */
    static int germanOrdinal(String folded) {
        if (folded.length() < 4 || folded.indexOf('t') < 0) return -1;
        for (String ending : TWENTY_AND_UP_ENDINGS) {
            if (folded.endsWith(ending)) {
                int n = german(folded.substring(0, folded.length() - ending.length()));
                if (n >= 20 && n <= 31) return n;
            }
        }
        for (String ending : ENDINGS) {
            if (!folded.endsWith(ending)) continue;
            String stem = folded.substring(0, folded.length() - ending.length());
            Integer irregular = GERMAN_ORDINAL_STEMS.get(stem);
            if (irregular != null) return irregular;
            int n = german(stem);
            if (n >= 2 && n <= 19) return n;
        }
        return -1;
    }

    /** "third", "twenty-first", "thirtieth" → 1..31 (one token; "twenty first" is two, see {@link #englishTens}). */
    static int englishOrdinal(String folded) {
        Integer direct = ENGLISH_ORDINALS.get(folded);
        if (direct != null) return direct;
        int dash = folded.indexOf('-');
        if (dash < 0) return -1;
        int tens = englishTens(folded.substring(0, dash));
        Integer ones = ENGLISH_ORDINALS.get(folded.substring(dash + 1));
        return tens > 0 && ones != null && ones < 10 ? tens + ones : -1;
    }

    /** "twenty", "thirty" … "ninety" → 20..90. */
    static int englishTens(String folded) {
        Integer n = ENGLISH.get(folded);
        return n != null && n >= 20 ? n : -1;
    }

    /** "three", "fourteen", "ninety", "ninety-two" → 0..99 (one token). */
    static int english(String folded) {
        Integer direct = ENGLISH.get(folded);
        if (direct == null) direct = ENGLISH_DIGITS.get(folded);
        if (direct != null) return direct;
        int dash = folded.indexOf('-');
        if (dash < 0) return -1;
        int tens = englishTens(folded.substring(0, dash));
        Integer ones = ENGLISH_DIGITS.get(folded.substring(dash + 1));
        return tens > 0 && ones != null && ones > 0 ? tens + ones : -1;
    }

    /**
     * A German year in one word: "neunzehnhundertzweiundsechzig", "neunzehnhundert", "tausendneunhundertachtzig",
     * "zweitausenddrei", "zweitausendundeins" → 1900..2099.
     */
    static int germanYear(String folded) {
        int base;
        String rest;
        if (folded.startsWith("neunzehnhundert")) {
            base = 1900;
            rest = folded.substring("neunzehnhundert".length());
        } else if (folded.startsWith("tausendneunhundert") || folded.startsWith("eintausendneunhundert")) {
            base = 1900;
            rest = folded.substring(folded.indexOf("neunhundert") + "neunhundert".length());
        } else if (folded.startsWith("zweitausend")) {
            base = 2000;
            rest = folded.substring("zweitausend".length());
        } else {
            return -1;
        }
        if (rest.startsWith("und")) rest = rest.substring(3);
        if (rest.isEmpty()) return base;
        int n = rest.equals("eins") || rest.equals("ein") ? 1 : german(rest);
        return n >= 0 && n <= 99 ? base + n : -1;
    }
}
