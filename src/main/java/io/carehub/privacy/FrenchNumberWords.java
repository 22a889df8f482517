package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.HashMap;
import java.util.Map;

/**
 * French numbers as dictation writes a phone number in pairs: "zéro six, douze, quarante-quatre, vingt et un,
 * soixante-dix-huit, quatre-vingt-dix". Each word says how many digits it stands for (1 for "sept", 2 for "quarante-
 * quatre"); "et" counts (0 digits) only inside "vingt et un" … "soixante et onze". Folded forms ("zero", "soixante").
 */
final class FrenchNumberWords {

    private static final String[] UNITS = {
        "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"
    };
    private static final String[] TEENS = {"dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"};
    private static final String[] TENS = {"vingt", "trente", "quarante", "cinquante", "soixante"};
    private static final WordSet TENS_WORDS = WordSet.of(TENS);

    /** Every word → the digits it says. */
    private static final KeywordTable DIGITS = new KeywordTable(words());

    private FrenchNumberWords() {}

    private static Map<String, Integer> words() {
        Map<String, Integer> w = new HashMap<>();
        for (String unit : UNITS) w.put(unit, 1);
        w.put("une", 1);
        for (String teen : TEENS) w.put(teen, 2);
        for (String unit : new String[] {"sept", "huit", "neuf"}) w.put("dix-" + unit, 2);
        for (String tens : TENS) {
            w.put(tens, 2);
            for (int u = 2; u < UNITS.length; u++) w.put(tens + "-" + UNITS[u], 2);
        }
        for (String teen : TEENS) w.put("soixante-" + teen, 2);
        for (String unit : new String[] {"sept", "huit", "neuf"}) w.put("soixante-dix-" + unit, 2);
        for (String eighty : new String[] {"quatre-vingt", "quatre-vingts"}) w.put(eighty, 2);
        for (int u = 1; u < UNITS.length; u++) w.put("quatre-vingt-" + UNITS[u], 2);
        for (String teen : TEENS) w.put("quatre-vingt-" + teen, 2);
        for (String unit : new String[] {"sept", "huit", "neuf"}) w.put("quatre-vingt-dix-" + unit, 2);
        return Map.copyOf(w);
    }

    /** The digits a French number word says, or -1. */
    static int digits(Token t) {
        return DIGITS.get(t, -1);
    }

    /** "et" between a tens word and "un" or "onze": "vingt et un", "soixante et onze". */
    static boolean joiningEt(Token before, Token et, Token after) {
        if (!et.folded().equals("et") || !before.isWord() || !after.isWord()) return false;
        String tens = before.folded();
        String unit = after.folded();
        return (unit.equals("un") || unit.equals("une") || unit.equals("onze") && tens.equals("soixante"))
                && TENS_WORDS.contains(tens);
    }
}
