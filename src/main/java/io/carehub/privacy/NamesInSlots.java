package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Names in a message typed all in lower case that only their place gives away, for {@link LowerCaseMessages}: a
 * customer's data written as a list, the name between a customer number and an e-mail address, a street or the end
 * ("kdnr 3950182274 rüdiger haselhorst r.haselhorst@…", "…, vincent morawietz kdnr …"); a lone surname after the
 * word that announces it ("nachname yalçın", "mieter: ahmadi", "klingeln bei ahlers"); and the surname after a
 * particle ("charlotte von der heydt", "finja ter horst", "ramón de la fuente"), which is an everyday word as often
 * as not.
 *
 * <p>A first word of the name lists (curated or world, four letters or more, no everyday word) followed by a word that
 * can continue a name is a name only in a slot of its own: after the message's start, a number, a keyword, a comma or
 * colon, a symbol (an emoji), and before the end, a number, an e-mail address, a keyword ("geb", "kdnr", "tel"), a
 * street ("deichstr 12") or a comma. In a sentence ("ich habe sabine gesagt") the words stay as they are; a name the
 * lists hold as a first name is capitalized there already. Cost: one pass over the tokens.
 */
final class NamesInSlots {

    /** Words that announce a surname (or a name) right after them: "nachname yalçın", "mieter: ahmadi". */
    private static final WordSet SURNAME_WORDS = WordSet.of(
            "nachname",
            "familienname",
            "zuname",
            "mieter",
            "mieterin",
            "vormieter",
            "vorbesitzer",
            "bewohner",
            "bewohnerin");

    /** "klingeln bei ahlers", "klingel bei nguyen": the name on a doorbell ("klingel geht nicht" is no name). */
    private static final WordSet DOORBELL = WordSet.of("klingel", "klingeln", "klingelt");

    /** Particles that start a surname: "von der heydt", "ter horst", "de smet", "el-amrani". */
    private static final WordSet PARTICLES =
            WordSet.of("von", "van", "ter", "ten", "de", "del", "della", "di", "dos", "al", "el");

    /** Articles taken only after a particle ("von der", "de la", "van den"): "sabine der techniker" is no name. */
    private static final WordSet AFTER_PARTICLE = WordSet.of("der", "den", "dem", "la", "las", "los");

    private NamesInSlots() {}

    /** Marks in {@code up} the words of {@code tokens} that {@link LowerCaseMessages} is to capitalize. */
    static void mark(char[] c, List<Token> tokens, boolean[] up) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!LowerCaseMessages.lowerCaseWord(c, t)) continue;
            if (!up[i] && i + 1 < n && givenName(t) && slotBefore(c, tokens, i)) {
                Token w = tokens.get(i + 1);
                if (LowerCaseMessages.nextToIt(c, t, w)
                        && LowerCaseMessages.lowerCaseWord(c, w)
                        && LowerCaseMessages.followsName(w)
                        && slotAfter(c, tokens, i + 1)) {
                    up[i] = true; // "kdnr 3950182274 rüdiger haselhorst r.haselhorst@…"
                    up[i + 1] = true;
                }
            }
            if (announcesSurname(tokens, i) && i + 1 < n) {
                Token w = tokens.get(i + 1);
                if (LowerCaseMessages.lowerCaseWord(c, w)
                        && w.keywordLists() == null
                        && LowerCaseMessages.surnameAfterSalutation(w)
                        && !LowerCaseMessages.NO_NAMES.has(w)) {
                    up[i + 1] = true; // "nachname yalçın"
                    LowerCaseMessages.surnames(c, tokens, i + 1, up);
                }
            }
        }
        for (int i = 0; i + 2 < n; i++) {
            if (!up[i] || !PARTICLES.has(tokens.get(i + 1))) continue;
            int k = i + 2;
            if (k + 1 < n && AFTER_PARTICLE.has(tokens.get(k))) k++; // "von der", "de la"
            else if (tokens.get(i + 1).text().equals("von")) continue; // "lena von vorhin": "von" alone is a word
            Token w = tokens.get(k);
            if (!up[k]
                    && (LowerCaseMessages.nextToIt(c, tokens.get(k - 1), w) || c[w.start() - 1] == '-')
                    && LowerCaseMessages.lowerCaseWord(c, w)
                    && w.length() >= 3
                    && (w.lexicon() & LowerCaseMessages.PLAIN) == 0
                    && w.keywordLists() == null) {
                up[k] = true; // "charlotte von der heydt"
            }
        }
    }

    /** A first word of the name lists, curated or world, of four letters or more and no everyday word. */
    private static boolean givenName(Token t) {
        int bits = t.lexicon();
        return t.length() >= 4
                && (bits & (Lexicons.FIRST | Lexicons.WORLD_FIRST | Lexicons.WORLD_NAME)) != 0
                && (bits & LowerCaseMessages.WORD) == 0
                && t.keywordLists() == null
                && !LowerCaseMessages.NO_NAMES.has(t);
    }

    private static boolean announcesSurname(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (SURNAME_WORDS.has(t)) return true;
        return t.text().equals("bei") && i > 0 && DOORBELL.has(tokens.get(i - 1));
    }

    /** The message's start, a number, a keyword, a comma or colon, or a symbol before the name. */
    private static boolean slotBefore(char[] c, List<Token> tokens, int i) {
        if (i == 0) return true;
        Token p = tokens.get(i - 1);
        for (int k = tokens.get(i).start() - 1; k >= p.end(); k--) {
            char ch = c[k];
            if (ch == ' ') continue;
            return ch != '.' && ch != '-' && ch != '\'';
        }
        // a keyword of four letters or more ("kdnr", "name"); "la", "ne" are words of other languages too
        return p.isNumber()
                || p.keywordLists() != null && p.length() >= 4 && (p.lexicon() & LowerCaseMessages.PLAIN) == 0;
    }

    /** The message's end, a number, an e-mail address, a keyword, a street or a comma after the name. */
    private static boolean slotAfter(char[] c, List<Token> tokens, int j) {
        if (j + 1 >= tokens.size()) return true;
        Token t = tokens.get(j);
        Token q = tokens.get(j + 1);
        for (int k = t.end(); k < q.start(); k++) {
            char ch = c[k];
            if (ch == ' ') continue;
            return ch == ',' || ch == ';' || ch == '(' || ch == '/' || Character.getType(ch) == Character.OTHER_SYMBOL;
        }
        if (q.isNumber() || q.keywordLists() != null && (q.lexicon() & LowerCaseMessages.PLAIN) == 0) return true;
        if (StreetLexicon.isStreetToken(q)) return true;
        for (int k = q.start(); k < c.length && c[k] != ' '; k++) if (c[k] == '@') return true;
        return false;
    }
}
