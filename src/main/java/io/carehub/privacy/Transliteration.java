package io.carehub.privacy;

import java.util.Map;

/**
 * Greek and Cyrillic names in the Latin spelling customers write them in ("Δημήτριος" → "dimitrios",
 * "Олександр" → "oleksandr"): the lexicons hold both, so a name from a non-Latin locale is found as
 * written in a German chat. Input is folded (lower case); a char without a mapping is kept.
 */
final class Transliteration {

    private static final Map<String, String> DIGRAPHS =
            Map.of("ου", "ou", "αι", "ai", "ει", "ei", "οι", "oi", "μπ", "b", "ντ", "nt", "γγ", "ng", "γκ", "gk");
    private static final String GREEK = "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ";
    private static final String[] GREEK_LATIN = {
        "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f",
        "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"
    };
    private static final String CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё";
    private static final String[] CYRILLIC_LATIN = {
        "a", "b", "v", "g", "g", "d", "e", "ye", "zh", "z", "y", "i", "yi", "y", "k", "l", "m", "n", "o", "p", "r", "s",
        "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "yo"
    };

    private Transliteration() {}

    /** The Latin spelling of a folded Greek or Cyrillic name, or the name itself. */
    static String toLatin(String folded) {
        StringBuilder b = new StringBuilder(folded.length() + 4);
        for (int i = 0; i < folded.length(); i++) {
            char ch = folded.charAt(i);
            if (i + 1 < folded.length()) {
                String pair = DIGRAPHS.get(folded.substring(i, i + 2));
                if (pair != null) {
                    b.append(pair);
                    i++;
                    continue;
                }
            }
            int g = GREEK.indexOf(ch);
            int c = CYRILLIC.indexOf(ch);
            b.append(g >= 0 ? GREEK_LATIN[g] : c >= 0 ? CYRILLIC_LATIN[c] : String.valueOf(ch));
        }
        return b.toString();
    }
}
