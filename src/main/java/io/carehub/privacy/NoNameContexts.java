package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Words that are names elsewhere but not where they stand: a place after "Ortsteil" or "Bad" ("Ortsteil Haltingen",
 * "Bad Schandau"), a month after a word of time ("until March", "seit Juni"), a nationality before a word that is no
 * name ("Schweizer Konto"; after a salutation or a first name it is a surname: "Frau Schweizer", "Anna Schweizer") and
 * the word after it, a street's name without its number ("Die Straße heißt Mühlenweg"), a country or a town after a
 * word of place ("nach Sofia", "з Харкова").
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

    /**
     * Countries in the names their people and their neighbours use (English, the local name in Latin and Cyrillic
     * script, Romanian and Italian): "in Chișinău, Moldova", "In Germania stau". A word the name lexicons list
     * (Georgia, Jordan) stays a name.
     */
    private static final WordSet COUNTRIES = WordSet.of(
            "moldova",
            "moldovei",
            "romania",
            "germania",
            "italia",
            "ucraina",
            "rusia",
            "bulgaria",
            "polonia",
            "ukraine",
            "ukraina",
            "україна",
            "украина",
            "украины",
            "україни",
            "russia",
            "rossiya",
            "россия",
            "россии",
            "росія",
            "германия",
            "германии",
            "німеччина",
            "німеччини",
            "belarus",
            "беларусь",
            "kazakhstan",
            "qazaqstan",
            "казахстан",
            "казахстана",
            "uzbekistan",
            "ozbekiston",
            "kyrgyzstan",
            "tajikistan",
            "turkmenistan",
            "azerbaijan",
            "azerbaycan",
            "armenia",
            "hayastan",
            "sakartvelo",
            "srbija",
            "србија",
            "hrvatska",
            "bosna",
            "shqiperia",
            "kosova",
            "makedonija",
            "polska",
            "lietuva",
            "latvija",
            "eesti",
            "turkiye",
            "turkey",
            "българия",
            "сърбия",
            "deutschland",
            "germany",
            "europa",
            "europe");
    /**
     * Capitals and large towns of the countries customers come from, which are first names too (Sofia) or look like
     * surnames to the model (Tbilisi): a place after a word of place or direction ("nach Sofia", "from Chișinău").
     */
    private static final WordSet TOWNS = WordSet.of(
            "sofia",
            "sofija",
            "софия",
            "chisinau",
            "kishinev",
            "кишинев",
            "kyiv",
            "kiev",
            "kijiw",
            "киев",
            "київ",
            "kharkiv",
            "charkiw",
            "odesa",
            "odessa",
            "lviv",
            "lwiw",
            "dnipro",
            "minsk",
            "минск",
            "moskau",
            "moscow",
            "moskva",
            "москва",
            "tbilisi",
            "tiflis",
            "batumi",
            "kutaisi",
            "yerevan",
            "jerewan",
            "eriwan",
            "gyumri",
            "baku",
            "almaty",
            "astana",
            "karaganda",
            "shymkent",
            "tashkent",
            "taschkent",
            "samarkand",
            "bishkek",
            "dushanbe",
            "bucuresti",
            "bukarest",
            "bucharest",
            "iasi",
            "beograd",
            "belgrad",
            "belgrade",
            "zagreb",
            "sarajevo",
            "skopje",
            "tirana",
            "tirane",
            "pristina",
            "prishtina",
            "plovdiv",
            "varna",
            "burgas");
    /** Words of place or direction before a town or country: "nach", "in", "from", Romanian "în", "din", "la". */
    private static final WordSet PLACE_PREPOSITIONS =
            WordSet.of("nach", "in", "aus", "von", "bei", "from", "to", "at", "din", "la", "da", "a", "w", "z", "u");
    /**
     * Slavic prepositions of place after which a capitalized word is a town in its case form ("з Харкова", "из
     * Омска", "в Одессе", "во Львове"): a person is "від"/"от" (from) or "с"/"з" with the instrumental (with).
     */
    private static final WordSet SLAVIC_PLACE_PREPOSITIONS = WordSet.of("з", "із", "зі", "из", "изо", "в", "во");
    /** Instrumental endings: "з Олегом", "з Оленою" is "with" a person. */
    private static final String[] INSTRUMENTAL = {"ом", "ем", "єм", "ою", "ею", "єю", "ой", "ей"};

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
        if (place(s, k, before)) return true;
        if (Dates.month(token) > 0
                && (before != null && TIME_BEFORE.has(before)
                        || k + 1 < t.size() && t.get(k + 1).isNumber())) return true;
        if (streetWord(f) && !lex.isName(token) && StreetLexicon.isStreetToken(token)) {
            return !nextToNumber(t, k); // "Die Straße heißt Mühlenweg"; next to a number it is an address's
        }
        if (before != null && nationality(s, k - 1) && !lex.isName(f) && !lex.isWorldName(f)) return true;
        return nationality(s, k);
    }

    /**
     * A country ("Moldova"), a town after a word of place ("nach Sofia"), a Cyrillic word in a town's case after a
     * Slavic preposition of place ("з Харкова"), or a Cyrillic abbreviation in capitals before a long number ("ЕГН
     * 9206306408", "ИИН 870314449016"): no person.
     */
    private boolean place(TextScan s, int k, Token before) {
        Token token = s.tokens.get(k);
        String f = token.folded();
        boolean named = lex.isName(f) || lex.isWorldName(f);
        if (COUNTRIES.contains(f) && !named) return true;
        if (before == null) return cyrillicAbbreviation(s, k);
        String b = before.folded();
        if (TOWNS.contains(f) && PLACE_PREPOSITIONS.contains(b)) return true;
        if (!SLAVIC_PLACE_PREPOSITIONS.contains(b) || !cyrillic(token) || !token.capitalized()) {
            return cyrillicAbbreviation(s, k);
        }
        for (String ending : INSTRUMENTAL) {
            if (f.endsWith(ending)) return false;
        }
        return true;
    }

    /** "ЕГН 9206306408": a Cyrillic keyword in capitals before its number ({@link ScriptNames#acronymBeforeNumber}). */
    private static boolean cyrillicAbbreviation(TextScan s, int k) {
        return cyrillic(s.tokens.get(k)) && ScriptNames.acronymBeforeNumber(s, k);
    }

    private static boolean cyrillic(Token w) {
        char ch = w.text().charAt(0);
        return w.isWord() && ch >= '\u0400' && ch <= '\u04FF';
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
