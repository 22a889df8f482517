package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names in Greek, Devanagari, Tamil, Thai, Georgian and Ethiopic script, scripts that put spaces between the words of
 * a name: beside the same name in Latin letters ("Karthikeyan Murugan (கார்த்திகேயன் முருகன்)", "สมชาย ใจดี (Somchai
 * Jaidee)", "Ελένη Παππά / Eleni Pappa", "Giorgi Kapanadze / გიორგი კაპანაძე"), after a word that introduces a name in that language ("मेरा नाम … है", "ชื่อ …",
 * "பெயர் …", "ስሜ … ነው", "Καλημέρα από …"), or before "and" and a name ("Σπύρος και Ελένη Μπουρνάζου"). Only Greek
 * has capitals (Armenian has too, and the person model finds its capitalized names as it finds Latin ones); in the other
 * scripts a name is at most three words (two in Thai and Georgian) and stops at a word of the
 * language's grammar ("है", "ነው", "ค่ะ") or at a word of another script. Linear: it looks only at the tokens next
 * to each name and each introducing word, as {@link ScriptNames} does for Arabic and Cyrillic.
 */
final class SpacedScriptNames {

    private static final double SCORE = 0.6;

    /** A script: its block, whether a name is capitalized, how many words a name has at most. */
    private enum Script {
        GREEK('\u0370', '\u03FF', true, 2),
        DEVANAGARI('\u0900', '\u097F', false, 3),
        TAMIL('\u0B80', '\u0BFF', false, 3),
        THAI('\u0E00', '\u0E7F', false, 2),
        GEORGIAN('\u10A0', '\u10FF', false, 2),
        ETHIOPIC('\u1200', '\u137F', false, 3);

        final char first;
        final char last;
        final boolean capitals;
        final int maxWords;

        Script(char first, char last, boolean capitals, int maxWords) {
            this.first = first;
            this.last = last;
            this.capitals = capitals;
            this.maxWords = maxWords;
        }

        static Script of(Token w) {
            if (!w.isWord()) return null;
            char ch = w.text().charAt(0);
            for (Script script : values()) {
                if (ch >= script.first && ch <= script.last) return script;
            }
            return null;
        }
    }

    /** Words after which a name follows: "name" (hi, ta, th, am), "my/his/her name" (am), "Mr", "Mrs" (th). */
    private static final Set<String> NAME_WORDS =
            Set.of("नाम", "பெயர்", "ชื่อ", "นาย", "นาง", "นางสาว", "ስሜ", "ስሙ", "ስሟ", "ስም", "όνομα", "όνομά", "λέγομαι");

    /** Greetings after which "from" introduces the writer's name: "Καλημέρα από Θεοδώρα". */
    private static final Set<String> GREEK_GREETINGS =
            Set.of("καλημέρα", "καλησπέρα", "γεια", "χαιρετισμούς", "χαιρετίσματα", "φιλιά", "ευχαριστώ");

    /** "and" before a second name: Greek only, where capitals tell a name from a word. */
    private static final Set<String> AND = Set.of("και", "κι");

    /** Words of the grammar that end a name: "is", "am", "and", "of", politeness particles, "born", "number". */
    private static final Set<String> STOPS = Set.of(
            // Hindi
            "है",
            "हूँ",
            "हूं",
            "हैं",
            "था",
            "थी",
            "और",
            "का",
            "की",
            "के",
            "को",
            "से",
            "में",
            "जी",
            "भी",
            "मेरा",
            "मेरी",
            // Tamil
            "ஆகும்",
            "நான்",
            "மற்றும்",
            "என்",
            "இது",
            // Thai
            "ครับ",
            "ค่ะ",
            "คะ",
            "นะ",
            "จ้า",
            "และ",
            "เกิด",
            "เลข",
            "ที่",
            "อยู่",
            "เบอร์",
            "โทร",
            // Amharic
            "ነው",
            "ነኝ",
            "ናት",
            "እና",
            "ይባላል",
            "እባላለሁ",
            // Greek
            "και",
            "κι",
            "από",
            "στην",
            "στο",
            "στη",
            // Georgian: "and", "I am", "is", "hello", "thanks", "number", "born"
            "და",
            "ვარ",
            "არის",
            "გამარჯობა",
            "მადლობა",
            "ნომერი",
            "დაბადებული");

    /** Words between a Latin name and its twin: "in Thai", "auf Griechisch". */
    private static final Set<String> LANGUAGE_WORDS = Set.of(
            "auf",
            "in",
            "griechisch",
            "greek",
            "hindi",
            "tamil",
            "thai",
            "thailändisch",
            "amharisch",
            "amharic",
            "georgisch",
            "georgian",
            "geschrieben",
            "written");

    private SpacedScriptNames() {}

