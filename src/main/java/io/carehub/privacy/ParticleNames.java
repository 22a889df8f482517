package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Names whose surname comes after a particle, covered whole (PERSON): "Pieter van den Berg", "Maria dos Santos",
 * "Seán Mac Giolla", "Ciarán Ó Súilleabháin", "Ahmed al-Hassan"; and names written in Cyrillic or Greek whose
 * surname has its script's surname ending ("Ольга Петрова", "Νίκος Παπαδόπουλος"). The surname after a particle is
 * often an everyday word elsewhere (Berg, Santos, Cruz), so the particle, not the lexicon, says it belongs.
 */
final class ParticleNames implements Scanner {

    /** Particles that in a German or English chat only stand inside a name. */
    private static final WordSet FOREIGN =
            WordSet.of("van", "ter", "ten", "dos", "bin", "ibn", "bint", "abu", "af", "dei", "degli");
    /** Particles that are words elsewhere too ("de", "la", "da"): the name needs a first name before them. */
    private static final WordSet SHARED =
            WordSet.of("de", "la", "las", "los", "del", "della", "di", "da", "das", "do", "du", "le", "al", "el");
    /** German articles, taken only after another particle ("van der", "van den"): "König der Löwen" is no name. */
    private static final WordSet AFTER_PARTICLE = WordSet.of("der", "den", "de", "la", "las", "los");
    /** Irish surname particles, as written (capitalized, with the accent): they stand only in names. */
    private static final WordSet GAELIC = WordSet.of("Ó", "Ní", "Uí", "Ua");
    /** "Mac", "Nic": Gaelic too, but "Mac" is a computer as well; they need a first name before them. */
    private static final WordSet MAC = WordSet.of("Mac", "Nic");
    /** Hyphenated Arabic particles: "al-Hassan", "el-Sayed", "bin-Salman", "abu-Bakr". */
    private static final WordSet HYPHENATED = WordSet.of("al", "el", "bin", "abu", "ibn");
    /** Every particle of the four sets above, for one probe per token, and the longest one's length. */
    private static final WordSet ANY_PARTICLE = WordSet.copyOf(
            Stream.of(GAELIC, MAC, FOREIGN, SHARED).flatMap(Set::stream).toList());

    private static final int LONGEST_PARTICLE =
            ANY_PARTICLE.stream().mapToInt(String::length).max().orElse(0);

    private static final String[] CYRILLIC_SURNAME_ENDINGS = {
        "ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына", "ский", "ская", "цкий", "цкая", "енко", "ук",
        "юк", "чук", "ич", "ян", "швили", "дзе"
    };
    private static final String[] GREEK_SURNAME_ENDINGS = {
        "ου", "ης", "ος", "άκης", "ίδης", "ιάδης", "όπουλος", "οπούλου", "άκη", "ίδου", "ας"
    };

    /** "Surname" in the languages customers write in: it announces a name as "Nachname" does. */
    private static final WordSet SURNAME_WORDS = WordSet.of(
            "familienname",
            "фамилия",
            "прізвище",
            "nazwisko",
            "soyadi",
            "soyadim",
            "cognome",
            "apellido",
            "achternaam",
            "prezime");
    /** "меня зовут", "мене звати", "je m'appelle": "is called", as "heißt". */
    private static final WordSet CALLED_WORDS =
            WordSet.of("зовут", "звати", "m'appelle", "m'apelle", "appelle"); // French, also misspelt "m'apelle"

    private static final double SCORE = 0.8;

    private final Lexicons lex;

