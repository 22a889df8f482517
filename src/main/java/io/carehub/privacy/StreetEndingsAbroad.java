package io.carehub.privacy;

/**
 * Street names abroad written as one word with the street word as their ending: Dutch "Kalverstraat", Danish
 * "Nørregade", Swedish "Storgatan", Finnish "Hämeenkatu", Latvian "Brīvības iela" glued. The ending must leave a name
 * of four letters or more before it.
 */
final class StreetEndingsAbroad {

    /** Endings of one-word street names abroad: "Kalverstraat", "Nørregade", "Storgatan", "Hämeenkatu". */
    private static final String[] STREET_ENDINGS = {
        "straat",
        "laan",
        "gracht",
        "plein",
        "vej",
        "gade",
        "gatan",
        "vagen",
        "katu",
        "iela",
        // Dutch, Danish, Swedish ("väg" folds to "vaeg") and Norwegian
        "kade",
        "singel",
        "dijk",
        "steeg",
        "dreef",
        "plads",
        "torv",
        "straede",
        "vaegen",
        "veien",
        "gata",
        "gaten",
        // Finnish roads, lanes and paths: "Mannerheimintie", "Koivukuja", "Rantapolku"; Estonian streets "Pikk tänav"
        "tie",
        "kuja",
        "polku",
        "vaeylae",
        "tanav"
    };

    private static final SuffixList ENDINGS = new SuffixList(java.util.List.of(STREET_ENDINGS));

    private StreetEndingsAbroad() {}

    /** A one-word street name abroad by its ending; "Brigade", "Garantie" and "Partie" are none. */
    static boolean endsLikeAStreet(String folded) {
        if (!ENDINGS.endsWithAny(folded, 4)) return false; // most words: one read from the end
        for (String ending : STREET_ENDINGS) {
            if (folded.length() >= ending.length() + 4 && folded.endsWith(ending)) { // not "Brigade"
                return !ending.equals("tie") || !folded.endsWith("antie") && !folded.endsWith("artie"); // "Garantie"
            }
        }
        return false;
    }
}
