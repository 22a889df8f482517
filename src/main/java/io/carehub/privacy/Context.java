package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Context words that raise confidence: a keyword among the few tokens before (or after) a candidate. */
final class Context {

    private static final Set<String> PHONE = Set.of(
            "tel",
            "telefon",
            "telefonnummer",
            "handy",
            "handynummer",
            "mobil",
            "mobilnummer",
            "nummer",
            "nr",
            "rufnummer",
            "festnetz",
            "festnetznummer",
            "erreichbar",
            "anrufen",
            "ruf",
            "rueckruf",
            "call",
            "phone",
            "number",
            "reach",
            "mobile",
            "landline",
            "whatsapp",
            "fax",
            "at",
            "unter");
    private static final Set<String> TAX = Set.of(
            "steuer",
            "steuerid",
            "steuer-id",
            "steueridentifikationsnummer",
            "idnr",
            "identifikationsnummer",
            "tax",
            "tin",
            "steuernummer");
    private static final Set<String> PLATE = Set.of(
            "kennzeichen",
            "kfz",
            "kfz-kennzeichen",
            "nummernschild",
            "auto",
            "fahrzeug",
            "wagen",
            "plate",
            "car",
            "pkw");
    private static final Set<String> BIRTH = Set.of(
            "geb",
            "geboren",
            "geburtsdatum",
            "geburtstag",
            "gebdatum",
            "geb-datum",
            "born",
            "birth",
            "dob",
            "birthday",
            "jahrgang",
            "birthdate",
            // the same said by writers in their own language (fr, it, es, pl, tr)
            "naissance",
            "nascita",
            "nacimiento",
            "urodzenia",
            "dogum");

    private Context() {}

    static boolean phoneBefore(TextScan s, int pos) {
        return anyBefore(s, pos, 4, 40, PHONE::contains);
    }

    static boolean taxIdBefore(TextScan s, int pos) {
        return anyBefore(s, pos, 4, 40, TAX::contains);
    }

    static boolean plateBefore(TextScan s, int pos) {
        return anyBefore(s, pos, 4, 40, PLATE::contains);
    }

    static boolean idDocumentBefore(TextScan s, int pos) {
        return anyBefore(
                s,
                pos,
                8,
                70,
                w -> w.startsWith("ausweis")
                        || w.startsWith("perso")
                        || w.startsWith("reisepass")
                        || w.equals("pass")
                        || w.startsWith("passnummer")
                        || w.startsWith("passport")
                        || w.equals("id")
                        || w.equals("identity")
                        || w.startsWith("personalausweis")
                        || w.equals("idcard"));
    }

    static boolean birthAround(TextScan s, int start, int end) {
        if (anyBefore(s, start, 5, 45, w -> BIRTH.contains(w) || w.startsWith("geburts"))) return true;
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(end);
        for (int j = k; j < t.size() && j < k + 2; j++) {
            String w = t.get(j).folded();
            if (w.equals("geboren") || w.equals("born")) return true;
        }
        return false;
    }

    /** True if one of the {@code maxTokens} word tokens before {@code pos} (within {@code maxChars}) matches. */
    static boolean anyBefore(TextScan s, int pos, int maxTokens, int maxChars, Predicate<String> keyword) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos) - 1;
        for (int seen = 0; k >= 0 && seen < maxTokens; k--, seen++) {
            Token token = t.get(k);
            if (pos - token.end() > maxChars) return false;
            if (token.isWord() && keyword.test(token.folded())) return true;
        }
        return false;
    }
}
