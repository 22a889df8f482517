package io.carehub.privacy;

/**
 * The words of streets abroad that {@link AddressesAbroad} looks for: street words before and after the name, the
 * links inside a name, the words before a house number, and the endings of one-word street names. All folded.
 */
final class AbroadStreetWords {

    private AbroadStreetWords() {}

    /** Street words written before the street's name, folded, in the languages of the common origin countries. */
    static final WordSet STREET_FIRST = WordSet.of(
            "ul",
            "ulica",
            "al",
            "aleja",
            "plac",
            "os",
            "osiedle",
            "via",
            "viale",
            "piazza",
            "piazzale",
            "corso",
            "vicolo",
            "largo",
            "rue",
            "avenue",
            "av",
            "boulevard",
            "bd",
            "blvd",
            "chemin",
            "allee",
            "impasse",
            "quai",
            "place",
            "cours",
            // Maghrebi lane, alley, neighbourhood and housing estate: "Derb Sidi Bouloukat 14", "Zanka 7 N° 12"
            "derb",
            "zanka",
            "lotissement",
            "calle",
            "avenida",
            "avda",
            "paseo",
            "plaza",
            "carrer",
            "rua",
            "praca",
            "travessa",
            "str",
            "strada",
            "bulevardul",
            "calea",
            "aleea",
            "sos",
            "soseaua",
            "piata",
            "splaiul",
            "intrarea",
            "вул",
            "вулиця",
            "ул",
            "улица",
            "проспект",
            "просп",
            "пр",
            "пров",
            "пер",
            "переулок",
            "бульвар",
            // Bulgarian boulevard: "бул. „Витоша“ 12"
            "бул",
            "булевард",
            "пл",
            "площадь",
            "ulitsa",
            "vulytsia",
            "utca",
            "odos",
            "οδος",
            "leoforos",
            // Czech and Slovak squares, avenues and embankments: "nám. Míru 12", "třída Svobody 5"
            "nam",
            "namesti",
            "namestie",
            "trida",
            "trieda",
            "nabrezi",
            "nabr",
            // Albanian, Serbian, Croatian and Slovenian: "Rruga Nëna Tereze 14", "Trg bana Jelačića 3"
            "rruga",
            "rr",
            "sheshi",
            "bulevardi",
            "bulevar",
            "trg",
            // Greek avenue, street and square, in Latin and Greek letters ("Leof. Kifisias 120", "οδός Ερμού 25");
            // Maltese
            // street, alley, square and avenue ("Triq il-Kbira", "Sqaq", "Pjazza", "Vjal")
            "leof",
            "λεωφ",
            "λεωφόρος",
            "λεωφόρου",
            "οδός",
            "οδού",
            "πλατεία",
            "triq",
            "trejqa",
            "sqaq",
            "pjazza",
            "vjal");
    /** Street words written after the name: English and Dutch. */
    static final WordSet STREET_LAST = WordSet.of(
            "road",
            "rd",
            "street",
            "st",
            "lane",
            "ln",
            "drive",
            "dr",
            "avenue",
            "ave",
            "crescent",
            "close",
            "court",
            "ct",
            "place",
            "pl",
            "way",
            "terrace",
            "gardens",
            "grove",
            "park",
            "row",
            "boulevard",
            "blvd",
            "parkway",
            "pkwy",
            "highway",
            "hwy",
            "parade",
            "square",
            "hill",
            "walk",
            "mews",
            "straat",
            "laan",
            "weg",
            "gracht",
            "plein",
            "kade",
            "singel",
            "dijk");

