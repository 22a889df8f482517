package io.carehub.privacy;

import static io.carehub.privacy.NameSpan.GREETINGS;
import static io.carehub.privacy.NameSpan.PARTICLES;
import static io.carehub.privacy.NameSpan.TITLES;
import static io.carehub.privacy.NameSpan.emit;
import static io.carehub.privacy.NameSpan.joined;
import static io.carehub.privacy.NameSpan.partOfAddress;

import io.carehub.privacy.NameSpan.Mode;
import io.carehub.privacy.TextScan.Token;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names found by their place or by the lexicons rather than by a trigger before them: a first name
 * (+ surname) from the lexicons, "Vogel, Anna", "Anna hier", and a name signing the end of a message.
 */
final class LexiconNames {

    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    private static final WordSet ORIGIN = WordSet.of("from", "aus", "von", "vom");

    private final Lexicons lex;
    private final NameSpan span;

    LexiconNames(Lexicons lex, NameSpan span) {
        this.lex = lex;
        this.span = span;
    }

    /** First name (+ surname) from the lexicons, without a trigger. */
    int lexiconName(TextScan s, int i, List<Detection> out) {
        List<Token> t = s.tokens;
        Token token = t.get(i);
        String f = token.folded();
        if (lex.isStopWord(token) || partOfAddress(s, token)) return -1;
        boolean ordinary = lex.isOrdinary(token);
        if (lex.isFirstName(token)) {
            int j = i + 1;
            boolean strongSurname = false;
            while (j < t.size() && j - i <= 3 && t.get(j).isWord() && joined(s, t.get(j - 1), t.get(j))) {
                Token n = t.get(j);
                String nf = n.folded();
                if (PARTICLES.contains(nf)
                        && j + 1 < t.size()
                        && t.get(j + 1).capitalized()
                        && !NameSpan.houseNumberAfter(s, j + 1)) {
                    j++;
                    continue;
                }
                if (lex.isStopWord(n) || TITLES.contains(nf) || partOfAddress(s, n)) break;
                boolean surname = lex.isName(n);
                if (!(surname || n.capitalized())) break;
                if (surname && (!lex.isOrdinary(n) || n.capitalized())) strongSurname = true;
                if (!surname && n.capitalized() && !token.capitalized()) break;
                j++;
            }
            if (j > i + 1) {
                if (ordinary && !token.capitalized() && !strongSurname) return -1;
                return emit(s, i, j, 0.8, out);
            }
            if (!ordinary) return emit(s, i, i + 1, token.capitalized() ? 0.6 : 0.5, out);
            return -1;
        }
        if (token.capitalized()
                && lex.isAnyFirstName(token)
                && s.lastCharBefore(token.start()) == '('
                && s.at(token.end()) == ')') {
            return emit(s, i, i + 1, 0.65, out); // "ich (Eleni) kümmere mich"
        }
        if (token.capitalized() && lex.isAnyFirstName(token) && i + 1 < t.size()) {
            // "Eleni Papadopoulou", "Liam Fischer": a first name of any origin and a capitalized word after it
            Token n = t.get(i + 1);
            String nf = n.folded();
            if (n.isWord()
                    && n.capitalized()
                    && joined(s, token, n)
                    && !lex.isCommon(n)
                    && !TITLES.contains(nf)
                    && !partOfAddress(s, n)
                    && !StreetLexicon.isStreetToken(nf)) {
                return emit(s, i, i + 2, 0.7, out);
            }
        }
        if (token.capitalized() && lex.hasSurnameShape(token) && !lex.isCity(token))
            return emit(s, i, i + 1, 0.55, out);
        if (lex.isSurname(token) && (token.capitalized() || !ordinary)) {
            // "Vogel, Anna"
            if (i + 1 < t.size()
                    && s.at(token.end()) == ','
                    && t.get(i + 1).isWord()
                    && lex.isFirstName(t.get(i + 1))
                    && t.get(i + 1).start() - token.end() <= 2) {
                return emit(s, i, i + 1, 0.7, out);
            }
            if (token.capitalized() && !ordinary) return emit(s, i, i + 1, 0.5, out);
        }
        return -1;
    }

    private static final WordSet HIER_VERBS = WordSet.of("ist", "spricht", "is");

