package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Dates of a contract's, an order's or an invoice's events in letters and forms ("Vertragsbeginn 01.03.2009",
 * "Bestellt am", "Leistungszeitraum", "Rechnungsdatum"): a word of that kind right before a date says whose date it
 * is, so a past year alone does not make it a date of birth, even next to a name. The words are
 * {@code privacy/event-date-words.txt}.
 */
final class EventDates {

    private static final WordSet WORDS = Lexicons.words("event-date-words.txt");
    private static final int TOKENS = 3;
    private static final int CHARS = 30;

    private EventDates() {}

    /**
     * An event word among the few tokens before {@code start}, and no birth word among them ("geb. 15.09.1964,
     * Vertragsbeginn 15.09.2004": the nearer word names each date); for the second date of a range ("Leistungszeitraum
     * 01.04.2010 - 30.04.2010") before the first.
     */
    static boolean before(TextScan s, int start) {
        int from = rangeStart(s, start);
        return Context.anyBefore(s, from, TOKENS, CHARS, EventDates::eventWord)
                && !Context.anyWordBefore(s, from, TOKENS, CHARS, Context::birthWord);
    }

    /**
     * An event word among the {@code tokens} tokens (within {@code chars}) before {@code start} and no birth word
     * among them: a wider look for a date after a name ("Termin mit Frau Kaya, 12.02.2020").
     */
    static boolean within(TextScan s, int start, int tokens, int chars) {
        return Context.anyBefore(s, start, tokens, chars, EventDates::eventWord)
                && !Context.anyWordBefore(s, start, tokens, chars, Context::birthWord);
    }

    /** Where the first date of "date - date" starts, or {@code start}. */
    private static int rangeStart(TextScan s, int start) {
        if (s.lastCharBefore(start) != '-') return start;
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(start) - 1;
        int first = -1;
        for (int seen = 0;
                k >= 0 && seen < 3 && t.get(k).isNumber() && start - t.get(k).end() <= 15;
                k--, seen++) {
            first = t.get(k).start();
        }
        return first >= 0 ? first : start;
    }

    private static boolean eventWord(String w) {
        if (WORDS.contains(w)) return true;
        return (w.endsWith("datum") || w.endsWith("beginn") || w.endsWith("zeitraum") || w.endsWith("termin"))
                && !w.startsWith("geb");
    }
}
