package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recall first for what leaves the hub: a run of six or more digits, or digits written in groups
 * ("500 318 226", "5830 2214 96"), that no other scanner typed is an identifier (CUSTOMER_ID) even
 * without a keyword — unless a word before it says it is a ticket, order, parcel or fault number, or a
 * unit after it says it is an amount, or it matches a configured non-personal pattern whole. Its low score lets every typed finding (phone, IBAN, card, date)
 * win the same digits.
 */
final class DigitRunRule implements Scanner {

    static final double SCORE = 0.3;

    /** Word beginnings that mark a number as not personal (R24's look-alikes: tickets, orders, parcels). */
    private static final List<String> NOT_PERSONAL = List.of(
            "ticket",
            "auftrag",
            "bestell",
            "order",
            "sendung",
            "tracking",
            "vorgang",
            "beleg",
            "artikel",
            "stoerung",
            "rechnung",
            "invoice",
            "paket",
            "parcel",
            "serien",
            "serial",
            "referenz",
            "reference",
            "fehler",
            "error",
            "code",
            "meldung",
            "firmware",
            "version",
            "modell",
            "model",
            "imei",
            // the SIM card's own numbers: its ICCID and PUK name the card, not its holder
            "iccid",
            "puk",
            // deliveries and returns: "Lieferung 00340434161094027581", "Lieferschein-Nr.", "Retourenschein"
            "liefer",
            "retour",
            "ruecksend",
            "fall",
            "case",
            "produkt",
            "product",
            "tarif",
            // the same in the customers' own languages (es/pt, it, fr, el, pl, tr): orders, faults, tickets, tracking
            "pedido",
            "encomenda",
            "ordine",
            "commande",
            "παραγγελ",
            "zamowien",
            "siparis",
            "guasto",
            "averia",
            "chamado",
            "incidencia",
            "seguimiento",
            "rastreio",
            "spedizione");

    private static final WordSet UNITS = WordSet.of(
            "euro",
            "eur",
            "cent",
            "ct",
            "mbit",
            "kbit",
            "gbit",
            "gb",
            "mb",
            "kb",
            "tb",
            "min",
            "minuten",
            "uhr",
            "sekunden",
            "sek",
            "stunden",
            "tage",
            "dbm",
            "mhz",
            "ghz",
            "km",
            "m",
            "kwh",
            "mal",
            "x");

    private final List<Pattern> nonPersonal;

