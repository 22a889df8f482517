package io.carehub.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses abroad, as customers who move or live across a border write them (ADDRESS): a street after a
 * foreign street word ("ul. Legnicka 48", "Via Roma 12", "rue de la Paix 5"), a British postcode with the town
 * before it ("Manchester M16 8BB") or a known town after it ("EH9 1QT Edinburgh"), an Irish Eircode with a known town
 * after it or the word "Eircode" before it ("T12 K8AF Cork"), a Polish postcode and town ("54-203 Wrocław"), and a four-digit Swiss or
 * Austrian postcode and town after "in", "aus" or an address word ("wohne in 8200 Schaffhausen"). Found pieces
 * next to each other become one span ({@link AdjacentSpans}). Each pattern has bounded parts only.
 */
final class ForeignAddresses implements Scanner {

    private static final String TOWN = "\\p{Lu}[\\p{L}-]{2,}";
    /** The street words of {@link #STREET}, each followed by a space there. */
    private static final List<String> STREET_WORDS = List.of(
            "ul.",
            "ulica",
            "al.",
            "aleja",
            "plac",
            "Via",
            "Viale",
            "Piazza",
            "Corso",
            "Rue",
            "rue",
            "Avenue",
            "Boulevard",
            "Calle",
            "Avenida",
            "Carrer",
            "Rua",
            "Praça",
            "Straat",
            "Laan",
            "Utca",
            "Ulitsa");

