package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Context words that raise confidence: a keyword among the few tokens before (or after) a candidate. */
final class Context {

    private static final WordSet PHONE = WordSet.of(
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
            "unter",
            // Nordic, Baltic and Dutch phone words: "tlf.", "puh.", "tālr.", "sími", "mobiel", "gsm"
            "tlf",
            "mob",
            "mobiel",
            "telefoon",
            "telefoonnummer",
            "gsm",
            "puh",
            "puhelin",
            "simi",
            "talr",
            "talrunis",
            "telefonas",
            "telefoninumber",
            "mobiil");
    private static final WordSet TAX = WordSet.of(
            "steuer",
            "steuerid",
            "steuer-id",
            "steueridentifikationsnummer",
            "idnr",
            "identifikationsnummer",
            "tax",
            "tin",
            "steuernummer",
            // "ID Nummer vom Finanzamt 23138947655": the tax office gives the tax id
            "finanzamt",
            "finanzamts");
    private static final WordSet PLATE = WordSet.of(
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

    private Context() {}

    static boolean phoneBefore(TextScan s, int pos) {
        return anyWordBefore(s, pos, 4, 40, PHONE::has);
    }

    static boolean taxIdBefore(TextScan s, int pos) {
        return anyWordBefore(s, pos, 4, 40, TAX::has);
    }

    static boolean plateBefore(TextScan s, int pos) {
        return anyWordBefore(s, pos, 4, 40, PLATE::has);
    }

    /**
     * A document word among the ten words before {@code pos}, with no OTHER_ID keyword nearer: in "Ausweis: … /
     * Krankenkasse: X960469284" the number is the health-insurance number.
     */
    static boolean idDocumentBefore(TextScan s, int pos) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos) - 1;
        for (int seen = 0; k >= 0 && seen < 10; k--, seen++) {
            Token token = t.get(k);
            if (pos - token.end() > 80) return false;
            if (!token.isWord()) continue;
            String w = token.folded();
            if (documentWord(w) || drivingLicence(t, k, w)) return true;
            if (w.equals("op") && k > 0 && OP_NUMBER_WORDS.contains(t.get(k - 1).folded())) return true;
            if (OtherIdRule.keyword(token)) return false;
        }
        return false;
    }

    /**
     * "Irish driving licence 741868429", "Ontario driver's licence L4021-55317-47813", "my Irish licence number is …":
     * "licence" or "license" names an identity document where driving or a country stands right before it; alone it
     * may be a TV or software licence.
     */
    private static boolean drivingLicence(List<Token> t, int k, String w) {
        if (!w.equals("licence") && !w.equals("license") || k == 0) return false;
        for (int j = k - 1; j >= 0 && j >= k - 2; j--) {
            if (LICENCE_HOLDERS.has(t.get(j))) return true;
        }
        return false;
    }

    /** Words before "licence" that make it a driving licence: driving, or the country that issued it. */
    private static final WordSet LICENCE_HOLDERS = WordSet.of(
            "driving",
            "driver",
            "drivers",
            "driver's",
            "irish",
            "uk",
            "british",
            "canadian",
            "american",
            "australian",
            "indian",
            "nigerian",
            "kenyan",
            "ghanaian",
            "ontario",
            "state");

    /**
     * "číslo OP EH482910", "čísla OP 203917462": Czech and Slovak write the identity card (občiansky/občanský průkaz)
     * as "OP"; only after a word for "number", as "op" alone is Dutch for "on" ("op de bel").
     */
    private static final Set<String> OP_NUMBER_WORDS = Set.of("cislo", "cisla", "cislom", "c");

    /** Heads of the words for identity documents in the languages customers write in. */
    private static final List<String> DOCUMENT_HEADS = List.of(
            "ausweis",
            "perso",
            "reisepass",
            "passnummer",
            "passport",
            "passeport",
            "pasaport",
            "paspoort",
            "passaport",
            "pasaporte",
            "pasport",
            "pasas",
            "护照",
            "身份证",
            "パスポート",
            "여권",
            "paszport",
            "aufenthalt",
            "niederlassungserlaubnis",
            // the German driving licence (11 chars, "Führerscheinnummer B072RRE2I55"), the toleration paper and the
            // interim certificate a foreigner holds while a residence permit is decided
            "fuehrerschein",
            "fahrerlaubnis",
            "duldung",
            "fiktionsbescheinigung",
            "identit",
            "idcard",
            "dowod",
            "kimlik",
            // Russian and Ukrainian: паспорт, загранпаспорт, посвідка (residence permit)
            "паспорт",
            "загранпаспорт",
            "закордонн",
            "посвідк",
            "διαβατ");

    private static final WordSet DOCUMENT_WORDS = WordSet.of(
            "pass",
            "pass-nr",
            "passnr",
            "id",
            "id-nr",
            "id-nummer",
            "id-karte",
            "dni",
            "nie",
            "tie",
            "permit",
            "residence",
            "cni",
            // Maghrebi identity card (carte d'identité nationale, "CIN BE123456"), the French receipt for a residence
            // permit and "titre de séjour"
            "cin",
            "recepisse",
            "sejour",
            "cedula",
            "documento",
            "document");

    /** Passport, identity card or residence permit, in German, English and the customers' own languages. */
    private static final PrefixList DOCUMENT_HEAD_INDEX = new PrefixList(DOCUMENT_HEADS);

    /** Words that start like a document's word but are none: "dieselbe Person", "persönlich". */
    private static final WordSet NOT_DOCUMENTS =
            WordSet.of("person", "personen", "persona", "persoenlich", "persoenliche", "persoenlichen");

    static boolean documentWord(String w) {
        w = w.substring(w.indexOf('\'') + 1); // "d'identità"
        if (DOCUMENT_WORDS.contains(w)) return true;
        if (DOCUMENT_HEAD_INDEX.startsAny(w)) return !NOT_DOCUMENTS.contains(w);
        if (!w.isEmpty() && Chars.spaceless(w.charAt(0))) return spacelessDocumentWord(w);
        return IdentityWords.document(w);
    }

    /** Passport and residence permit in Chinese and Japanese, which write no spaces around them. */
    private static final List<String> SPACELESS_DOCUMENTS =
            List.of("护照", "護照", "身份证", "パスポート", "旅券", "在留カード", "滞在許可", "居留许可", "居留證");

    /** "他的护照", "滞在許可証の番号は": the word may stand anywhere in a token of a script without spaces. */
    private static boolean spacelessDocumentWord(String w) {
        for (String document : SPACELESS_DOCUMENTS) {
            if (w.contains(document)) return true;
        }
        return false;
    }

    /** "Geburtsdatum wie in der SV-Nummer, also 15.04.1982": a few words may come between the keyword and the date. */
    private static final int BIRTH_TOKENS = 7;

    /** Birth in Chinese, Japanese and Korean, written without spaces inside longer words ("我的出生日期是"). */
    private static final List<String> CJK_BIRTH = List.of("出生", "生年月日", "誕生", "생년월일", "생일");

    /** {@link #birthWord(String)} of a word token: its bits say whether it is one of the listed words. */
    static boolean birthWord(Token word) {
        String w = word.folded();
        if (BirthWords.WORDS.has(word) || w.startsWith("geburts")) return true;
        return w.charAt(0) >= 0x3000 && cjkBirth(w);
    }

    static boolean birthWord(String w) {
        if (BirthWords.WORDS.contains(w) || w.startsWith("geburts")) return true;
        return w.charAt(0) >= 0x3000 && cjkBirth(w);
    }

    private static boolean cjkBirth(String w) {
        for (String b : CJK_BIRTH) {
            if (w.contains(b)) return true;
        }
        return false;
    }

    /** "geb. 21.01.1958, gest. 07.09.2024": a death word right before a date makes it no birth date. */
    private static final WordSet DEATH = WordSet.of(
            "gest",
            "gestorben",
            "verst",
            "verstorben",
            "verstarb",
            "sterbedatum",
            "todesdatum",
            "todestag",
            "died",
            "death",
            "deceased");

    static boolean birthAround(TextScan s, int start, int end) {
        if (s.lastCharBefore(start) == '*') return true; // "*05.11.1951": the German birth mark
        if (anyWordBefore(s, start, 2, 15, DEATH::has)) return false;
        if (anyWordBefore(s, start, BIRTH_TOKENS, 45, Context::birthWord)) return true;
        if (bornInFrench(s, start)) return true;
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(end);
        for (int j = k; j < t.size() && j < k + 2; j++) {
            String w = t.get(j).folded();
            // "15 Mart 1983 doğumlu(yum)": Turkish says it after the date
            if (w.equals("geboren") || w.equals("born") || w.startsWith("dogum") || w.startsWith("dogdu")) return true;
        }
        return false;
    }

    /** "né le 04/02/2001", "née le …": the accent tells the French word from others spelled "ne". */
    private static boolean bornInFrench(TextScan s, int start) {
        int k = s.tokenAtOrAfter(start) - 1;
        for (int seen = 0; k >= 0 && seen < 3; k--, seen++) {
            String w = s.tokens.get(k).text();
            if (w.equalsIgnoreCase("né") || w.equalsIgnoreCase("née")) return true;
        }
        return false;
    }

    /** True if one of the {@code maxTokens} word tokens after {@code pos} (within {@code maxChars}) matches. */
    static boolean anyAfter(TextScan s, int pos, int maxTokens, int maxChars, Predicate<String> keyword) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos);
        for (int seen = 0; k < t.size() && seen < maxTokens; k++, seen++) {
            Token token = t.get(k);
            if (token.start() - pos > maxChars) return false;
            if (token.isWord() && keyword.test(token.folded())) return true;
        }
        return false;
    }

    /** {@link #anyBefore} that asks the word tokens themselves, so that a keyword list answers by a token's bits. */
    static boolean anyWordBefore(TextScan s, int pos, int maxTokens, int maxChars, Predicate<Token> keyword) {
        List<Token> t = s.tokens;
        int k = s.tokenAtOrAfter(pos) - 1;
        for (int seen = 0; k >= 0 && seen < maxTokens; k--, seen++) {
            Token token = t.get(k);
            if (pos - token.end() > maxChars) return false;
            if (token.isWord() && keyword.test(token)) return true;
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