    static List<Detection> add(TextScan s, List<Detection> found) {
        if (!anyScript(s.c)) return found;
        List<Token> t = s.tokens;
        List<Detection> added = new ArrayList<>();
        for (Detection p : found) {
            if (p.type() != EntityType.PERSON) continue;
            twinAfter(s, s.tokenAtOrAfter(p.end()), added);
            twinBefore(s, s.tokenAtOrAfter(p.start()) - 1, added);
            coordinatedBefore(s, s.tokenAtOrAfter(p.start()) - 1, added);
        }
        for (int k = 0; k + 1 < t.size(); k++) {
            String f = t.get(k).folded();
            if (NAME_WORDS.contains(f)) run(s, k + 1, added);
            else if (f.equals("από")
                    && k > 0
                    && GREEK_GREETINGS.contains(t.get(k - 1).folded())) signature(s, k + 1, added);
        }
        return Detection.addWhereFree(found, added);
    }

    /** "Karthikeyan Murugan (கார்த்திகேயன் முருகன்)": a bracket, slash, dash or "=" between, or a language word. */
    private static void twinAfter(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        if (k >= t.size() || k == 0) return;
        int from = k;
        while (k < t.size() && k - from < 3 && LANGUAGE_WORDS.contains(t.get(k).folded())) k++;
        if (k >= t.size() || !separatorsOnly(s, t.get(k - 1).end(), t.get(k).start())) return;
        if (k == from && !containsAny(s, t.get(k - 1).end(), t.get(k).start(), "(/–—-=")) return;
        run(s, k, added);
    }

    /** "ณัฐญา วงศ์สุวรรณ (Nattaya Wongsuwan)": the name's words right before the bracket, slash, dash or "=". */
    private static void twinBefore(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        if (k < 0 || !separatorsOnly(s, t.get(k).end(), t.get(k + 1).start())) return;
        if (!containsAny(s, t.get(k).end(), t.get(k + 1).start(), "(/–—-=")) return;
        Script script = Script.of(t.get(k));
        if (script == null || !nameWord(t.get(k), script)) return;
        int from = k;
        while (from - 1 >= 0
                && k - from + 1 < script.maxWords
                && s.onlyBetween(t.get(from - 1).end(), t.get(from).start(), "")
                && Script.of(t.get(from - 1)) == script
                && nameWord(t.get(from - 1), script)) from--;
        added.add(new Detection(EntityType.PERSON, t.get(from).start(), t.get(k).end(), SCORE));
    }

    /** "Σπύρος και Ελένη Μπουρνάζου": one capitalized Greek word, "and", then the name found. */
    private static void coordinatedBefore(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        if (k < 1 || !AND.contains(t.get(k).folded())) return;
        Token w = t.get(k - 1);
        if (Script.of(w) == Script.GREEK
                && nameWord(w, Script.GREEK)
                && s.onlyBetween(w.end(), t.get(k).start(), "")
                && (k < 2 || !nameWord(t.get(k - 2), Script.GREEK))) {
            added.add(new Detection(EntityType.PERSON, w.start(), w.end(), SCORE));
        }
    }

    /**
     * "Καλημέρα από Θεοδώρα 🙂": a greeting "from" a name that ends the clause; "Καλημέρα από Αθήνα με …" ("from
     * Athens with …") goes on in Greek, a place's way.
     */
    private static void signature(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        int before = added.size();
        run(s, k, added);
        if (added.size() == before) return;
        int end = added.get(before).end();
        int next = s.tokenAtOrAfter(end);
        if (next < t.size()
                && Script.of(t.get(next)) == Script.GREEK
                && s.onlyBetween(end, t.get(next).start(), "")) {
            added.remove(before);
        }
    }

    /** Up to the script's number of name words from token k, all of one script, blank-separated. */
    private static void run(TextScan s, int k, List<Detection> added) {
        List<Token> t = s.tokens;
        if (k >= t.size()) return;
        Script script = Script.of(t.get(k));
        if (script == null) return;
        int end = k;
        while (end < t.size()
                && end - k < script.maxWords
                && Script.of(t.get(end)) == script
                && nameWord(t.get(end), script)
                && (end == k || s.onlyBetween(t.get(end - 1).end(), t.get(end).start(), ""))) end++;
        if (end > k)
            added.add(new Detection(
                    EntityType.PERSON, t.get(k).start(), t.get(end - 1).end(), SCORE));
    }

    private static boolean nameWord(Token w, Script script) {
        if (w.length() < 2 || STOPS.contains(w.folded()) || NAME_WORDS.contains(w.folded())) return false;
        return !script.capitals || w.capitalized() && !TextScan.unchangedByUpperCase(w.text());
    }

    private static boolean containsAny(TextScan s, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(s.at(i)) >= 0) return true;
        }
        return false;
    }

    /** Only blanks, commas, dashes, slashes, brackets, colons and "=" in [from, to). */
    private static boolean separatorsOnly(TextScan s, int from, int to) {
        if (to - from > 6) return false;
        for (int i = from; i < to; i++) {
            if (" ,–—-/():=".indexOf(s.at(i)) < 0) return false;
        }
        return true;
    }

    private static boolean anyScript(char[] c) {
        for (char ch : c) {
            if (ch >= '\u0370' && ch <= '\u03FF' || ch >= '\u0900' && ch <= '\u137F') return true;
        }
        return false;
    }
}
