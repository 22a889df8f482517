package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * An address right after an address word, whatever the street is called and however it is written: "adresse
 * grüner weg 4 52070 aachen", "wohnhaft Hinterm Dorf 4, 29479 Jameln", "new address: 14 Rue des Lilas, 69003
 * Lyon", "Adresse Rua de Santa Catarina 112, 4000-447 Porto". Up to five words and a house number, then an
 * optional postcode and town; or the house number first, then the words, a postcode and a town. Runs after the
 * other rules: the span is added where nothing was found, or joins the address parts found inside it.
 */
final class KeywordAddresses {

    private static final WordSet KEYWORDS = WordSet.of(
            "adresse",
            "anschrift",
            "wohnhaft",
            "wohne",
            "wohnt",
            "lieferadresse",
            "rechnungsadresse",
            "anschlussadresse",
            "rechnungsanschrift",
            "lieferanschrift",
            "postanschrift",
            "address",
            "adres",
            "adresa",
            "adresi",
            "indirizzo",
            "direccion",
            "endereco",
            "adrese",
            // South Slavic, Hungarian and Greek address words: "naslov Prešernova ulica 21", "lakcím", "διεύθυνση"
            "naslov",
            "lakcim",
            "διευθυνση");
    /** Words between the keyword and the address: "Adresse ist …", "address abroad: …". */
    private static final WordSet FILLERS = WordSet.of(
            "ist", "is", "lautet", "new", "old", "my", "meine", "mein", "unsere", "our", "abroad", "bitte", "please",
            "jetzt", "now", "in", "at", "je");
    /** Words that end an address before its number: it was no address. */
    private static final WordSet BREAKERS = WordSet.of(
            "und",
            "and",
            "oder",
            "or",
            "ich",
            "i",
            "wir",
            "we",
            "mit",
            "with",
            "seit",
            "since",
            "ab",
            "bis",
            "until",
            "ist",
            "is",
            "war",
            "was",
            "nicht",
            "not",
            "nr",
            "nummer",
            "number",
            "tel",
            "telefon",
            "phone",
            "kunde",
            "kundennummer",
            "vertrag",
            "contract",
            "mail",
            "email",
            "e-mail",
            "as",
            "from",
            "noch",
            "still",
            "bleibt",
            "stays",
            "remains");

    private static final int MAX_WORDS = 5;
    private static final double SCORE = 0.6;

