package io.carehub.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of an address abroad after its street, each tried at one position (never over the whole text): a flat
 * or unit ("Apt 12B", "ap. 4", "кв. 8", "m. 12"), a postcode and town in the formats of the neighbouring and common
 * origin countries ("L-1110 Luxembourg", "1012 AB Amsterdam", "00-950 Warszawa", "400114 Cluj-Napoca"), a town and
 * postcode ("Харків 61000", "Springfield, IL 62704", "Toronto, ON M6J 1H9", "Dublin 3", "Dublin D02 X285").
 */
final class AbroadSegments {

    private AbroadSegments() {}

    private static final String TOWN = "\\p{Lu}[\\p{L}'-]*\\p{L}";
    private static final String COUNTRY_PREFIX = "(?:A|B|CH|D|DK|E|F|FL|H|I|L|N|NL|P|PL|S|CZ|SK|SLO|HR|RO|BG)-";

    /** Postcode, then town: "L-1110 Luxembourg", "1012 AB Amsterdam", "00-950 Warszawa", "110 00 Praha". */
    private static final Pattern POSTCODE_TOWN = Pattern.compile("(?:" + COUNTRY_PREFIX + ")?"
            + "(?:\\d{4} ?[A-Z]{2}|\\d{4,6}|\\d{2}-\\d{3}|\\d{3} \\d{2}|\\d{4}-\\d{3})"
            + " (?<town>" + TOWN + ")(?![\\p{L}\\p{N}])");

    /**
     * Town, then postcode: "Харків 61000", "Springfield, IL 62704", "Toronto, ON M6J 1H9", "London SW1A 1AA",
     * "Dublin 3", "Cork T12 X5R8", "Sliema SLM 1050".
     */
    private static final Pattern TOWN_POSTCODE = Pattern.compile("(?<town>" + TOWN + ")"
            + "(?:,? (?:[A-Z]{2} )?(?:\\d{5}(?:-\\d{4})?|\\d{6}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d)"
            + "|,? [A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"
            + "|,? (?:[AC-FHKNPRTV-Y]\\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"
            + "|,? [A-Z]{3} ?\\d{4}" // Malta: "Sliema SLM 1050"
            + "| \\d{1,2}(?: ?[A-Z]\\d{2} ?[0-9A-Z]{4})?)"
            + "(?![\\p{L}\\p{N}])");

    /**
     * A flat, unit or floor: "Apt 12B", "Flat 3", "ap. 4", "kv. 8", "кв. 8", "ет. 3", "ап. 9", "բն. 6", "m. 12",
     * "lok. 5", "Whg. 3", "bl. A2", "1. tv.", the Bucharest "sector 3".
     */
    private static final Pattern UNIT = Pattern.compile(
            "(?:(?i:apt|apartment|flat|unit|suite|app|whg|ap|kv|lok|bl|sc|et|etaj|piso|top|tür|stiege|daire|kat|lejl|appt|int|interno|scala|sector|sect"
                    // French and Belgian building, staircase, box and block: "Bât. B", "Esc. 2", "bte 3", "Bloc 5"
                    + "|bât|bat|bâtiment|batiment|esc|escalier|bte|boîte|boite|bloc|imm)"
                    // Russian and Ukrainian flat, Bulgarian floor, flat and entrance, Armenian flat ("բն. 6")
                    + "|кв|ет|ап|вх|բն|m|д|D(?=:))" // Turkish "D: 9" (daire) only with its colon
                    + "[.:]? ?(?:\\d{1,4}[A-Za-z]?|[A-Z]\\d{0,3})(?![\\p{L}\\p{N}])"
                    // Spanish floor and door: "3º B", "2º izq.", "1º dcha."
                    + "|\\d{1,2}[º°ª](?: ?(?:[A-Z]|(?i:izq|izda|dcha|dcha|der|centro|ctro))(?![\\p{L}\\p{N}])\\.?)?(?![\\p{L}\\p{N}])"
                    // Catalan floor and door: "4t 2a", "1r 1a", "pral. 2a"
                    + "|(?:\\d{1,2}(?:r|n|t|è|º)|(?i:pral|bxs|ent))\\.? \\d{1,2}[aª](?![\\p{L}\\p{N}])"
                    // Danish floor and side: "1. tv.", "st. th.", "2. sal", "kl. mf."
                    + "|(?:\\d{1,2}\\.|(?i:st|kl)\\.?) ?(?i:tv|th|mf|sal)(?![\\p{L}\\p{N}])\\.?");