    static final WordSet DIRECTIONS =
            WordSet.of("west", "east", "north", "south", "nw", "ne", "sw", "se", "n", "e", "s", "w");
    /** Words inside a street's name that are not capitalized: "Rue de la Gare", "Calle del Prado". */
    static final WordSet NAME_LINKS = WordSet.of(
            "de",
            "la",
            "le",
            "les",
            "du",
            "des",
            "del",
            "della",
            "dei",
            "degli",
            "delle",
            "dello",
            "dels",
            "di",
            "da",
            "do",
            "dos",
            "das",
            "van",
            "von",
            "der",
            "den",
            "the",
            "of",
            "y",
            "e",
            "d'",
            // Romanian "Ștefan cel Mare", Croatian and Serbian titles ("Trg bana Jelačića", "Ulica kralja Zvonimira"),
            // Maltese articles ("Triq il-Kbira", "Triq tal-Ħriereb")
            "il",
            "l",
            "ta",
            "tal",
            "tas",
            "tax",
            "taz",
            "tat",
            "cel",
            "bana",
            "kralja",
            "kraljice",
            "kneza",
            "kneginje",
            "cara",
            "svetog",
            "sv");
    /**
     * Street words written in lower case as often as not ("rue de Rivoli 5", "улица Ленина 3", "οδός Ερμού 25"); others
     * need a capital or a dot.
     */
    static final WordSet LOWER_CASE_OK = WordSet.of(
            "rue",
            "piazza",
            "calle",
            "rua",
            "ulica",
            "strada",
            "calea",
            "aleea",
            "улица",
            "вулиця",
            "проспект",
            "avenida",
            "carrer",
            "οδός",
            "οδού",
            "λεωφόρος",
            "λεωφόρου");
    /** After a number, a unit or a time: "Via WhatsApp 24 Stunden" is no street. */
    static final WordSet NOT_AFTER_NUMBER = WordSet.of(
            "stunden", "std", "uhr", "tage", "min", "minuten", "gb", "mb", "euro", "eur", "monate", "jahre", "prozent",
            "mal", "x", "times", "hours", "days", "months", "years", "minutes", "h");
    /** Before a house number: "nr. 28", "no. 5", "No: 15", "д. 7". */
    static final WordSet NUMBER_WORDS = WordSet.of("nr", "no", "nº", "n", "д", "dom", "numero", "num");
    /** Street words written after the name as a word of their own: Turkish, Hungarian, Dutch, Nordic, Baltic, Czech. */
    static final WordSet STREET_AFTER = WordSet.of(
            "sokak",
            "sokagi",
            "sok",
            "cadde",
            "caddesi",
            "cad",
            "cd",
            "bulvari",
            "blv",
            "utca",
            "ut",
            // Hungarian square, ring road, lane, boulevard and embankment, folded ("tér", "körút", "köz", "rakpart")
            "ter",
            "koerut",
            "krt",
            "koez",
            "sugarut",
            "rakpart",
            "fasor",
            "straat",
            "laan",
            "gracht",
            "vej",
            "gade",
            "gata",
            "gatan",
            "vagen",
            "katu",
            "iela",
            "gatve",
            "ulice",
            "trida",
            // Norwegian and Slovenian/Croatian: "Karl Johans gate", "Slovenska cesta"
            "gate",
            "vei",
            "veien",
            "cesta",
            // Estonian roads, streets and boulevards ("Narva mnt 5", "Pärnu maantee 10", "Rävala pst 3"), Lithuanian
            // avenues and alleys ("Gedimino pr. 9", "Laisvės al. 53"), Latvian avenues and boulevards; not the
            // Danish "allé", which folds to the Italian "alle" of "Marco alle 10"
            "mnt",
            "maantee",
            "tn",
            "tanav",
            "taenav",
            "pst",
            "puiestee",
            "pr",
            "prospektas",
            "al",
            "aleja",
            "aleya",
            "prospekts",
            "bulvaris",
            // Armenian street and avenue, often shortened: "Աբովյան փ. 24", "Մաշտոցի պող. 7"
            "փ",
            "փողոց",
            "պող",
            "պողոտա");
    /** "l'Église", "d'Alsace": a name after an elided French article, one token with it; or a Maltese one. */
    static boolean elidedName(TextScan.Token n) {
        String w = n.text();
        return w.length() > 3
                        && (w.charAt(0) == 'l' || w.charAt(0) == 'd')
                        && (w.charAt(1) == '\'' || w.charAt(1) == '’')
                        && Character.isUpperCase(w.charAt(2))
                || maltesePrefixedName(w);
    }

    /** "il-Kbira", "tal-Ħriereb", "ta'Xbiex": a Maltese article glued to a capitalized name, one token with it. */
    private static boolean maltesePrefixedName(String w) {
        int mark = 0;
        while (mark < w.length() && mark < 4 && Character.isLowerCase(w.charAt(mark))) mark++;
        return mark >= 1
                && mark + 2 < w.length()
                && (w.charAt(mark) == '-' || w.charAt(mark) == '\'')
                && NAME_LINKS.contains(w.substring(0, mark))
                && Character.isUpperCase(w.charAt(mark + 1));
    }
}
