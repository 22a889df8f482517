package io.carehub.privacy;

/**
 * The words {@link NameTriggers} reacts to: relations ("Tochter", "mi esposa"), holders ("Kontoinhaber"), closers
 * ("LG", "Grüße"), self-introductions ("bin"), and the fillers it steps over between such a word and the name.
 * Kept apart so that the trigger logic reads on one screen.
 */
final class NameTriggerWords {

    private NameTriggerWords() {}

    static final WordSet RELATIONS = WordSet.of(
            "mann",
            "ehemann",
            "frau",
            "ehefrau",
            "sohn",
            "tochter",
            "vater",
            "mutter",
            "papa",
            "mama",
            "bruder",
            "schwester",
            "freund",
            "freundin",
            "enkel",
            "enkelin",
            "nachbar",
            "nachbarin",
            "kollege",
            "kollegin",
            "chef",
            "chefin",
            "partner",
            "partnerin",
            "husband",
            "wife",
            "son",
            "daughter",
            "father",
            "mother",
            "brother",
            "sister",
            "friend",
            "neighbour",
            "neighbor",
            "mum",
            "mom",
            "dad",
            // people in address context: "beim Hausmeister Kostas klingeln"
            "hausmeister",
            "hausmeisterin",
            "vermieter",
            "vermieterin",
            "schwiegermutter",
            "schwiegervater",
            "landlord",
            // the same relations in the languages of writers from abroad: "mi esposa …", "mia sorella …", "minha irmã
            // …"; not "filho" (the suffix of "Neves Filho"), "fils" (also a river) or "eşim" (also eSIM)
            "esposa",
            "esposo",
            "mujer",
            "marido",
            "hijo",
            "hija",
            "hermano",
            "hermana",
            "suegro",
            "suegra",
            "abuelo",
            "abuela",
            "moglie",
            "marito",
            "figlio",
            "figlia",
            "fratello",
            "sorella",
            "suocero",
            "suocera",
            "nonno",
            "nonna",
            "irmao",
            "irma",
            "sogro",
            "sogra",
            "epouse",
            "epoux",
            "fille",
            "frere",
            "soeur",
            "corka",
            "siostra",
            "annem",
            "babam",
            "oglum",
            "kizim");

    static final WordSet HOLDERS = WordSet.of(
            "kontoinhaber",
            "kontoinhaberin",
            "inhaber",
            "inhaberin",
            "ansprechpartner",
            "ansprechpartnerin",
            "vertragsinhaber",
            "vertragsinhaberin",
            "anschlussinhaber",
            "geschaeftsfuehrer",
            "geschaeftsfuehrerin",
            "holder",
            "namen",
            "behalf",
            "bevollmaechtigter",
            "bevollmaechtigte");

    static final WordSet CLOSERS = WordSet.of(
            "lg",
            "vg",
            "mfg",
            "sg",
            "gruss",
            "gruesse",
            "grusse",
            "grues",
            "hochachtungsvoll",
            "danke",
            "dank",
            "thanks",
            "thx",
            "cheers",
            "regards",
            "best",
            "sincerely",
            "bye",
            "ciao",
            "tschuess",
            "tschues",
            "servus");

    static final WordSet SKIP_AFTER_CLOSER =
            WordSet.of("dir", "euch", "ihnen", "you", "i", "a", "pp", "ppa", "schoen", "nochmal", "nochmals");

    /** German and English "bin"/"is" precede many words; the foreign forms of the same case introduce a name. */
    static final WordSet GERMAN_ENGLISH_INTRO = WordSet.of("bin", "bins", "am", "i'm", "it's", "its", "is", "ist");

    /** Words after a name that end it: where the writer is from, and who else writes. */
    static final WordSet AFTER_NAME = WordSet.of("aus", "from", "von", "vom", "und", "and", "mit", "with");

    static final WordSet WEAK_SKIP =
            WordSet.of("der", "die", "de", "da", "dae", "nochmal", "nochmals", "auch", "hier", "again");

    static final WordSet HOLDER_FILLERS =
            WordSet.of("of", "my", "meine", "meinen", "meiner", "den", "namen", "von", "ist", "is");
}
