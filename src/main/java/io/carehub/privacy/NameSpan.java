package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * How far a name reaches once something says one starts: the tokens that can belong to a name
 * (initials, particles such as "von", capitalized or lexicon words) and where it must stop (stop
 * words, titles, parts of an e-mail or host name). Shared by {@link NameTriggers} and {@link LexiconNames}.
 */
final class NameSpan {

    /** How much a token must look like a name to be taken after a trigger. */
    enum Mode {
        /** After "mein Name ist": any word that is not a stop word. */
        ANY,
        /** After a salutation, relation or signature: a lexicon name or a capitalized word. */
        LEXICON_OR_CAPITAL,
        /** After "ich bin", "this is": the first word must be a lexicon name (capitalized if it is also a word). */
        WEAK
    }

    static final WordSet TITLES = WordSet.of(
            "herr", "herrn", "frau", "hr", "fr", "dr", "prof", "mr", "mrs", "ms", "miss", "oma", "opa", "tante",
            "onkel", "sir", "med", "dipl", "ing");
    static final WordSet PARTICLES = WordSet.of(
            "von", "van", "de", "der", "den", "zu", "vom", "di", "da", "del", "el", "al", "ten", "ter", "le", "la");
    static final WordSet GREETINGS = WordSet.of("hi", "hallo", "hey", "moin", "servus", "hello", "huhu", "na");

    private final Lexicons lex;

    NameSpan(Lexicons lex) {
        this.lex = lex;
    }

    /** Adds a PERSON finding over tokens [k, end); returns end, or -1 if the span is empty. */
    static int emit(TextScan s, int k, int end, double score, List<Detection> out) {
        if (end <= k) return -1;
        List<Token> t = s.tokens;
        out.add(new Detection(
                EntityType.PERSON, t.get(k).start(), t.get(end - 1).end(), score));
        return end;
    }

    /** Token index after the name starting at k (== k if none). */
    int scanName(TextScan s, int k, Mode mode) {
        List<Token> t = s.tokens;
        int j = k;
        int names = 0;
        int lastName = k;
        while (j < t.size() && j - k < 5) {
            Token token = t.get(j);
            if (!token.isWord()) break;
            if (j > k && !joined(s, t.get(j - 1), token)) break;
            String f = token.folded();
            boolean initial = token.length() == 1
                    && Character.isUpperCase(token.text().charAt(0))
                    && s.at(token.end()) == '.'
                    && j + 1 < t.size()
                    && t.get(j + 1).start() - token.end() <= 2;
            if (initial) {
                j++;
                continue;
            }
            if (names > 0
                    && PARTICLES.contains(f)
                    && j + 1 < t.size()
                    && t.get(j + 1).capitalized()
                    && !StreetLexicon.isStreetToken(t.get(j + 1).folded()) // "Ayşe von Weserstraße 23"
                    && !houseNumberAfter(s, j + 1)) { // "Vroni Kirchmayr von Oberhaslach 7, 94258 Frauenau"
                j++;
                continue;
            }
            // "Frau Hildegard Sauer": a capitalized surname after a name, though "sauer" is also an everyday word
            boolean surnameAfterName = names > 0 && token.capitalized() && lex.isSurname(token);
            if (!surnameAfterName
                    && (lex.isStopWord(token)
                            || TITLES.contains(f)
                            || f.length() < 2
                            || partOfAddress(s, token)
                            || numberWord(f))) break;
            boolean isName = lex.isName(token);
            boolean ok;
            if (names > 0) {
                ok = isName || token.capitalized();
            } else {
                ok = switch (mode) {
                    case ANY -> true;
                    case LEXICON_OR_CAPITAL -> isName || token.capitalized();
                    case WEAK ->
                        isName && (!lex.isOrdinary(token) || token.capitalized())
                                || lex.isContextName(f, token.capitalized())
                                || token.capitalized()
                                        && j + 1 < t.size()
                                        && t.get(j + 1).capitalized()
                                        && (lex.isSurname(t.get(j + 1))
                                                || lex.isContextName(
                                                        t.get(j + 1).folded(), true));
                };
            }
            if (!ok) break;
            names++;
            j++;
            lastName = j;
        }
        return names == 0 ? k : lastName;
    }

    /** "Passnummer", "Kundennr", "number": the word for a number is never a name. */
    static boolean numberWord(String folded) {
        return folded.endsWith("nummer") || folded.endsWith("number") || folded.endsWith("nr") && folded.length() > 3;
    }

    /** "vanessa.lorenz@gmx.de", "telekom.de": a word inside an e-mail or host name is not a name. */
    /** Token {@code k} is followed by a house number: "von Oberhaslach 7" is a place, not a surname. */
    static boolean houseNumberAfter(TextScan s, int k) {
        List<Token> t = s.tokens;
        return k + 1 < t.size()
                && t.get(k + 1).isNumber()
                && t.get(k + 1).length() <= 4
                && t.get(k + 1).start() - t.get(k).end() == 1;
    }

    static boolean partOfAddress(TextScan s, Token token) {
        char after = s.at(token.end());
        char before = s.at(token.start() - 1);
        if (after == '!' && Character.isLetter(s.at(token.end() + 1))) return true; // a product: FRITZ!Box
        return after == '@'
                || before == '@'
                || (after == '.' || after == '_') && Chars.isAlnum(s.at(token.end() + 1))
                || (before == '.' || before == '_') && Chars.isAlnum(s.at(token.start() - 2));
    }

    /** One space between two words, or "Dr. Anna": an abbreviation of up to four letters, a dot and a space. */
    static boolean joined(TextScan s, Token a, Token b) {
        int gap = b.start() - a.end();
        if (gap == 1) return s.at(a.end()) == ' ';
        return gap == 2 && s.at(a.end()) == '.' && s.at(a.end() + 1) == ' ' && a.length() <= 4;
    }
}
