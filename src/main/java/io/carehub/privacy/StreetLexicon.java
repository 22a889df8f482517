package io.carehub.privacy;

import java.util.List;

/**
 * The street-name lexicon of {@link AddressRules}: street suffixes ("-straße", "-weg", "-allee"), the words that
 * follow a street name ("Str.", "Allee", "Street"), and the compounds that end like a street but are none.
 */
final class StreetLexicon {

    private static final String[] STREET_SUFFIXES = {
        "strasse",
        "str",
        "weg",
        "allee",
        "platz",
        "gasse",
        "ring",
        "damm",
        "ufer",
        "chaussee",
        "pfad",
        "steig",
        "stieg",
        "halde",
        "kamp",
        "wall",
        "graben",
        "zeile",
        "promenade",
        "markt",
        "anger",
        "deich",
        "stiege",
        "twiete"
    };
    static final WordSet STREET_WORDS = WordSet.of(
            "strasse",
            "str",
            "weg",
            "allee",
            "platz",
            "gasse",
            "ring",
            "damm",
            "ufer",
            "chaussee",
            "street",
            "st",
            "road",
            "rd",
            "avenue",
            "ave",
            "lane",
            "drive",
            "way",
            "square",
            "place");
    private static final WordSet NOT_STREETS = WordSet.of(
            // numbered roads between towns ("Bundesstraße 96", "Kreisstraße 12"): a route, not where someone lives
            "bundesstrasse",
            "staatsstrasse",
            "kreisstrasse",
            "arbeitsplatz",
            "parkplatz",
            "speicherplatz",
            "ausweg",
            "rueckweg",
            "heimweg",
            "weg",
            "gering",
            "supermarkt",
            "markt",
            "platz",
            "ring",
            "damm",
            "wall",
            "anger",
            "deich",
            "arbeitsweg",
            "zahlungsweg",
            "versandweg",
            "umweg",
            "hinweg",
            "telefonmarkt",
            "mobilfunkmarkt",
            "stellplatz",
            "steckplatz");

    /** The last letters of {@link #STREET_SUFFIXES}: a word ending otherwise is no street, whatever else it is. */
    private static final String STREET_SUFFIX_ENDS = lastChars(STREET_SUFFIXES);

    private static final SuffixList STREET_ENDINGS = new SuffixList(List.of(STREET_SUFFIXES));

    private static String lastChars(String[] words) {
        StringBuilder ends = new StringBuilder();
        for (String w : words) {
            if (ends.indexOf(w.substring(w.length() - 1)) < 0) ends.append(w.charAt(w.length() - 1));
        }
        return ends.toString();
    }

    /** {@link #isStreetToken(String)} of a token's folded form, its exceptions looked up by the token's bits. */
    static boolean isStreetToken(TextScan.Token t) {
        String f = t.folded();
        if (f.isEmpty() || STREET_SUFFIX_ENDS.indexOf(f.charAt(f.length() - 1)) < 0) return false;
        return !NOT_STREETS.has(t) && hasStreetEnding(f);
    }

    static boolean isStreetToken(String f) {
        if (f.isEmpty() || STREET_SUFFIX_ENDS.indexOf(f.charAt(f.length() - 1)) < 0) return false;
        return !NOT_STREETS.has(f) && hasStreetEnding(f);
    }

    private static boolean hasStreetEnding(String f) {
        return STREET_ENDINGS.endsWithAny(f, 3);
    }

    private StreetLexicon() {}
}