    /**
     * A town after the word for town or city, shortened with a dot, and its postcode after a comma if one follows: the
     * Russian "г. Омск", Ukrainian "м. Харків, 61002", Bulgarian "гр. Варна", Armenian "ք. Գյումրի".
     */
    private static final Pattern MARKED_TOWN =
            Pattern.compile("(?:г|гр|м|ք)\\. ?(?<town>" + TOWN + ")(?:,? \\d{4,6})?(?![\\p{L}\\p{N}])");

    /** End of a town after its marker word starting at {@code i} ("м. Харків, 61002"), or -1. */
    static int markedTown(TextScan s, Lexicons lex, int i) {
        if (!townMarkerStart(s.at(i))) return -1; // asked at every word before a number: most are no marker
        Matcher m = matcher(MARKED_TOWN, s, i);
        return m == null || !town(s, lex, m.start("town"), m.end("town")) ? -1 : m.end();
    }

    /** The first letter of one of {@link #MARKED_TOWN}'s marker words. */
    private static boolean townMarkerStart(char ch) {
        return ch == 'г' || ch == 'м' || ch == 'ք';
    }

    /** Towns written with a number that is no postcode: "Dublin 3"; elsewhere a town and small number is no address. */
    private static final WordSet NUMBERED_DISTRICTS =
            WordSet.of("dublin", "wien", "paris", "lyon", "marseille", "praha");

    /** An Eircode on its own, after its town's district: "Dublin 6, D06 X2K4". */
    private static final Pattern EIRCODE =
            Pattern.compile("(?:[AC-FHKNPRTV-Y]\\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}(?![\\p{L}\\p{N}])");

    /** End of an Eircode starting at {@code i}, or -1. */
    static int eircode(TextScan s, int i) {
        char first = s.at(i);
        return first >= 'A' && first <= 'Z' ? lookingAt(EIRCODE, s, i) : -1;
    }

    /** End of a unit starting at {@code i}, or -1. */
    static int unit(TextScan s, int i) {
        return lookingAt(UNIT, s, i);
    }

    /** End of a postcode and town starting at {@code i}, or -1; the town must not be an everyday word. */
    static int postcodeTown(TextScan s, Lexicons lex, int i) {
        char first = s.at(i);
        if (!Chars.isDigit(first) && (first < 'A' || first > 'Z')) return -1; // a postcode or country letter first
        Matcher m = matcher(POSTCODE_TOWN, s, i);
        if (m == null || !town(s, lex, m.start("town"), m.end("town"))) return -1;
        String town = Folding.fold(m.group("town"));
        int end = m.end();
        if (SAINTS.contains(town) && s.at(end) == '.' && s.at(end + 1) == ' ' && Character.isUpperCase(s.at(end + 2))) {
            end = s.tokens.get(s.tokenAtOrAfter(end + 2)).end(); // "9000 St. Gallen"
        }
        end = townName(s, lex, end);
        return district(s, town, m.start("town") - i == 5, end);
    }

    private static final Pattern POLISH_TOWN_ADJECTIVE =
            Pattern.compile("\\p{L}{3,}(?:ski|ska|skie|cki|cka|ckie|cza|czy)");

    private static final WordSet SAINTS = WordSet.of("st", "ste", "sv");

    /** Danish districts after a town of a four-digit postcode: "1620 København V", "8000 Aarhus C". */
    private static final WordSet LETTER_DISTRICTS = WordSet.of("K", "V", "C", "N", "S", "Ø", "NV", "SV", "NØ", "SØ");