    /** {@code found}: non-overlapping findings ordered by start; returns them with the keyword addresses added. */
    List<Detection> add(TextScan scan, List<Detection> found) {
        List<Token> t = scan.tokens;
        Merge result = new Merge(found);
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).isWord() || !KEYWORDS.has(t.get(i))) continue;
            int k = i + 1;
            while (k < t.size() && t.get(k).isWord() && FILLERS.has(t.get(k)) && k - i <= 3) k++;
            if (k >= t.size() || !gap(scan, k - 1, " :,-")) continue;
            int end = address(scan, k);
            if (end < 0) continue;
            int number = k;
            while (!t.get(number).isNumber()) number++;
            result.merge(t.get(k).start(), t.get(number).start(), t.get(end).end());
            i = end;
        }
        return result.finish();
    }

    /** Index of the address's last token when one starts at token {@code k}, or -1. */
    private static int address(TextScan scan, int k) {
        List<Token> t = scan.tokens;
        if (k >= t.size()) return -1;
        if (t.get(k).isNumber()) { // "14 Rue des Lilas, 69003 Lyon": only with a postcode and town
            if (t.get(k).length() > 4) return -1;
            if (!gap(scan, k, " ")) return -1;
            int words = streetWords(scan, k + 1);
            if (words == 0) return -1;
            return town(scan, k + words + 1);
        }
        int words = streetWords(scan, k);
        if (words == 0 || k + words >= t.size() || !gap(scan, k + words - 1, " .-")) return -1;
        int number = k + words;
        Token n = t.get(number);
        if (!n.isNumber() || n.length() > 4) return -1;
        int last = number;
        if (last + 1 < t.size() && t.get(last + 1).isWord() && t.get(last + 1).length() == 1 && adjacent(t, last)) {
            last++; // "12a"
        }
        int town = town(scan, last + 1);
        return town >= 0 ? town : last;
    }

    /** How many street words (at most five, none a breaker, only spaces, dots or hyphens between) start at k. */
    private static int streetWords(TextScan scan, int k) {
        List<Token> t = scan.tokens;
        int words = 0;
        while (k + words < t.size()
                && words < MAX_WORDS
                && t.get(k + words).isWord()
                && !BREAKERS.has(t.get(k + words))) {
            words++;
            if (k + words < t.size() && !gap(scan, k + words - 1, " .-")) break;
        }
        return words;
    }

    /** A postcode (four or five digits, or "4000-447") and a town of one or two words; index of its last token. */
    private static int town(TextScan scan, int k) {
        List<Token> t = scan.tokens;
        if (k >= t.size() || !t.get(k).isNumber()) return -1;
        int postcode = t.get(k).length();
        if (postcode < 4 || postcode > 5) return -1;
        if (k > 0 && !gap(scan, k - 1, " ,")) return -1;
        if (k + 1 < t.size() && t.get(k + 1).isNumber() && gap(scan, k, "-")) k++; // Portuguese "4000-447"
        int next = k + 1;
        if (next >= t.size() || !t.get(next).isWord() || !gap(scan, k, " ") || BREAKERS.has(t.get(next))) return -1;
        int last = next;
        if (last + 1 < t.size()
                && t.get(last + 1).isWord()
                && t.get(last + 1).capitalized()
                && t.get(last).capitalized()
                && gap(scan, last, " ")) {
            last++; // "Schwäbisch Hall"
        }
        return last;
    }

    private static boolean adjacent(List<Token> t, int i) {
        return t.get(i + 1).start() - t.get(i).end() <= 1;
    }

    /** Between token {@code i} and the next: at most three chars, each one of {@code allowed}. */
    private static boolean gap(TextScan scan, int i, String allowed) {
        List<Token> t = scan.tokens;
        int from = t.get(i).end();
        int to = t.get(i + 1).start();
        if (to - from > 3) return false;
        for (int c = from; c < to; c++) {
            if (allowed.indexOf(scan.c[c]) < 0) return false;
        }
        return true;
    }

    /**
     * Adds [start, end) as an ADDRESS unless it overlaps a finding of another type; joins the addresses inside, and
     * takes back what lies wholly inside it: digits the number backstop typed as a customer number ("weide 11 27568
     * bremerhaven"), a street named after a person ("22 Rue Victor Hugo, 75016 Paris").
     */
    /**
     * Joins the keyword addresses into the findings in one pass, left to right (the addresses come in text order):
     * findings wholly before an address are copied once, so the cost stays linear in the text's length. An address
     * absorbs the findings it overlaps when they are addresses, or customer numbers or names inside it; any other
     * finding in the way keeps the findings as they are.
     */
    private static final class Merge {
        private final List<Detection> found;
        private final List<Detection> out;
        private int next;

        Merge(List<Detection> found) {
            this.found = found;
            this.out = new ArrayList<>(found.size() + 8);
        }

        void merge(int start, int number, int end) {
            while (next < found.size() && found.get(next).end() <= start) out.add(found.get(next++));
            // the findings overlapping the address: an address joined before may reach into it, then those not yet
            // copied
            int tail = out.size();
            while (tail > 0 && out.get(tail - 1).end() > start) tail--;
            int last = next;
            while (last < found.size() && found.get(last).start() < end) last++;
            int from = start;
            int to = end;
            for (int j = tail; j < out.size() + (last - next); j++) {
                Detection d = j < out.size() ? out.get(j) : found.get(next + j - out.size());
                boolean inside = d.start() >= start && d.end() <= end;
                boolean taken = inside && (d.type() == EntityType.CUSTOMER_ID || d.type() == EntityType.PERSON);
                if (d.type() != EntityType.ADDRESS && !taken) return;

                // an address found starting among the street words keeps its start: the words before it are no street
                if (d.type() == EntityType.ADDRESS && d.start() > start && d.start() < number && from == start) {
                    from = d.start();
                }
                from = Math.min(from, d.start());
                to = Math.max(to, d.end());
            }
            out.subList(tail, out.size()).clear();
            next = last;
            out.add(new Detection(EntityType.ADDRESS, from, to, SCORE));
        }

        List<Detection> finish() {
            while (next < found.size()) out.add(found.get(next++));
            return out;
        }
    }
}