    DigitRunRule(Collection<String> nonPersonalPatterns) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : nonPersonalPatterns) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "carehub.privacy.non-personal-patterns: not a regular expression", e);
            }
        }
        this.nonPersonal = List.copyOf(patterns);
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token a = t.get(i);
            if (!a.isNumber() || attachedBefore(s, a)) continue;
            int j = i;
            int digits = a.length();
            boolean dotted = false;
            while (j + 1 < t.size()
                    && t.get(j + 1).isNumber()
                    && t.get(j + 1).start() - t.get(j).end() == 1
                    && " -/.".indexOf(s.at(t.get(j).end())) >= 0
                    && t.get(j + 1).length() >= 2
                    && t.get(j + 1).length() <= 6
                    && !PhoneAfterNumber.follows(s, j + 1, digits)) {
                dotted |= s.at(t.get(j).end()) == '.';
                j++;
                digits += t.get(j).length();
            }
            // "3.412.887.110", "4400.7762.10": dots group an account number too, but "07.08.1999" is a date
            if (dotted
                    && (j - i < 2
                            || digits < 8
                            || a.length() <= 2 && t.get(i + 1).length() <= 2)) {
                i = j;
                continue;
            }
            if (calendarDate(s, i, j) || simCardNumber(s, i, j, digits)) {
                i = j;
                continue;
            }
            boolean grouped = j > i && a.length() >= 2 && digits >= 7;
            if ((a.length() >= 6 || grouped)
                    && !attachedAfter(s, t.get(j))
                    && !notPersonal(s, i, j)
                    && !configuredNotPersonal(
                            s.text.substring(a.start(), t.get(j).end()))) {
                out.add(new Detection(
                        EntityType.CUSTOMER_ID, a.start(), t.get(j).end(), SCORE));
            }
            i = j;
        }
    }

    /**
     * "31/01/2025", "5/11/2024", "11/25/2024", "2025-11-30": three groups joined by the same slash or dash that form a
     * real calendar day are a date (a bill's, an outage's), not an identifier; a birth date is typed by the date
     * scanners.
     */
    private static boolean calendarDate(TextScan s, int i, int j) {
        if (j != i + 2) return false;
        List<Token> t = s.tokens;
        char separator = s.at(t.get(i).end());
        if (separator != '/' && separator != '-' || s.at(t.get(i + 1).end()) != separator) return false;
        Token first = t.get(i);
        Token middle = t.get(i + 1);
        Token last = t.get(j);
        if (middle.length() > 2) return false;
        int month = Integer.parseInt(middle.text());
        if (first.length() <= 2 && last.length() == 4) {
            int day = Integer.parseInt(first.text());
            int year = Integer.parseInt(last.text());
            return Dates.valid(day, month, year) || Dates.valid(month, day, year); // "11/25/2024" in US order
        }
        return first.length() == 4
                && last.length() <= 2
                && Dates.valid(Integer.parseInt(last.text()), month, Integer.parseInt(first.text()));
    }

    /**
     * "89490200001234567890": a SIM card's ICCID, 19 or 20 digits from the telecom issuers' "89" with a Luhn check
     * digit, names the card, not its holder.
     */
    private static boolean simCardNumber(TextScan s, int i, int j, int digits) {
        if (digits < 19
                || digits > 20
                || s.at(s.tokens.get(i).start()) != '8'
                || s.at(s.tokens.get(i).start() + 1) != '9') return false;
        return Checksums.luhn(TextScan.textOf(s.tokens, i, j + 1));
    }

    private boolean configuredNotPersonal(String run) {
        for (Pattern p : nonPersonal) {
            if (p.matcher(run).matches()) return true;
        }
        return false;
    }

    /** Part of a decimal, a date or a letter code: "1.299", "AU-4400178823". */
    private static boolean attachedBefore(TextScan s, Token a) {
        char before = s.at(a.start() - 1);
        if (Chars.gluingLetter(before)) return true;
        return ".,:-/".indexOf(before) >= 0 && Chars.isAlnum(s.at(a.start() - 2));
    }

    private static boolean attachedAfter(TextScan s, Token z) {
        char after = s.at(z.end());
        if (Chars.gluingLetter(after)) return true;
        return ".,:".indexOf(after) >= 0 && Chars.isDigit(s.at(z.end() + 1));
    }

    private static boolean notPersonal(TextScan s, int i, int j) {
        return unitAfter(s, j) || notPersonalBefore(s, s.tokens.get(i).start());
    }

    /** A unit after the token at {@code j} makes the number an amount: "29 Euro", "100 Mbit", "12 €". */
    static boolean unitAfter(TextScan s, int j) {
        List<Token> t = s.tokens;
        if (j + 1 < t.size() && t.get(j + 1).isWord() && UNITS.has(t.get(j + 1))) return true;
        return s.at(t.get(j).end() + 1) == '€'
                || s.at(t.get(j).end()) == '€'
                || s.at(t.get(j).end()) == '%';
    }

    /** Prepositions that make the next article-and-noun a place: "steht auf der Rechnung 1158 9043 27". */
    private static final WordSet PLACE_PREPOSITIONS = WordSet.of("auf", "in", "on", "from", "aus", "unter", "oben");

    /**
     * A ticket, order, parcel or fault keyword among the four words before {@code pos}; not a document named as
     * the place where the number stands ("auf der Rechnung", "on the invoice"): that number is the customer's.
     */
    private static final PrefixList NOT_PERSONAL_HEADS = new PrefixList(NOT_PERSONAL);

    static boolean notPersonalBefore(TextScan s, int pos) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos) - 1;
        if (customerRightBefore(s, k, pos)) return false;
        for (int seen = 0; k >= 0 && seen < 4; k--, seen++) {
            Token token = t.get(k);
            if (pos - token.end() > 50) return false;
            if (!token.isWord()) continue;
            String w = token.folded();
            for (String head : NOT_PERSONAL_HEADS.startingLike(w)) { // in list order: the first head that fits decides
                if (w.startsWith(head)) return !(w.equals(head) && namedAsPlace(t, k));
            }
        }
        return false;
    }

    /** The customer named right before a number: "Kunde 4470 3319 26", "client 7781 0043 26", "Kd.-Nr. …". */
    private static final WordSet CUSTOMER = WordSet.of("kunde", "kundin", "client", "cliente", "customer");

    /**
     * "Kann man das in unseren Tarif packen? Kunde 4470 3319 26": a customer word right before the number outweighs a
     * product or order word further back, which names another thing of the same sentence.
     */
    private static boolean customerRightBefore(TextScan s, int k, int pos) {
        if (k < 0 || !s.tokens.get(k).isWord() || pos - s.tokens.get(k).end() > 3) return false;
        return CUSTOMER.has(s.tokens.get(k)) || CustomerNumberWords.directlyBefore(s, pos);
    }

    /** "auf der Rechnung", "on the invoice", "in meiner Rechnung": preposition, article or pronoun, noun. */
    private static boolean namedAsPlace(List<Token> t, int noun) {
        if (noun < 2 || !t.get(noun - 1).isWord() || !t.get(noun - 2).isWord()) return false;
        String article = t.get(noun - 1).folded();
        boolean determiner = article.startsWith("d")
                || article.startsWith("mein")
                || article.startsWith("ihre")
                || article.equals("the")
                || article.equals("my")
                || article.equals("your")
                || article.equals("eurer");
        return determiner && PLACE_PREPOSITIONS.has(t.get(noun - 2));
    }
}
