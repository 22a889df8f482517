package io.carehub.privacy;

import io.carehub.privacy.NameSpan.Mode;
import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * Names in address context, where nothing else says "name": "c/o Nordlicht" is left to the company rules,
 * but "c/o Jana Berger", "bei Schulte klingeln", "ring at Miller's" name the person at the door. A lone
 * surname there is as personal as a whole name.
 */
final class DoorbellNames implements Scanner {

    private final Lexicons lex;
    private final NameSpan span;

    DoorbellNames(Lexicons lex) {
        this.lex = lex;
        this.span = new NameSpan(lex);
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 1 < t.size(); i++) {
            String w = t.get(i).folded();
            if (w.equals("c")
                    && s.at(t.get(i).end()) == '/'
                    && t.get(i + 1).folded().equals("o")) {
                if (name(s, i + 2, Mode.WEAK, out) < 0)
                    loneSurname(s, i + 2, out); // "c/o Jana Berger", "c/o Riedmüller"
            } else if ((w.equals("bei") || w.equals("beim")) && doorbellAfter(t, i + 1)) {
                name(s, i + 1, Mode.LEXICON_OR_CAPITAL, out); // "bei Schulte klingeln"
            } else if (BELLS.has(t.get(i)) || w.startsWith("klingel") && !w.equals("klingeln")) {
                namesOnTheBell(s, i + 1, out); // "auf der Klingel steht Tran / Pham", "the bell says Okoro/Lindner"
            } else if ((w.equals("ring") || w.startsWith("klingel")) && BELL_AT.has(t.get(i + 1))) {
                namesOnTheBell(s, i + 2, out); // "ring at Okonkwo", "klingeln bei Haddad"
            }
        }
    }

    /**
     * "c/o Riedmüller", "c/o Brüning.": one capitalized word that ends the phrase is the person whose name is on the
     * door; "c/o Nordlicht Consulting", "c/o Wiegand & Partner" go on and are left to the company rules.
     */
    private void loneSurname(TextScan s, int k, List<Detection> out) {
        List<Token> t = s.tokens;
        if (k >= t.size()
                || !t.get(k).isWord()
                || !t.get(k).capitalized()
                || t.get(k).length() < 3) return;
        if (lex.isCommon(t.get(k)) || lex.isStopWord(t.get(k))) return;
        char after = s.at(t.get(k).end());
        boolean ends = t.get(k).end() >= s.length() || ",.;:!?\")'\u201C\u201D".indexOf(after) >= 0;
        if (ends)
            out.add(new Detection(EntityType.PERSON, t.get(k).start(), t.get(k).end(), 0.7));
    }

    private int name(TextScan s, int k, Mode mode, List<Detection> out) {
        List<Token> t = s.tokens;
        if (k >= t.size() || !t.get(k).capitalized() || lex.isCommon(t.get(k))) return -1;
        int end = span.scanName(s, k, mode);
        if (end > k)
            out.add(new Detection(
                    EntityType.PERSON, t.get(k).start(), t.get(end - 1).end(), 0.75));
        return end > k ? end : -1;
    }

    private static final WordSet BELLS = WordSet.of(
            "namensschild",
            "briefkasten",
            "tuerschild",
            "doorbell",
            "bell",
            "buzzer",
            "nameplate",
            "mailbox",
            "letterbox",
            // the doorbell and letterbox in the customers' other languages: "ime na zvonu Alić", "op de bel"
            "zvono",
            "zvonu",
            "zvonce",
            "zvoncu",
            "dzwonek",
            "dzwonku",
            "zvonek",
            "zvonku",
            "schranka",
            "schrance",
            "bel",
            "brievenbus",
            "sonnette",
            "boite",
            "campanello",
            "citofono",
            "timbre",
            "buzon",
            "campainha",
            "zil",
            "zilde",
            "postkasse",
            "dorklokke",
            "ringklocka",
            "brevlada");
    private static final WordSet BELL_AT = WordSet.of("at", "bei", "beim", "on");
    private static final WordSet BELL_FILLERS = WordSet.of(
            "steht",
            "stehen",
            "says",
            "say",
            "reads",
            "shows",
            "is",
            "ist",
            "auf",
            "der",
            "dem",
            "am",
            "at",
            "bei",
            "beim",
            "the",
            "name",
            "names",
            "namen",
            "nur",
            "only",
            "noch",
            "still",
            "mit",
            "with",
            "von",
            // "na zvonu piše", "op de bel staat", "sur la sonnette c'est", "sul campanello c'è", "zilde … yazıyor"
            "ime",
            "imie",
            "jmeno",
            "pise",
            "stoji",
            "je",
            "jest",
            "stoi",
            "napisane",
            "staat",
            "de",
            "naam",
            "la",
            "le",
            "nom",
            "il",
            "nome",
            "c'e",
            "c'est",
            "est",
            "el",
            "nombre",
            "pone",
            "o",
            "diz",
            "yaziyor",
            "isim",
            "staar",
            "navn",
            "star",
            "namn",
            "det");

    /** Up to three names after a doorbell word, separated by "/", "&", "und" or "and". */
    private void namesOnTheBell(TextScan s, int k, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int skipped = 0; k < t.size() && skipped < 3 && BELL_FILLERS.has(t.get(k)); skipped++) k++;
        for (int names = 0; names < 3 && k < t.size(); names++) {
            int end = name(s, k, Mode.LEXICON_OR_CAPITAL, out);
            if (end < 0 || end >= t.size()) return;
            String between =
                    s.text.substring(t.get(end - 1).end(), t.get(end).start()).trim();
            if (between.equals("/") || between.equals("&") || between.equals("+")) {
                k = end;
            } else if (between.isEmpty()
                    && (t.get(end).folded().equals("und") || t.get(end).folded().equals("and"))) {
                k = end + 1;
            } else {
                return;
            }
        }
    }

    /** "klingeln", "klingelt", "läuten" among the four words after the name. */
    private static boolean doorbellAfter(List<Token> t, int k) {
        for (int j = k + 1; j < t.size() && j <= k + 4; j++) {
            String f = t.get(j).folded();
            if (f.startsWith("klingel") || f.startsWith("laeut") || f.equals("ring")) return true;
        }
        return false;
    }
}