    /** "110 00 Praha 1", "1620 København V": the town's district after it, if it has one. */
    private static int district(TextScan s, String town, boolean fourDigits, int end) {
        if (s.at(end) != ' ') return end;
        int k = end + 1;
        while (k < s.length() && k - end <= 3 && Chars.isAlnum(s.at(k))) k++;
        if (k == end + 1 || k - end > 3 || Chars.isAlnum(s.at(k))) return end;
        String word = s.cleaned().substring(end + 1, k);
        if (NUMBERED_DISTRICTS.contains(town) && word.chars().allMatch(ch -> Chars.isDigit((char) ch))) {
            return k;
        }
        return fourDigits && LETTER_DISTRICTS.contains(word) && s.at(k) != '\'' ? k : end;
    }

    /** End of a town and postcode starting at {@code i}, or -1. */
    static int townPostcode(TextScan s, Lexicons lex, int i) {
        Matcher m = matcher(TOWN_POSTCODE, s, i);
        if (m == null || !town(s, lex, m.start("town"), m.end("town"))) return -1;
        String rest = s.cleaned().substring(m.end("town"), m.end());
        boolean district = rest.length() <= 3 && rest.startsWith(" ");
        if (district && !NUMBERED_DISTRICTS.contains(Folding.fold(s.cleaned().substring(i, m.end("town"))))) {
            return -1;
        }
        return m.end();
    }

    /** Words that join a town's name to the river or region after it: "am Main", "upon Tyne", "nad Labem", "na Moravě". */
    private static final WordSet TOWN_LINKS = WordSet.of("am", "an", "upon", "ob", "nad", "pod", "na");

    /**
     * "Schwäbisch Hall", "Frankfurt am Main", "Ústí nad Labem", "Cluj-Napoca": the town may go on after its first
     * word.
     */
    private static int townName(TextScan s, Lexicons lex, int end) {
        int k = s.tokenAtOrAfter(end);
        if (k >= s.tokens.size() || s.tokens.get(k).start() != end + 1 || s.at(end) != ' ') return end;
        TextScan.Token n = s.tokens.get(k);
        if (TOWN_LINKS.has(n)) {
            int j = k + 1;
            // "Frankfurt an der Oder", "Rothenburg ob der Tauber"
            if (j < s.tokens.size()
                    && s.tokens.get(j).folded().equals("der")
                    && s.tokens.get(j).start() == n.end() + 1) j++;
            if (j < s.tokens.size()
                    && s.tokens.get(j).capitalized()
                    && s.tokens.get(j).start() == s.tokens.get(j - 1).end() + 1)
                return s.tokens.get(j).end();
            return end;
        }
        // "Gorzów Wielkopolski", "Dąbrowa Górnicza", "Ostrów Mazowiecka": a town's adjective after its name
        boolean adjective = POLISH_TOWN_ADJECTIVE.matcher(n.folded()).matches();
        return n.isWord() && n.capitalized() && !lex.isCommon(n) && (lex.isCity(n) || adjective) ? n.end() : end;
    }

    /** A known town, or a capitalized word that is no everyday word and no model code in capitals ("7530 AX"). */
    private static boolean town(TextScan s, Lexicons lex, int start, int end) {
        String word = s.cleaned().substring(start, end);
        String folded = Folding.fold(word);
        return lex.isCity(folded) || !lex.isCommon(folded) && !TextScan.unchangedByUpperCase(word);
    }

    private static int lookingAt(Pattern p, TextScan s, int i) {
        Matcher m = matcher(p, s, i);
        return m == null ? -1 : m.end();
    }

    private static Matcher matcher(Pattern p, TextScan s, int i) {
        if (i >= s.length()) return null;
        Matcher m = p.matcher(s.cleaned()).useTransparentBounds(true).useAnchoringBounds(false);
        m.region(i, s.length());
        return m.lookingAt() ? m : null;
    }
}