    private static final Pattern STREET = Pattern.compile("(?<![\\p{L}.])(?:"
            + String.join("|", STREET_WORDS.stream().map(Pattern::quote).toList())
            + ") (?:(?:de|del|della|di|la|le|des|du|da|do|dos)\\s)?\\p{Lu}[\\p{L}'-]+(?: \\p{Lu}[\\p{L}'-]+){0,2}"
            + ",? \\d{1,4}[a-zA-Z]?(?:/\\d{1,4})?(?![\\p{L}\\p{N}])");
    private static final Pattern UK_POSTCODE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + TOWN + ",? )?(?<code>[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})(?![\\p{L}\\p{N}])");
    /**
     * An Irish Eircode: a routing key (a letter of its alphabet and two digits, or D6W) and four chars of its alphabet,
     * a letter among them ("D06 X2K4", "T12 K8AF").
     */
    private static final Pattern EIRCODE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:[AC-FHKNPRTV-Y]\\d{2}|D6W) ?"
            + "(?=[0-9]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}(?![\\p{L}\\p{N}])");

    private static final WordSet EIRCODE_WORDS = WordSet.of("eircode", "postcode");
    private static final Pattern PL_POSTCODE =
            Pattern.compile("(?<![\\p{L}\\p{N}-])\\d{2}-\\d{3} " + TOWN + "(?![\\p{L}\\p{N}])");
    private static final Pattern FOUR_DIGIT_POSTCODE =
            Pattern.compile("(?<![\\p{L}\\p{N}.,/-])[1-9]\\d{3} " + TOWN + "(?![\\p{L}\\p{N}])");
    /** Words before a four-digit postcode that say a place follows (Swiss German "us" = "aus"). */
    private static final WordSet PLACE_BEFORE = WordSet.of(
            "in", "aus", "us", "from", "nach", "wohne", "wohnhaft", "adresse", "anschrift", "address", "plz");

    /** The first letters of {@link #STREET}'s words ({@link #streetWordStart} tests the second). */
    private static final StartMatcher.FirstChars STREET_FIRST = StartMatcher.FirstChars.of("uapVPCRrABSUL");

    private static final StartMatcher.FirstChars POSTCODE_FIRST = StartMatcher.FirstChars.of("123456789");

    private static final Pattern DATA_VOLUME = Pattern.compile("\\d?[GMKT]B");

    private final Lexicons lex;

    ForeignAddresses(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        find(s, new StartMatcher(STREET, s, STREET_FIRST, ForeignAddresses::streetWordStart), 0.8, out);
        StartMatcher ukMatches =
                new StartMatcher(UK_POSTCODE, s, StartMatcher.FirstChars.CAPITALS, ForeignAddresses::capitalStart);
        boolean ukPossible = capitalBeforeDigit(s.c);
        while (ukPossible && ukMatches.find()) {
            Matcher uk = ukMatches.matcher();
            if (!ukPostcode(s, uk.start("code"), uk.end())) continue;
            // "Leeds LS9 8BE": the town when it is one; "Address LS9 8BE": the code alone
            if (uk.start() < uk.start("code")
                    && placeName(s, s.tokens.get(s.tokenAtOrAfter(uk.start())).end()))
                out.add(new Detection(EntityType.ADDRESS, uk.start(), uk.end(), 0.75));
            // the code alone too: when the town already ends a street's span, the code still joins it
            out.add(new Detection(EntityType.ADDRESS, uk.start("code"), townAfter(s, uk.end()), 0.7));
        }
        if (ukPossible) {
            StartMatcher eircodes =
                    new StartMatcher(EIRCODE, s, StartMatcher.FirstChars.CAPITALS, ForeignAddresses::eircodeStart);
            while (eircodes.find()) {
                Matcher m = eircodes.matcher();
                int end = townAfter(s, m.end());
                if (end > m.end() || Context.anyWordBefore(s, m.start(), 4, 40, EIRCODE_WORDS::has))
                    out.add(new Detection(EntityType.ADDRESS, m.start(), end, 0.75));
            }
        }
        find(
                s,
                new StartMatcher(PL_POSTCODE, s, StartMatcher.FirstChars.DIGITS, ForeignAddresses::polishPostcodeStart),
                0.75,
                out);
        StartMatcher fourDigits =
                new StartMatcher(FOUR_DIGIT_POSTCODE, s, POSTCODE_FIRST, ForeignAddresses::fourDigitPostcodeStart);
        while (fourDigits.find()) {
            Matcher m = fourDigits.matcher();
            if (Context.anyWordBefore(s, m.start(), 1, 12, PLACE_BEFORE::has) && placeName(s, m.end()))
                out.add(new Detection(EntityType.ADDRESS, m.start(), m.end(), 0.75));
        }
    }

    private void find(TextScan s, StartMatcher matches, double score, List<Detection> out) {
        while (matches.find()) {
            Matcher m = matches.matcher();
            if (placeName(s, m.end())) out.add(new Detection(EntityType.ADDRESS, m.start(), m.end(), score));
        }
    }

    /** An Eircode's routing key at {@code i}: a capital and a digit. */
    private static boolean eircodeStart(char[] c, int i) {
        return i + 1 < c.length && Chars.isDigit(c[i + 1]) && !StartMatcher.afterAsciiAlnum(c, i);
    }

    /** "EH9 1QT Edinburgh", "T12 K8AF Cork": the end of a known town right after a postcode, or {@code end}. */
    private int townAfter(TextScan s, int end) {
        if (s.at(end) != ' ') return end;
        int k = s.tokenAtOrAfter(end + 1);
        if (k >= s.tokens.size()) return end;
        TextScan.Token town = s.tokens.get(k);
        return town.start() == end + 1 && town.isWord() && town.capitalized() && lex.isCity(town) ? town.end() : end;
    }

    /** The first two letters of one of {@link #STREET}'s words, not after a letter or '.'. */
    private static boolean streetWordStart(char[] c, int i) {
        if (i + 1 >= c.length || i > 0 && (c[i - 1] == '.' || Character.isLetter(c[i - 1]))) return false;
        char second = c[i + 1];
        return switch (c[i]) {
                    case 'u', 'a', 'p' -> second == 'l'; // ul., ulica, al., aleja, plac
                    case 'V' -> second == 'i'; // Via, Viale
                    case 'P' -> second == 'i' || second == 'r'; // Piazza, Praça
                    case 'C' -> second == 'o' || second == 'a'; // Corso, Calle, Carrer
                    case 'R', 'r' -> second == 'u'; // Rue, rue, Rua
                    case 'A' -> second == 'v'; // Avenue, Avenida
                    case 'B' -> second == 'o'; // Boulevard
                    case 'S' -> second == 't'; // Straat
                    case 'U' -> second == 't' || second == 'l'; // Utca, Ulitsa
                    case 'L' -> second == 'a'; // Laan
                    default -> false;
                }
                && streetWordAt(c, i);
    }

    /** One of {@link #STREET_WORDS} and a space at {@code i}: most words with a street word's first letters are none. */
    private static boolean streetWordAt(char[] c, int i) {
        for (String word : STREET_WORDS) {
            int end = i + word.length();
            if (end < c.length && c[end] == ' ' && startsWith(c, i, word)) return true;
        }
        return false;
    }

    private static boolean startsWith(char[] c, int i, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (c[i + k] != word.charAt(k)) return false;
        }
        return true;
    }

    /** A British postcode starts with one or two capitals and a digit ("M16", "SW1A"): without that, none. */
    private static boolean capitalBeforeDigit(char[] c) {
        for (int i = 1; i < c.length; i++) {
            if (Chars.isDigit(c[i]) && c[i - 1] >= 'A' && c[i - 1] <= 'Z') return true;
        }
        return false;
    }

    /** How far {@link #capitalStart} reads a town's word; each position is read in constant time. */
    private static final int TOWN_LOOKAHEAD = 40;

    /**
     * Where {@link #UK_POSTCODE} can start: a code's capitals and digit ("M16 8BB", "SW1A 1AA"), or a town's word whose
     * letters end at ", " or " " before them ("Manchester M16 8BB"). Most capitalized words of a message are neither,
     * and the pattern is not tried there.
     */
    private static boolean capitalStart(char[] c, int i) {
        if (!Character.isUpperCase(c[i]) || StartMatcher.afterAsciiAlnum(c, i)) return false;
        if (ukCodeAt(c, i)) return true;
        int j = i + 1; // the town's letters and hyphens: the pattern's town ends only where they end
        int limit = Math.min(c.length, i + TOWN_LOOKAHEAD);
        while (j < limit && (Character.isLetter(c[j]) || c[j] == '-')) j++;
        // a longer word, or a letter beyond 16 bits: the pattern decides
        if (j == i + TOWN_LOOKAHEAD || j < c.length && Character.isSurrogate(c[j])) return true;
        if (j - i < 3) return false;
        if (j < c.length && c[j] == ',') j++;
        return j < c.length && c[j] == ' ' && ukCodeAt(c, j + 1);
    }

    /** One or two ASCII capitals and a digit at {@code k}: a British postcode's outward code begins so. */
    private static boolean ukCodeAt(char[] c, int k) {
        if (k + 1 >= c.length || !asciiCapital(c[k])) return false;
        return Chars.isDigit(c[k + 1]) || k + 2 < c.length && asciiCapital(c[k + 1]) && Chars.isDigit(c[k + 2]);
    }

    private static boolean asciiCapital(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    /** "54-203 Wrocław": two digits and a dash. */
    private static boolean polishPostcodeStart(char[] c, int i) {
        return i + 2 < c.length
                && Chars.isDigit(c[i])
                && Chars.isDigit(c[i + 1])
                && c[i + 2] == '-'
                && !StartMatcher.afterAsciiAlnum(c, i);
    }

    /** "8200 Schaffhausen": four digits, the first not 0, and a space. */
    private static boolean fourDigitPostcodeStart(char[] c, int i) {
        return i + 4 < c.length
                && c[i] >= '1'
                && c[i] <= '9'
                && Chars.isDigit(c[i + 1])
                && Chars.isDigit(c[i + 2])
                && Chars.isDigit(c[i + 3])
                && c[i + 4] == ' '
                && !StartMatcher.afterAsciiAlnum(c, i);
    }

    /**
     * A British postcode's shape (outward code, inward digit and two letters: "LS9 8BE", "SW1A 1AA") is no everyday
     * word, so only data volumes ("M2 5GB") and codes in capitals glued to other words are none.
     */
    private static boolean ukPostcode(TextScan s, int start, int end) {
        int k = s.tokenAtOrAfter(end) - 1;
        if (k < 0 || DATA_VOLUME.matcher(s.tokens.get(k).text()).matches()) return false;
        String code = s.cleaned().substring(start, end);
        return !DATA_VOLUME.matcher(code.substring(code.length() - 3)).matches()
                && !DATA_VOLUME.matcher(code.substring(code.length() - 2)).matches();
    }

    /** The match's last word is a town, not an everyday word ("8200 Schaffhausen", not "1000 Dank"). */
    private boolean placeName(TextScan s, int end) {
        int k = s.tokenAtOrAfter(end) - 1;
        if (k < 0) return false;
        TextScan.Token last = s.tokens.get(k);
        if (DATA_VOLUME.matcher(last.text()).matches()) return false; // "M2 5GB" is a data volume
        return !last.isWord() || lex.isCity(last) || !lex.isCommon(last);
    }
}
