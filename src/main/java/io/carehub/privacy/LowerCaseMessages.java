package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A message typed all in lower case on a phone ("hallo ich bin sabine weber, dörpstraat 14, 25885 ahrenviöl") gets
 * the capitals careful writing would give its names and towns, so every rule that reads a capital as the sign of a
 * name or a town reads it as it reads a carefully typed message. Only the first char's case changes, never the
 * length, so every finding's offsets are those of the original text; everything else (nouns, verbs, greetings) stays
 * in lower case, so "rechnung" never looks like a name.
 *
 * <p>A message counts as typed in lower case when no word in it is capitalized except at a sentence's start (a
 * phone's keyboard capitalizes those itself) and short acronyms ("DSL", "IBAN"). One capitalized name ("ich bin
 * Sabine") shows the writer uses capitals, and the message stays as it is. A word is capitalized when it is:
 * <ul>
 *   <li>a curated first name of four letters or more that is no everyday word ("sabine", "jörg"; not "frank",
 *       "rose"), and the surname written before it at a clause's start ("reimer olga");
 *   <li>a curated first name or surname next to a word that can continue a name, or two words of the world lists
 *       side by side of which one is a first name there ("hinrich petersen", "ahmad zia"). The world lists alone are
 *       not enough for one word: they hold "said", "kam", "man", "son", "rein", words of every language;
 *   <li>after such a name, up to three more words that are names of the lists or of no list ("marco antonio
 *       bellandi", "rüdiger mannsfeld"); a word of no list ends the name, as it is the surname far more often than a
 *       verb ("vanessa mache" is the price); a keyword ("geb", "kdnr") never continues one;
 *   <li>a salutation ("herr", "frau", "familie", not after "meine": "meine frau sagt") and the surname after it, also
 *       one that is a word: "herr wolf" after a salutation is a surname as "Herr Wolf" is, while "der wolf im garten"
 *       and "frau sonne scheint" without one stay words;
 *   <li>a listed town that is no everyday word ("aachen"; not "essen"), the word after a five-digit postcode or a
 *       four-digit one after a house number, and a town's second word ("25885 ahrenviöl", "bad endorf", "simbach am
 *       inn");
 *   <li>a street's name without a street word before a house number, a postcode and a town, with the "am", "auf dem"
 *       before it ("süderende 22a, 25946 nebel", "auf dem hügel 21, 53121 bonn"): the postcode after the number says
 *       it is an address, as a capital would.
 * </ul>
 * Relations ("bruder", "son", "nonna", "baba") and a few verbs the world lists hold stay lower case. Cost: one pass
 * over the tokens, and a message with a capital mid-sentence stops at that word.
 */
final class LowerCaseMessages {

    private static final WordSet SALUTATIONS = WordSet.of("herr", "herrn", "frau", "hr", "fr", "familie", "fam");
    /** "meine frau sagt": a salutation after a possessive or article is a relation, not a salutation. */
    private static final WordSet POSSESSIVES = WordSet.of(
            "mein", "meine", "meiner", "deine", "seine", "ihre", "unsere", "eure", "die", "der", "eine", "ne", "jede");
    /**
     * Words the world name lists hold that a lower-case message uses as words far more often: relations before a name
     * ("mein bruder karim", "my son noah", "nonna maria", "baba mehmet", "adı mustafa"), "man" (German, Persian), and
     * the moving-in "rein"/"raus". They stay in lower case; a name after them is capitalized on its own.
     */
    static final WordSet NO_NAMES = WordSet.of(
            "bruder",
            "schwester",
            "vater",
            "mutter",
            "sohn",
            "tochter",
            "cousin",
            "cousine",
            "neffe",
            "nichte",
            "enkel",
            "enkelin",
            "son",
            "daughter",
            "brother",
            "sister",
            "father",
            "mother",
            "nonna",
            "nonno",
            "baba",
            "matka",
            "ojciec",
            "adi",
            "man",
            "rein",
            "raus",
            "said",
            "kam",
            "ned",
            "mei");

    /** "am mühlbach", "zum anger": the words that start a street's name alone. */
    private static final WordSet STREET_PREFIXES = WordSet.of("am", "im", "zum", "zur", "beim", "hinterm");

    /** "auf dem hügel", "an der alster": prepositions that start a street's name only with their article. */
    private static final WordSet STREET_PREPOSITIONS = WordSet.of("an", "auf", "unter", "vor", "hinter", "in");

    private static final WordSet STREET_ARTICLES = WordSet.of("dem", "der", "den", "die");

    /** "simbach am inn", "rothenburg ob der tauber": the words that join a town's second part. */
    private static final WordSet TOWN_LINKS = WordSet.of("am", "an", "im", "ob", "in", "bei", "vor", "auf");

    private static final WordSet ARTICLES = WordSet.of("der", "dem", "den", "die");
    /** "bad endorf", "sankt vith": a town's first word that is never the whole town. */
    private static final WordSet TOWN_HEADS = WordSet.of("bad", "sankt", "st", "neu", "alt", "groß", "gross", "klein");

    /** The lexicon bits of a word that is a name: curated first names and surnames, the world lists. */
    private static final int NAME = Lexicons.FIRST | Lexicons.SURNAME | Lexicons.WORLD_NAME | Lexicons.WORLD_FIRST;

    /** The bits of an everyday word: never capitalized as a name on its own. */
    static final int WORD = Lexicons.STOP | Lexicons.COMMON | Lexicons.ORDINARY;

    /** The bits of a stop word or everyday word: never capitalized, whatever the context. */
    static final int PLAIN = Lexicons.STOP | Lexicons.COMMON;

    private LowerCaseMessages() {}

    /**
     * The tokens of {@code c} with the names, towns and streets of a lower-case message capitalized, in {@code c} as in
     * the tokens; {@code tokens} itself when the message is not typed in lower case.
     */
    static List<Token> recase(char[] c, List<Token> tokens) {
        if (!typedInLowerCase(c, tokens)) return tokens;
        int n = tokens.size();
        boolean[] up = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!lowerCaseWord(c, t) || NO_NAMES.has(t)) continue;
            int bits = t.lexicon();
            boolean next = i + 1 < n && nextToIt(c, t, tokens.get(i + 1)) && lowerCaseWord(c, tokens.get(i + 1));
            if (SALUTATIONS.has(t) && !(i > 0 && POSSESSIVES.has(tokens.get(i - 1)))) {
                up[i] = true;
                if (next && surnameAfterSalutation(tokens.get(i + 1))) {
                    up[i + 1] = true;
                    surnames(c, tokens, i + 1, up);
                }
            } else if ((bits & Lexicons.FIRST) != 0 && t.length() >= 4 && (bits & WORD) == 0) {
                up[i] = true; // "sabine", "jörg"
                surnames(c, tokens, i, up);
                if (i > 0 && up[i] && surnameBefore(c, tokens, i - 1)) up[i - 1] = true; // "reimer olga"
            } else if (curated(t) && next && followsName(tokens.get(i + 1))
                    || nameWord(t) && next && (curated(tokens.get(i + 1)) || pairedName(t, tokens.get(i + 1)))) {
                up[i] = true; // "petersen hinrich", "ahmad rahimi"
                surnames(c, tokens, i, up);
            } else if (t.length() >= 3 && (bits & WORD) == 0 && (bits & Lexicons.CITY) != 0) {
                up[i] = true; // "aachen"
            } else if (t.length() >= 4
                    && (bits & Lexicons.STOP) == 0
                    && (!StreetLexicon.isStreetToken(t) || i > 0 && !up[i - 1] && streetStart(tokens.get(i - 1)))
                    && postcodeAfterHouseNumber(c, tokens, i + 1)) {
                up[i] = true; // "süderende 22a, 25946 nebel", "am mühlbach 3, …", "auf dem hügel 21, …"
                int k = i - 1;
                if (k >= 0 && !up[k] && !STREET_PREFIXES.has(tokens.get(k)) && streetStart(tokens.get(k))) {
                    up[k--] = true; // "am alten graben 7 35037 marburg"
                }
                if (k > 0 && STREET_ARTICLES.has(tokens.get(k)) && STREET_PREPOSITIONS.has(tokens.get(k - 1))) {
                    up[k - 1] = true; // "auf dem hügel"
                } else if (k >= 0 && STREET_PREFIXES.has(tokens.get(k))) {
                    up[k] = true; // "am mühlbach"
                }
            } else if (t.length() >= 3 && (bits & PLAIN) == 0 && afterPostcode(c, tokens, i)) {
                up[i] = true; // "25885 ahrenviöl"
                int k = i + 1;
                if (k < n && TOWN_LINKS.has(tokens.get(k))) k++;
                if (k < n && ARTICLES.has(tokens.get(k))) k++;
                if (k > i + 1 || TOWN_HEADS.has(t) || k < n && c[tokens.get(k).start() - 1] == '(') {
                    if (k < n
                            && lowerCaseWord(c, tokens.get(k))
                            && (tokens.get(k).lexicon() & PLAIN) == 0) {
                        up[k] = true; // "simbach am inn", "bad endorf", "halle (saale)"
                    }
                }
            }
        }
        NamesInSlots.mark(c, tokens, up);
        List<Token> out = null;
        for (int i = 0; i < n; i++) {
            if (!up[i] || !lowerCaseWord(c, tokens.get(i))) continue;
            if (out == null) out = new ArrayList<>(tokens);
            Token t = tokens.get(i);
            c[t.start()] = Character.toUpperCase(c[t.start()]);
            out.set(i, capitalized(t, c));
        }
        return out == null ? tokens : out;
    }

    /**
     * "marco antonio bellandi", "rüdiger mannsfeld": after a name word, up to three more names, each a word of the name
     * lists that is no stop word or everyday word, or a word of no list at all, which ends the name: an unknown word
     * after a first name is its surname far more often than a verb ("vanessa mache" is the price).
     */
    static void surnames(char[] c, List<Token> tokens, int i, boolean[] up) {
        for (int k = i + 1; k <= i + 3 && k < tokens.size(); k++) {
            Token w = tokens.get(k);
            if (!nextToIt(c, tokens.get(k - 1), w) || !lowerCaseWord(c, w) || !followsName(w)) return;
            up[k] = true;
            if (w.lexicon() == 0) return;
        }
    }

    /** A word that may continue a name: a name word (also one that is a word, "vogel") or a word of no list. */
    static boolean followsName(Token w) {
        int bits = w.lexicon();
        return w.isWord()
                && w.length() >= 3
                && (bits & PLAIN) == 0
                && !NO_NAMES.has(w)
                && w.keywordLists() == null // "geb", "tel", "kdnr": a keyword, never a name
                && (bits == 0 && w.length() >= 4 || (bits & (Lexicons.FIRST | Lexicons.SURNAME)) != 0 || nameWord(w));
    }

    /** "reimer olga", "häfele gretl": a surname written before the first name, at the start of the text or a clause. */
    private static boolean surnameBefore(char[] c, List<Token> tokens, int k) {
        Token w = tokens.get(k);
        int bits = w.lexicon();
        if (!lowerCaseWord(c, w) || w.length() < 3 || (bits & PLAIN) != 0) return false;
        if (bits != 0 && (bits & Lexicons.SURNAME) == 0 || w.keywordLists() != null || w.length() < 4) return false;
        if (!nextToIt(c, w, tokens.get(k + 1))) return false;
        return k == 0 || ",;:-(".indexOf(lastCharBefore(c, w.start())) >= 0;
    }

    private static char lastCharBefore(char[] c, int pos) {
        for (int i = pos - 1; i >= 0; i--) if (c[i] != ' ') return c[i];
        return ',';
    }

    /**
     * "ahmad zia", "olumide adeyemi": two words of the world name lists side by side, one a first name there, neither
     * only a family name of the lists (which hold many words: "bruder", "los"), one of four letters or more.
     */
    private static boolean pairedName(Token a, Token b) {
        int given = Lexicons.FIRST | Lexicons.WORLD_FIRST;
        int named = given | Lexicons.SURNAME;
        return nameWord(b)
                && (a.lexicon() & named) != 0
                && (b.lexicon() & named) != 0
                && ((a.lexicon() | b.lexicon()) & given) != 0
                && Math.max(a.length(), b.length()) >= 4;
    }

    /** A curated first name or surname that is no everyday word: "petersen", "hinrich". */
    private static boolean curated(Token t) {
        int bits = t.lexicon();
        return t.isWord() && t.length() >= 3 && (bits & (Lexicons.FIRST | Lexicons.SURNAME)) != 0 && (bits & WORD) == 0;
    }

    /** A word written in lower case; not one glued to a "!" ("fritz!box"), a product's name. */
    static boolean lowerCaseWord(char[] c, Token t) {
        return t.isWord()
                && !t.capitalized()
                && Character.isLowerCase(c[t.start()])
                && !(t.end() < c.length
                        && c[t.end()] == '!'
                        && t.end() + 1 < c.length
                        && Character.isLetter(c[t.end() + 1]));
    }

    /** A word of a name list that is no everyday word, of three letters or more. */
    static boolean nameWord(Token t) {
        return t.length() >= 3 && (t.lexicon() & NAME) != 0 && (t.lexicon() & WORD) == 0 && !NO_NAMES.has(t);
    }

    /** "frau mannsfeld", "herr wolf": after a salutation a surname even when it is a word, or a word of no list. */
    static boolean surnameAfterSalutation(Token t) {
        int bits = t.lexicon();
        return t.isWord() && t.length() >= 3 && (bits & PLAIN) == 0 && (bits == 0 || (bits & NAME) != 0);
    }

    /** Whether no word is capitalized but at a sentence's start or as a short acronym; at least three words. */
    static boolean typedInLowerCase(char[] c, List<Token> tokens) {
        int words = 0;
        for (Token t : tokens) {
            if (!t.isWord()) continue;
            words++;
            if (!t.capitalized()) continue;
            if (t.length() <= 5 && TextScan.unchangedByUpperCase(t.text())) continue; // "DSL", "IBAN", "KDNR"
            if (!sentenceStart(c, t.start())) return false;
        }
        return words >= 3;
    }

    private static boolean sentenceStart(char[] c, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char ch = c[i];
            if (ch == ' ' || ch == '\t' || ch == '"' || ch == '(') continue;
            return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '\n' || ch == '-';
        }
        return true;
    }

    /** "sabine weber", "fr. mannsfeld": the next word, after a space (and an abbreviation's dot) only. */
    static boolean nextToIt(char[] c, Token a, Token b) {
        if (!b.isWord() || b.start() - a.end() > 2) return false;
        for (int i = a.end(); i < b.start(); i++) {
            if (c[i] != ' ' && !(c[i] == '.' && i == a.end() && a.length() <= 3)) return false;
        }
        return true;
    }

    /** "am", "alten" before "graben": a prefix or an adjective that begins a street's name. */
    private static boolean streetStart(Token w) {
        return w.isWord()
                && (STREET_PREFIXES.has(w)
                        || w.length() <= 10
                                && (w.lexicon() & (Lexicons.STOP | NAME)) == 0
                                && SpokenAddresses.adjective(w));
    }

    /**
     * "22a, 25946 nebel", "3 24340 eckernförde": at {@code k} a house number (up to four digits, a letter glued to it),
     * then a comma or space and a five-digit postcode with a word after it: the word before {@code k} names a street.
     */
    private static boolean postcodeAfterHouseNumber(char[] c, List<Token> tokens, int k) {
        if (k < 1 || k + 2 >= tokens.size()) return false;
        Token number = tokens.get(k);
        if (!number.isNumber() || number.length() > 4 || c[number.start()] == '0') return false;
        if (number.start() - tokens.get(k - 1).end() != 1 || c[number.start() - 1] != ' ') return false;
        int p = k + 1;
        if (tokens.get(p).isWord()
                && tokens.get(p).length() == 1
                && tokens.get(p).start() == number.end()) p++;
        if (p + 1 >= tokens.size()) return false;
        Token postcode = tokens.get(p);
        if (!postcode.isNumber() || postcode.length() != 5) return false;
        for (int i = tokens.get(p - 1).end(); i < postcode.start(); i++) if (c[i] != ' ' && c[i] != ',') return false;
        return postcode.start() - tokens.get(p - 1).end() <= 2
                && tokens.get(p + 1).isWord();
    }

    /** "25885 ahrenviöl", "4780 schärding": the word right after a postcode of four or five digits. */
    private static boolean afterPostcode(char[] c, List<Token> tokens, int i) {
        if (i == 0) return false;
        Token p = tokens.get(i - 1);
        Token t = tokens.get(i);
        // a four-digit postcode (Austria, Switzerland, Belgium) only after a house number: "hauptstraße 41, 4780 …"
        boolean afterHouseNumber = i >= 2 && tokens.get(i - 2).isNumber()
                || i >= 3 && tokens.get(i - 3).isNumber() && tokens.get(i - 2).length() == 1;
        return p.isNumber()
                && (p.length() == 5 || p.length() == 4 && afterHouseNumber)
                && t.start() - p.end() == 1
                && c[p.end()] == ' ';
    }

    private static Token capitalized(Token t, char[] c) {
        return new Token(
                t.start(),
                t.end(),
                t.kind(),
                new String(c, t.start(), t.length()),
                t.folded(),
                true,
                t.lexicon(),
                t.keywordLists(),
                t.keywordGeneration());
    }
}
