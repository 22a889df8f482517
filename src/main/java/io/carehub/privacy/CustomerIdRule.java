package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Customer, contract and billing-account numbers (CUSTOMER_ID). They have no public format, so
 * they are found through their keyword ("Kundennummer 123…", "Kd.-Nr.", "Vertrag VN-…", "customer
 * no.") and, for letter-prefixed ids such as "VN-88120934", through their shape.
 */
final class CustomerIdRule implements Scanner {

    private static final WordSet KEYWORDS = WordSet.of(
            "kundennummer",
            "kundennr",
            // "Kd 5520918374", "Kd. 4471 0932 18": the customer abbreviated alone
            "kd",
            "kundenummer",
            "kdnr",
            "kundnr",
            "kd-nr",
            "kunden-nr",
            "kundennummern",
            "vertragsnummer",
            "vertragsnr",
            "vertrags-nr",
            "vertrag",
            "vertrages",
            "vertraege",
            // "Vertr. 40027719": the contract abbreviated in lists
            "vertr",
            "vertragskonto",
            "vertragskontonummer",
            "buchungskonto",
            "buchungskontonummer",
            "kundenkonto",
            "kundenkennung",
            "kunden-id",
            "kundenid",
            "vertragsnummern",
            "contract",
            "customer",
            "account",
            // "numer klienta", "numéro client", "numero cliente"
            "klienta",
            // "číslo zákazníka", "zákaznícke číslo": the customer in Czech and Slovak
            "zakaznika",
            "zakaznicke",
            "klienten",
            "client",
            "cliente",
            // the contract in Czech, Slovak, Croatian/Serbian/Bosnian, Slovenian, Polish and Greek ("číslo smlouvy
            // VK-2271-80913", "broj ugovora", "številka pogodbe", "numer umowy", "αριθμός συμβολαίου")
            "smlouvy",
            "smlouva",
            "zmluvy",
            "zmluva",
            "ugovora",
            "pogodbe",
            "umowy",
            "συμβολαίου",
            "συμβολαιου");
    /** First halves of keywords written in two tokens: "Kd.-Nr.", "Kunden Nr", "customer no.". */
    private static final WordSet KEYWORD_HEADS = WordSet.of(
            "kd", "kunden", "vertrags", "customer", "contract", "account", "kundennummer", "musteri", "muesteri");

    private static final WordSet KEYWORD_TAILS =
            WordSet.of("nr", "nummer", "number", "no", "id", "num", "konto", "numarasi");
    private static final WordSet FILLERS = WordSet.of(
            "ist",
            "lautet",
            "lauten",
            "meine",
            "mein",
            "die",
            "der",
            "is",
            "nr",
            "no",
            "number",
            "nummer",
            "waere",
            "hier",
            "ja",
            "also",
            "my",
            "the",
            "sind",
            "von",
            "bei",
            "euch",
            "ihnen",
            // "číslo smlouvy je 7720913354", "numer umowy jest …": "is" in the West and South Slavic languages
            "je",
            "jest");
    private static final WordSet LIST_JOINERS = WordSet.of("und", "sowie", "and", "oder", "or");

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i < t.size(); i++) {
            Token token = t.get(i);
            if (!token.isWord()) continue;
            int next = keywordEnd(t, i);
            // "Eingangsbestätigung Nr. KD-33910": "KD" glued to digits by a dash is a reference's prefix
            if (next == i + 1 && token.folded().equals("kd") && s.at(token.end()) == '-') next = -1;
            if (next < 0 && loneKeywordBeforeId(s, i)) next = i + 1;
            if (next < 0 && KeywordAsides.contractCompoundBefore(s, i)) next = i + 1;
            if (next >= 0) {
                int captured = captureAfter(s, next, out, 0.92);
                if (captured > i) i = captured - 1;
                continue;
            }
            if (letterPrefixedId(s, i) && !DigitRunRule.notPersonalBefore(s, token.start())) {
                int end = idEnd(s, i);
                out.add(new Detection(
                        EntityType.CUSTOMER_ID, token.start(), t.get(end - 1).end(), 0.55));
                i = end - 1;
            }
        }
        trailingKeyword(s, out);
    }

    /** Index of the token after a keyword starting at {@code i}, or -1. */
    private static int keywordEnd(List<Token> t, int i) {
        Token word = t.get(i);
        String w = word.folded();
        boolean head = KEYWORD_HEADS.has(word);
        if (head
                && i + 1 < t.size()
                && t.get(i + 1).isWord()
                && KEYWORD_TAILS.has(t.get(i + 1))
                && t.get(i + 1).start() - t.get(i).end() <= 3) {
            return i + 2;
        }
        if (KEYWORDS.has(word) && !(w.equals("customer") || w.equals("contract") || w.equals("account"))) return i + 1;
        return accountWord(w) || compoundKeyword(w) || asianKeyword(w) ? i + 1 : -1;
    }

    /** Customer and contract number in Chinese, Japanese, Korean and Thai. */
    private static final List<String> ASIAN_KEYWORDS = List.of(
            "合同号",
            "合同编号",
            "合同號",
            "合約編號",
            "客户号",
            "客户编号",
            "客戶編號",
            "お客様番号",
            "顧客番号",
            "契約番号",
            "고객번호",
            "계약번호",
            "หมายเลขลูกค้า",
            "เลขที่สัญญา");

    /**
     * "合同号", "お客様番号は", "고객번호는": Chinese, Japanese and Thai write no space around the keyword, so it may
     * stand anywhere in a token; a Korean one starts its word, a particle may follow.
     */
    private static boolean asianKeyword(String w) {
        if (w.isEmpty() || w.charAt(0) < 0x0E00) return false;
        boolean spaceless = Chars.spaceless(w.charAt(0));
        for (String keyword : ASIAN_KEYWORDS) {
            if (spaceless ? w.contains(keyword) : w.startsWith(keyword)) return true;
        }
        return false;
    }

    /** "Firmenkundennummer", "Geschäftskunden-Nr", "Mobilfunkvertragsnummer": a kind of customer or contract. */
    private static boolean compoundKeyword(String w) {
        return w.length() > 12
                && (w.endsWith("kundennummer")
                        || w.endsWith("kundennr")
                        || w.endsWith("kunden-nr")
                        || w.endsWith("vertragsnummer")
                        || w.endsWith("vertragsnr"));
    }

    /** "Rechnungskonto", "Abrechnungskontonummer": an account with the company, not a bank account. */
    private static boolean accountWord(String w) {
        if (w.length() <= 8) return false;
        boolean account = w.endsWith("konto") || w.endsWith("kontonummer") || w.endsWith("kontonr");
        return account
                && w.length() > 8
                && !w.startsWith("bank")
                && !w.startsWith("giro")
                && !w.startsWith("spar")
                && !w.startsWith("tages")
                && !w.startsWith("paypal")
                && !w.startsWith("konto");
    }

    /** Captures one id (and ids joined by "und"/",") after the keyword; returns the token index after the last. */
    private static int captureAfter(TextScan s, int from, List<Detection> out, double score) {
        List<Token> t = s.tokens;
        int aside = KeywordAsides.skip(s, from);
        int k = aside > from && aside < t.size() && idStart(s, aside) ? aside : from;
        int fillers = 0;
        while (k < t.size() && t.get(k).isWord() && FILLERS.has(t.get(k)) && fillers < 3 && !idStart(s, k)) {
            k++;
            fillers++;
        }
        int last = -1;
        while (k < t.size() && idStart(s, k)) {
            if (k > from && t.get(k).start() - t.get(k - 1).end() > 12) break;
            int end = KeywordAsides.letterSuffix(s, idEnd(s, k));
            String compact = TextScan.digitsOf(
                    s.text.substring(t.get(k).start(), t.get(end - 1).end()));
            if (compact.length() < 5) break;
            // "Kundennr. 2210 9843 66, 05931 3 47 18": after the first id, a number with a trunk prefix is a phone
            if (last >= 0 && compact.charAt(0) == '0' && compact.charAt(1) != '0') break;
            out.add(new Detection(
                    EntityType.CUSTOMER_ID, t.get(k).start(), t.get(end - 1).end(), score));
            last = end;
            if (end < t.size()
                    && t.get(end).isWord()
                    && LIST_JOINERS.has(t.get(end))
                    && end + 1 < t.size()
                    && idStart(s, end + 1)) {
                k = end + 1;
            } else if (end < t.size()
                    && s.onlyBetween(t.get(end - 1).end(), t.get(end).start(), ",")
                    && idStart(s, end)
                    && s.at(t.get(end - 1).end()) == ',') {
                k = end;
            } else {
                break;
            }
        }
        return last;
    }

    /** A number, or 1–3 letters directly followed by a number ("VN-123", "K 55012398"). */
    private static boolean idStart(TextScan s, int k) {
        List<Token> t = s.tokens;
        Token token = t.get(k);
        if (token.isNumber()) return true;
        String text = token.text();
        if (!token.isWord()
                || text.length() > 3
                || text.contains("-")
                || k + 1 >= t.size()
                || FILLERS.has(token)
                || OtherIdRule.keyword(token)) { // "Kundennummer 5019 2734 66, DNI 52846917R"
            return false;
        }
        if (!TextScan.unchangedByUpperCase(text) && text.length() > 2) return false;
        Token number = t.get(k + 1);
        int gap = number.start() - token.end();
        boolean joined = gap == 0 || gap == 1 && " -".indexOf(s.at(token.end())) >= 0;
        if (!number.isNumber() || !joined) return false;
        // "VN 88 4471 2093": a short first group counts when more groups follow
        return number.length() >= 3
                || number.length() == 2
                        && k + 2 < t.size()
                        && t.get(k + 2).isNumber()
                        && t.get(k + 2).start() - number.end() == 1
                        && " -".indexOf(s.at(number.end())) >= 0;
    }

    /** Extends an id over number groups joined by single separators. */
    private static int idEnd(TextScan s, int k) {
        List<Token> t = s.tokens;
        int end = k + 1;
        while (end < t.size()) {
            Token prev = t.get(end - 1);
            Token next = t.get(end);
            int gap = next.start() - prev.end();
            boolean joined = gap == 0 || gap == 1 && " -/.".indexOf(s.at(prev.end())) >= 0;
            if (gap == 1 && s.at(prev.end()) == '.' && !next.isNumber()) joined = false;
            boolean groupContinues = next.isNumber()
                    || (next.isWord()
                            && next.length() <= 2
                            && Chars.gluingLetter(next.text().charAt(0)) // not "…です"
                            && (gap == 0 || lettersBetweenDashes(s, prev, end)));
            if (!joined || !groupContinues || end - k >= 2 && ScannedLetters.postcodeAfterNumber(s, end)) break;
            if (gap == 1 && s.at(prev.end()) == ' ' && next.isNumber() && next.length() > 5 && end - k > 3) break;
            if (PhoneAfterNumber.follows(s, end, PhoneAfterNumber.digits(t, k, end))) break;
            end++;
        }
        return end;
    }

    /** "VN-88120934": 1–3 capital letters, dash, at least six digits. */
    private static boolean letterPrefixedId(TextScan s, int i) {
        List<Token> t = s.tokens;
        Token token = t.get(i);
        String text = token.text();
        if (text.length() > 3 || !TextScan.unchangedByUpperCase(text) || i + 1 >= t.size()) return false;
        Token number = t.get(i + 1);
        return number.isNumber()
                && number.start() == token.end() + 1
                && s.at(token.end()) == '-'
                && number.length() >= 6;
    }

    /** "4410098876 ist meine Kundennummer". */
    private static void trailingKeyword(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 2; i < t.size(); i++) {
            if (keywordEnd(t, i) < 0) continue;
            int k = i - 1;
            int fillers = 0;
            while (k >= 0 && t.get(k).isWord() && FILLERS.has(t.get(k)) && fillers < 3) {
                k--;
                fillers++;
            }
            if (fillers == 0 || k < 0 || !t.get(k).isNumber()) continue;
            int start = k;
            while (start > 0
                    && t.get(start - 1).isNumber()
                    && t.get(start).start() - t.get(start - 1).end() == 1) start--;
            String digits = TextScan.digitsOf(
                    s.text.substring(t.get(start).start(), t.get(k).end()));
            if (digits.length() >= 5)
                out.add(new Detection(
                        EntityType.CUSTOMER_ID, t.get(start).start(), t.get(k).end(), 0.85));
        }
    }

    /** "contract KV-3301-9987-2", "Contract 4471-BX-2290": customer, contract or account right before an id. */
    private static boolean loneKeywordBeforeId(TextScan s, int i) {
        List<Token> t = s.tokens;
        String w = t.get(i).folded();
        if (!w.equals("customer") && !w.equals("contract") && !w.equals("account")) return false;
        return i + 1 < t.size() && t.get(i + 1).start() - t.get(i).end() == 1 && idStart(s, i + 1);
    }

    /** "4471-BX-2290": a group of one or two letters between dashes inside an id. */
    private static boolean lettersBetweenDashes(TextScan s, Token prev, int k) {
        List<Token> t = s.tokens;
        Token letters = t.get(k);
        return s.at(prev.end()) == '-'
                && letters.start() == prev.end() + 1
                && s.at(letters.end()) == '-'
                && k + 1 < t.size()
                && t.get(k + 1).isNumber()
                && t.get(k + 1).start() == letters.end() + 1;
    }
}
