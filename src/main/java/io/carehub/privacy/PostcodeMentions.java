package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postcodes on their own in a message about postcodes (ADDRESS): "PLZ 38102 statt 38120", "nicht 49074 sondern
 * 49078", "die Störung in 44135? Hab nur die PLZ". Where the message speaks of a postcode, a five-digit number is
 * one unless a unit, an amount, a time or a reference word before it ("Ticket", "Auftrag", "…nummer") makes it
 * something else; a number another scanner types more surely (a customer number after its keyword) wins over it.
 */
final class PostcodeMentions implements Scanner {

    private static final double SCORE = 0.6;
    private static final WordSet POSTCODE_WORDS = WordSet.of(
            "plz", "postleitzahl", "postleitzahlen", "postcode", "postcodes", "zip", "zipcode", "postal", "eircode");
    /** Words right after a number that make it an amount, a size or a time. */
    private static final WordSet UNITS = WordSet.of(
            "euro", "eur", "€", "uhr", "h", "kb", "mb", "gb", "mbit", "kbit", "min", "sek", "km", "m", "kwh", "stück",
            "cent", "ct", "usd", "chf", "x");

    /** Words before a number that make it a reference, not a postcode: "Ticket 48813", "Auftrag 77120". */
    private static final WordSet REFERENCE_WORDS = WordSet.of(
            "ticket",
            "auftrag",
            "bestellung",
            "vorgang",
            "rechnung",
            "order",
            "invoice",
            "case",
            "ref",
            "tarif",
            "artikel",
            "modell",
            "model",
            "kunde",
            "vertrag",
            "id",
            "pin",
            "puk");

    /** An Irish Eircode: routing key and a unique identifier of letters and digits ("D04 H2X7", "T12X5R8"). */
    private static final Pattern EIRCODE = Pattern.compile(
            "(?:[AC-FHKNPRTV-Y]\\d{2}|D6W) ?(?=[0-9AC-FHKNPRTV-Y]{0,3}\\d)(?=[0-9AC-FHKNPRTV-Y]{0,3}[A-Z])"
                    + "[0-9AC-FHKNPRTV-Y]{4}(?![\\p{L}\\p{N}])");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        if (!s.hasDigit()) return;
        List<Token> t = s.tokens;
        boolean mentioned = false;
        for (Token w : t) {
            if (w.isWord() && postcodeWord(w)) {
                mentioned = true;
                break;
            }
        }
        if (!mentioned) return;
        for (int k = 0; k < t.size(); k++) {
            Token n = t.get(k);
            if (n.isNumber() && n.length() == 5 && alone(s, k)) {
                out.add(new Detection(EntityType.ADDRESS, n.start(), n.end(), SCORE));
            } else if (n.isWord() && n.capitalized() && Chars.isDigit(s.at(n.start() + 1))) {
                int end = eircode(s, n.start());
                if (end > 0) out.add(new Detection(EntityType.ADDRESS, n.start(), end, SCORE));
            }
        }
    }

    /** A word for the postcode; they all begin with "p", "z" or "e": a char test before the Set probe. */
    private static boolean postcodeWord(Token w) {
        String f = w.folded();
        if (f.isEmpty()) return false;
        char c = f.charAt(0);
        return (c == 'p' || c == 'z' || c == 'e') && POSTCODE_WORDS.has(w);
    }

    /** Five digits that are not part of a longer number, an amount, a date or a time. */
    private static boolean alone(TextScan s, int k) {
        Token n = s.tokens.get(k);
        char before = s.at(n.start() - 1);
        char after = s.at(n.end());
        if ("€$+#:".indexOf(before) >= 0) return false;
        if (" -/.,".indexOf(before) >= 0 && Chars.isDigit(s.at(n.start() - 2))) return false;
        if (".,-/:".indexOf(after) >= 0 && Chars.isDigit(s.at(n.end() + 1))) return false;
        char unit = after == ' ' ? s.at(n.end() + 1) : after;
        if ("€$£%".indexOf(unit) >= 0) return false;
        for (int b = k - 1; b >= 0 && b >= k - 2; b--) {
            String f = s.tokens.get(b).folded();
            if (REFERENCE_WORDS.contains(f) || f.endsWith("nummer") || f.endsWith("nr")) return false;
        }
        int next = k + 1;
        return next >= s.tokens.size() || s.tokens.get(next).start() - n.end() > 1 || !UNITS.has(s.tokens.get(next));
    }

    /** The end of an Eircode starting at {@code i}, or -1. */
    private static int eircode(TextScan s, int i) {
        if (i > 0 && Character.isLetterOrDigit(s.at(i - 1))) return -1;
        Matcher m = EIRCODE.matcher(s.cleaned()).region(i, s.length());
        return m.lookingAt() ? m.end() : -1;
    }
}