    ParticleNames(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            Token first = t.get(i);
            if (!first.isWord() || !first.capitalized() || first.length() < 2 && !initial(s, first)) continue;
            int end = particleAfter(t.get(i + 1)) ? afterParticles(s, i) : -1;
            if (end < 0 && first.text().charAt(0) >= 0x370) end = otherScript(s, i); // Greek and Cyrillic start there
            if (end > i) {
                out.add(new Detection(
                        EntityType.PERSON, first.start(), t.get(end - 1).end(), SCORE));
                i = end - 1;
            }
        }
    }

    /** A foreign word for "surname" or "is called" as the German or English trigger word it stands for, or itself. */
    static String foreignNameWord(Token word) {
        if (SURNAME_WORDS.has(word)) return "surname";
        return CALLED_WORDS.has(word) ? "called" : word.folded();
    }

    /** A cheap test before the lexicons are asked: the next word is a particle or starts with one ("al-Hassan"). */
    private static boolean particleAfter(Token next) {
        if (!next.isWord()) return false;
        String text = next.text();
        if (text.length() <= LONGEST_PARTICLE && ANY_PARTICLE.contains(text)) return true;
        int dash = text.indexOf('-');
        return dash > 0 && HYPHENATED.contains(text.substring(0, dash));
    }

    /** Token index after "Pieter van den Berg" starting at i, or -1. */
    private int afterParticles(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token first = t.get(i);
        Token next = t.get(i + 1);
        if (!next.isWord() || !NameSpan.joined(s, first, next)) return -1; // "J. van": joined across the dot
        String f = first.folded();
        boolean initial = initial(s, first);
        if (!initial
                && (lex.isCommon(f)
                        || NameSpan.TITLES.contains(f)
                        || StreetLexicon.isStreetToken(f)
                        || AbroadStreetWords.STREET_FIRST.contains(f) // "Rue de la Paix"
                        || lex.isCity(f))) {
            return -1;
        }
        boolean firstName = initial || lex.isAnyFirstName(f) || lex.isName(f) || firstNames(f);
        int dash = next.text().indexOf('-');
        if (dash > 0
                && firstName
                && HYPHENATED.contains(next.text().substring(0, dash))
                && Character.isUpperCase(next.text().charAt(dash + 1))) {
            return i + 2; // "Ahmed al-Hassan"
        }
        int k = i + 1;
        int foreign = 0;
        int shared = 0;
        int gaelic = 0;
        while (k < t.size() && k - i <= 3 && t.get(k).isWord() && NameSpan.joined(s, t.get(k - 1), t.get(k))) {
            Token p = t.get(k);
            if (GAELIC.contains(p.text())) gaelic++;
            else if (MAC.contains(p.text()) || FOREIGN.contains(p.text())) foreign++;
            else if (SHARED.contains(p.text())) shared++;
            else if (!AFTER_PARTICLE.contains(p.text()) || k == i + 1) break;
            k++;
        }
        int particles = k - i - 1;
        if (particles == 0 || k >= t.size()) return -1;
        Token surname = t.get(k);
        String sf = surname.folded();
        if (!surname.isWord()
                || !surname.capitalized()
                || surname.length() < 2
                || !NameSpan.joined(s, t.get(k - 1), surname)
                || lex.isCommon(sf) && !lex.isName(sf) && foreign + gaelic == 0 // "van der Meer", "ter Heide"
                || StreetLexicon.isStreetToken(sf)
                || NameSpan.partOfAddress(s, surname)) return -1;
        // "Ó", "Ní" stand only in names; "Mac", "van", "dos" after a first name or a Gaelic spelling, or before a
        // second particle ("van den"); "de", "la" only after a first name
        boolean accepted = gaelic > 0
                || foreign > 0 && (firstName || isGaelicSpelling(first) || particles > 1)
                || shared > 0 && firstName;
        return accepted && !lex.isCity(sf) ? k + 1 : -1;
    }

    /** "J. van der Meer": an initial with its dot stands for a first name. */
    private static boolean initial(TextScan s, Token token) {
        return token.length() == 1 && token.capitalized() && s.at(token.end()) == '.';
    }

    /** "Marie-Claire", "Jean-Luc": every part a first name. */
    private boolean firstNames(String folded) {
        int dash = folded.indexOf('-');
        if (dash < 0) return false;
        for (String part : folded.split("-")) {
            if (!lex.isAnyFirstName(part)) return false;
        }
        return true;
    }

    /** "Ciarán", "Siobhán": an Irish fada (á é í ó ú) marks a Gaelic name. */
    private static boolean isGaelicSpelling(Token token) {
        String text = token.text();
        for (int i = 0; i < text.length(); i++) {
            if ("áéíóúÁÉÍÓÚ".indexOf(text.charAt(i)) >= 0) return true;
        }
        return false;
    }

    /** Token index after "Ольга Петрова" or "Петрова Ольга" starting at i (two capitalized words of one script), or -1. */
    private static int otherScript(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token a = t.get(i);
        Token b = t.get(i + 1);
        if (!b.isWord() || !b.capitalized() || !NameSpan.joined(s, a, b) || a.length() < 2 || b.length() < 3) return -1;
        Character.UnicodeScript script = scriptOf(a);
        if (script == null || script != scriptOf(b)) return -1;
        String[] endings =
                script == Character.UnicodeScript.CYRILLIC ? CYRILLIC_SURNAME_ENDINGS : GREEK_SURNAME_ENDINGS;
        boolean surname = hasEnding(b.text(), endings) || hasEnding(a.text(), endings);
        if (!surname) return -1;
        int end = i + 2;
        // a patronymic or second surname: "Ольга Ивановна Петрова"
        if (end < t.size()
                && t.get(end).isWord()
                && t.get(end).capitalized()
                && scriptOf(t.get(end)) == script
                && NameSpan.joined(s, b, t.get(end))
                && hasEnding(t.get(end).text(), endings)) end++;
        return houseNumberAt(s, end) ? -1 : end;
    }

    /**
     * "Λεωφόρος Κηφισίας 122, 115 26 Αθήνα", "Ελευθερίου Βενιζέλου 64, 712 02": a house number, a comma and a
     * postcode after the words make them a street named after someone, not a person.
     */
    private static boolean houseNumberAt(TextScan s, int k) {
        List<Token> t = s.tokens;
        if (k + 1 >= t.size()) return false;
        Token number = t.get(k);
        Token postcode = t.get(k + 1);
        return number.isNumber()
                && number.length() <= 4
                && number.start() - t.get(k - 1).end() == 1
                && postcode.isNumber()
                && postcode.length() >= 3
                && s.onlyBetween(number.end(), postcode.start(), ", ")
                && s.at(number.end()) == ',';
    }

    private static Character.UnicodeScript scriptOf(Token token) {
        Character.UnicodeScript script = Character.UnicodeScript.of(token.text().charAt(0));
        return script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK ? script : null;
    }

    private static boolean hasEnding(String word, String[] endings) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (String ending : endings) {
            if (lower.length() >= ending.length() + 2 && lower.endsWith(ending)) return true;
        }
        return false;
    }
}
