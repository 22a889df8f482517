package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.time.Year;
import java.util.List;

/**
 * A date with a past year right after a person's name, in brackets or after a comma, semicolon, colon or bar, is
 * that person's date of birth: "Pflegemutter von Aylin (22.09.2013)", "1) Jens Ruppert, 08.08.1980", records
 * "Name; 01.02.1980" and "Name | 01.02.1980". A child's date counts too, which a past year alone would not make one.
 * The caller has already ruled out event dates ({@link EventDates}); this year's and future dates are never birth
 * dates.
 */
final class NamedBirthDates {

    /** Between the name and the date: blanks and at most this many characters in all. */
    private static final int GAP = 3;

    /** How far before the date an event word still names it: past the name's two or three words. */
    private static final int EVENT_TOKENS = 6;

    private static final int EVENT_CHARS = 50;

    /** Years back from today a birth year in a record of a contract's holder at least lies. */
    private static final int ADULT = 16;

    private static final int FIRST = Lexicons.FIRST | Lexicons.WORLD_FIRST;
    private static final int NAME = FIRST | Lexicons.SURNAME | Lexicons.WORLD_NAME;
    private static final int WORD = Lexicons.STOP | Lexicons.COMMON;

    private NamedBirthDates() {}

    /** The date at {@code start} with year {@code year} follows a person's name. */
    static boolean afterName(TextScan s, int start, int year) {
        if (year < 1900 || year >= Year.now().getValue()) return false;
        if (EventDates.within(s, start, EVENT_TOKENS, EVENT_CHARS)) return false; // "Termin mit Frau Kaya, …"
        return nameBefore(s, start);
    }

    /**
     * "Vertrag abgeschlossen: Svetlana Morozova, 28.01.1983, Sonnenallee 221, …": a date at least 16 years back
     * between a name and an address, in a list of one person's data, is their birth date even where a contract or an
     * event is named before it: the date stands in the record, not in the sentence ("Termin mit Frau Kaya,
     * 12.05.2019, Hauptstraße 5" stays an appointment).
     */
    static boolean inRecord(TextScan s, int start, int end, int year) {
        // a contract holder's year: an appointment's or an order's date in the same place is recent
        if (year < 1900 || year > Year.now().getValue() - ADULT) return false;
        return nameBefore(s, start) && addressAfter(s, end);
    }

    /** A street word or a five-digit postcode right after the date and a comma. */
    private static boolean addressAfter(TextScan s, int end) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(end);
        if (k >= t.size() || !s.onlyBetween(end, t.get(k).start(), ",") || s.at(end) != ',') return false;
        Token next = t.get(k);
        if (next.isWord()) return StreetLexicon.isStreetToken(next);
        return next.length() == 5
                && k + 1 < t.size()
                && t.get(k + 1).isWord()
                && t.get(k + 1).capitalized();
    }

    private static boolean nameBefore(TextScan s, int start) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(start) - 1;
        if (k < 0 || !t.get(k).isWord() || !onlySeparators(s, t.get(k).end(), start)) return false;
        Token last = t.get(k);
        if (k > 0 && firstName(t.get(k - 1)) && last.start() - t.get(k - 1).end() == 1) {
            // "Jens Ruppert, …", "helga franke (…)"; not "KAM FÜR 31.12.2025"
            return (last.lexicon() & WORD) == 0 && (last.capitalized() || (last.lexicon() & NAME) != 0);
        }
        int bits = last.lexicon();
        boolean name = (bits & NAME) != 0
                && (bits & WORD) == 0
                && ((bits & Lexicons.ORDINARY) == 0 || (bits & Lexicons.SURNAME) != 0);
        return name && last.capitalized(); // "Aylin (…)", "Franke; …"
    }

    private static boolean firstName(Token w) {
        return w.isWord() && (w.lexicon() & FIRST) != 0 && (w.lexicon() & WORD) == 0;
    }

    /** Only "(", ",", ";", ":", "|" and blanks, at most {@value #GAP} characters. */
    private static boolean onlySeparators(TextScan s, int from, int to) {
        if (to - from > GAP || to == from) return false;
        for (int i = from; i < to; i++) {
            char ch = s.at(i);
            if (ch != ' ' && ch != '(' && ch != ',' && ch != ';' && ch != ':' && ch != '|') return false;
        }
        return true;
    }
}