    /** "Anna hier", "Lucas Moreau here". */
    void postfixHier(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 1; i < t.size(); i++) {
            String w = t.get(i).folded();
            if (!(w.equals("hier") || w.equals("here"))) continue;
            if (i + 1 < t.size() && HIER_VERBS.has(t.get(i + 1))) continue;
            int j = i - 1;
            int last = i - 1;
            if (j >= 1 && t.get(j).folded().equals("schreibt")) {
                j--; // "chantal schreibt hier"
                last--;
            }
            if (j >= 2 && t.get(j).capitalized() && ORIGIN.has(t.get(j - 1))) {
                j -= 2; // "Ravi from Bangalore here": the place is not the name
                last -= 2;
            }
            if (j >= 1
                    && !t.get(j).capitalized()
                    && t.get(j - 1).isWord()
                    && !t.get(j - 1).capitalized()
                    && lex.isIntroFirstName(t.get(j - 1).folded())
                    && !lex.isCommon(t.get(j))
                    && !lex.isOrdinary(t.get(j))
                    && joined(s, t.get(j - 1), t.get(j))
                    && (j == 1 || !t.get(j - 2).isWord() || GREETINGS.has(t.get(j - 2)))) {
                out.add(new Detection(
                        EntityType.PERSON, t.get(j - 1).start(), t.get(j).end(), 0.75)); // "moin, birte janssen hier"
                continue;
            }
            if (j >= 0
                    && t.get(j).isWord()
                    && !t.get(j).capitalized()
                    && lex.isIntroFirstName(t.get(j).folded())
                    && (j == 0 || !t.get(j - 1).isWord() || GREETINGS.has(t.get(j - 1)))) {
                out.add(new Detection(
                        EntityType.PERSON, t.get(j).start(), t.get(j).end(), 0.75)); // "hi, ela hier"
                continue;
            }
            while (j >= 0 && last - j <= 2 && t.get(j).isWord() && joined(s, t.get(j), t.get(j + 1))) {
                Token token = t.get(j);
                String f = token.folded();
                if (lex.isStopWord(token) || TITLES.has(token) || !(lex.isName(token) || token.capitalized())) break;
                j--;
            }
            if (j + 1 <= last)
                out.add(new Detection(
                        EntityType.PERSON, t.get(j + 1).start(), t.get(last).end(), 0.8));
        }
    }

    /** What may stand before a name that signs a message: a comma, a sentence's end or a dash. */
    private static final WordSet SIGNATURE_MARKS = WordSet.of(",", ".", "!", "-", "–");

    /** "– król agata": a message ending in names only, written in lower case, after a dash or comma. */
    private void lowerCaseSignature(TextScan s, int k, List<Detection> out) {
        List<Token> t = s.tokens;
        if (t.size() - k > 3 || !s.onlyBetween(t.get(t.size() - 1).end(), s.length(), ".!\n")) return;
        for (int j = k; j < t.size(); j++) {
            String f = t.get(j).folded();
            if (!t.get(j).isWord()
                    || j > k && !joined(s, t.get(j - 1), t.get(j))
                    || lex.isCommon(f)
                    || lex.isOrdinary(f)
                    || !(lex.isName(f) || lex.isWorldName(f))) return;
        }
        emit(s, k, t.size(), 0.6, out);
    }

    /**
     * "..., 10435 Berlin, Thea Lindqvist", "..., Gerd aus 63165 Mühlheim": after a comma, a name from the
     * lexicons that ends the message (or is followed only by "aus" and a postcode) signs it.
     */
    void signatureAtEnd(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int k = Math.max(1, t.size() - 8); k < t.size(); k++) {
            if (!t.get(k).isWord()) continue;
            String before =
                    s.text.substring(t.get(k - 1).end(), t.get(k).start()).trim();
            if (!t.get(k).capitalized()) {
                if (before.endsWith("-") || before.endsWith("–") || before.endsWith(",")) lowerCaseSignature(s, k, out);
                continue;
            }
            if (!SIGNATURE_MARKS.contains(before) || Dates.month(t.get(k)) > 0) continue; // "vom 2. Mai."
            int end = span.scanName(s, k, Mode.WEAK);
            if (end > k && end == t.size()) {
                emit(s, k, end, 0.7, out);
                continue;
            }
            end = span.scanName(s, k, Mode.LEXICON_OR_CAPITAL);
            if (end > k
                    && end + 1 < t.size()
                    && t.get(end).folded().equals("aus")
                    && POSTCODE.matcher(t.get(end + 1).text()).matches()) {
                emit(s, k, end, 0.7, out);
            }
        }
    }
}
