package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Streets abroad written without a street word, as Czech, Slovak and Dutch writers do ("Evropská 1182/14, 350 02
 * Cheb", "Na Příkopě 12, 110 00 Praha", "Jacob van Lennepstraat 214-2, 1053 HR Amsterdam") (ADDRESS): up to four
 * words of a name, capitalized or linking ("van", "na", "nad"), a house number, flats or floors, then a postcode and
 * town in a format of abroad ({@link AbroadSegments}). Only the postcode and town say the words before are a street:
 * a name and a number alone are no address.
 */
final class NamedStreetsAbroad implements Scanner {

    private static final double SCORE = 0.78;
    private static final int MAX_WORDS = 5;
    private static final int MAX_CAPITALS = 3;
    /** Stop words and everyday words (the token's lexicon bits): no street's first word. */
    private static final int COMMON = Lexicons.STOP | Lexicons.COMMON;

    /** Lower-case words inside a street's name abroad: Dutch and German particles, Czech and Slovak prepositions. */
    private static final WordSet LINKS = WordSet.of(
            "van", "von", "de", "der", "den", "het", "ten", "ter", "la", "le", "na", "nad", "pod", "u", "v", "za",
            "pri", "am", "an", "im", "zum", "zur", "auf");

    private final Lexicons lex;

    NamedStreetsAbroad(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token first = t.get(i);
            if (!first.isWord() || !first.capitalized() || (first.lexicon() & COMMON) != 0) continue;
            if (i > 0 && s.at(first.start() - 1) == '-') continue;
            int number = numberAfterName(s, i);
            if (number < 0) continue;
            int from = fromBefore(s, i, number);
            if (from > i) {
                i = from - 1; // the street starts after "von"
                continue;
            }
            // "Lucie Svobodová Husova 87/12": a first name before another capitalized word starts a person's name,
            // unless the word before the number is a street's ("Pieter Cornelisz Hooftstraat 30")
            boolean personFirst = lex.isAnyFirstName(first) && nextCapitalized(s, i + 1)
                    || i > 0 && lex.isAnyFirstName(t.get(i - 1)) && nextCapitalized(s, i);
            if (personFirst
                    && !StreetEndingsAbroad.endsLikeAStreet(t.get(number - 1).folded())) continue;
            int houseEnd =
                    HouseNumbersAbroad.houseNumber(s, number, t.get(number - 1).end());
            if (houseEnd < 0) continue;
            int end = postcodeAfter(s, houseEnd);
            if (end < 0) continue;
            out.add(new Detection(EntityType.ADDRESS, linkBefore(s, i), end, SCORE));
            i = s.tokenAtOrAfter(end) - 1;
        }
    }

    /** "Na Příkopě", "Am Rain": a capitalized link right before the name's first word starts the street. */
    private static int linkBefore(TextScan s, int i) {
        Token first = s.tokens.get(i);
        if (i == 0) return first.start();
        Token link = s.tokens.get(i - 1);
        boolean starts = link.isWord() && link.capitalized() && LINKS.has(link);
        return starts && NameSpan.joined(s, link, first) ? link.start() : first.start();
    }

    /**
     * "da Anderl Brunnhuber von Hinterberg 3, 83646 Bad Tölz": "von" inside the words before the number, where the
     * last is no street's word, is where someone says they come from; the index of the "von", or {@code i}.
     */
    private static int fromBefore(TextScan s, int i, int number) {
        if (StreetEndingsAbroad.endsLikeAStreet(s.tokens.get(number - 1).folded())) return i;
        for (int k = number - 2; k > i; k--) {
            String f = s.tokens.get(k).text();
            if (f.equals("von") || f.equals("vom")) return k;
        }
        return i;
    }

    /** Token {@code k} is a capitalized word joined to the one before it. */
    private static boolean nextCapitalized(TextScan s, int k) {
        return k > 0
                && k < s.tokens.size()
                && s.tokens.get(k).isWord()
                && s.tokens.get(k).capitalized()
                && s.tokens.get(k - 1).isWord()
                && s.tokens.get(k - 1).capitalized()
                && NameSpan.joined(s, s.tokens.get(k - 1), s.tokens.get(k));
    }

    /** The index of the number after the street's name starting at {@code i}, or -1. */
    private int numberAfterName(TextScan s, int i) {
        List<Token> t = s.tokens;
        int capitals = 0;
        for (int k = i; k < t.size() && k - i <= MAX_WORDS; k++) {
            Token w = t.get(k);
            if (k > i && !NameSpan.joined(s, t.get(k - 1), w)) return -1;
            if (w.isNumber()) return capitals > 0 && !LINKS.has(t.get(k - 1)) ? k : -1;
            if (w.capitalized() && (w.lexicon() & Lexicons.STOP) == 0 && capitals < MAX_CAPITALS) capitals++;
            else if (k == i || !LINKS.has(w) && !AbroadStreetWords.STREET_AFTER.has(w))
                return -1; // "Slovenska cesta 12", "Karl Johans gate 5"
        }
        return -1;
    }

    /** The end of the postcode and town after a house number, across flats and floors ("1. tv.", "st. th."); or -1. */
    private int postcodeAfter(TextScan s, int end) {
        int at = end;
        for (int piece = 0; piece < 3; piece++) {
            int next = at;
            if (s.at(next) == ',') next++;
            if (s.at(next) != ' ') return -1;
            next++;
            int postcode = AbroadSegments.postcodeTown(s, lex, next);
            if (postcode > 0) return postcode;
            int unit = AbroadSegments.unit(s, next);
            if (unit < 0) return -1;
            at = unit;
        }
        return -1;
    }
}
