package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Words that are names elsewhere but not where they stand: a place after "Ortsteil" or "Bad" ("Ortsteil Haltingen",
 * "Bad Schandau"), a month after a word of time ("until March", "seit Juni"), a nationality before a word that is no
 * name ("Schweizer Konto"; after a salutation or a first name it is a surname: "Frau Schweizer", "Anna Schweizer") and
 * the word after it, a street's name without its number ("Die Straße heißt Mühlenweg").
 */
final class NoNameContexts {

    /** Words before a place's name: the word after them is a place. */
    private static final WordSet PLACE_BEFORE =
            WordSet.of("ortsteil", "stadtteil", "ortschaft", "ot", "gemeinde", "landkreis", "kreis", "bezirk", "bad");

    /** Words of time before a month's name. */
    private static final WordSet TIME_BEFORE = WordSet.of(
            "until",
            "till",
            "in",
            "since",
            "from",
            "by",
            "before",
            "after",
            "of",
            "end",
            "early",
            "mid",
            "late",
            "next",
            "last",
            "this",
            "bis",
            "im",
            "seit",
            "ab",
            "ende",
            "anfang",
            "mitte",
            "vor",
            "nach",
            "letzten",
            "naechsten",
            "diesen",
            "zum");

    /** Nationalities that are surnames too. */
    private static final WordSet NATIONALITIES = WordSet.of(
            "schweizer",
            "bayer",
            "ungar",
            "hollaender",
            "deutscher",
            "deutsch",
            "oesterreicher",
            "luxemburger",
            "franzose",
            "daene",
            "pole",
            "tuerke",
            "englaender",
            "schotte",
            "ire");

    /** Streets named without a number: only the unambiguous street words, not "-ring" (Göring, Hering). */
    private static final List<String> STREET_ENDINGS = List.of("strasse", "weg", "allee", "gasse");

    private final Lexicons lex;

    NoNameContexts(Lexicons lex) {
        this.lex = lex;
    }

    boolean noName(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token token = t.get(k);
        String f = token.folded();
        Token before = k > 0 && s.onlyBetween(t.get(k - 1).end(), token.start(), "") ? t.get(k - 1) : null;
        if (before != null
                && PLACE_BEFORE.has(before)
                && (before.capitalized() || !before.folded().equals("bad"))) return true;
        if (Dates.month(f) > 0
                && (before != null && TIME_BEFORE.has(before)
                        || k + 1 < t.size() && t.get(k + 1).isNumber())) return true;
        if (streetWord(f) && !lex.isName(f) && StreetLexicon.isStreetToken(f)) {
            return !nextToNumber(t, k); // "Die Straße heißt Mühlenweg"; next to a number it is an address's
        }
        if (before != null && nationality(s, k - 1) && !lex.isName(f) && !lex.isWorldName(f)) return true;
        return nationality(s, k);
    }

    /** "Schweizer" before "Konto": a nationality, not a surname. */
    private boolean nationality(TextScan s, int k) {
        Token before = k > 0
                        && s.onlyBetween(
                                s.tokens.get(k - 1).end(), s.tokens.get(k).start(), "")
                ? s.tokens.get(k - 1)
                : null;
        return NATIONALITIES.has(s.tokens.get(k)) && beforeANoun(s, k) && !addressed(before);
    }

    private static boolean streetWord(String f) {
        for (String ending : STREET_ENDINGS) {
            if (f.endsWith(ending)) return true;
        }
        return false;
    }

    private static boolean nextToNumber(List<Token> t, int k) {
        return k > 0 && t.get(k - 1).isNumber()
                || k + 1 < t.size() && t.get(k + 1).isNumber();
    }

    /** "Schweizer Konto", "Schweizer Studierende": the next word is no name. */
    private boolean beforeANoun(TextScan s, int k) {
        if (k + 1 >= s.tokens.size()) return false;
        Token next = s.tokens.get(k + 1);
        String nf = next.folded();
        return next.isWord()
                && s.onlyBetween(s.tokens.get(k).end(), next.start(), "")
                && !lex.isName(nf)
                && !lex.isWorldName(nf);
    }

    /** "Herr Schweizer", "Anna Schweizer": a surname. */
    private boolean addressed(Token before) {
        if (before == null || !before.isWord()) return false;
        String f = before.folded();
        return NameSpan.TITLES.contains(f) || before.capitalized() && lex.isAnyFirstName(f);
    }
}
