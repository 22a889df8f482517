package io.carehub.privacy;

import static io.carehub.privacy.NameSpan.GREETINGS;
import static io.carehub.privacy.NameSpan.PARTICLES;
import static io.carehub.privacy.NameSpan.TITLES;
import static io.carehub.privacy.NameSpan.joined;
import static io.carehub.privacy.NameSpan.partOfAddress;

import io.carehub.privacy.TextScan.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Completes the names found: a found name is rarely all of the name. After the resolved findings, a
 * PERSON span takes in the words next to it that continue the name — a capitalized word after it
 * ("Sepp" → "Sepp Huber"), particles before a capitalized word ("von der Heyde"), a lower-case name
 * after a lower-case one ("stefan brückner"), and a first name of any origin or an initial before it
 * ("M. Krüger"). Leaking the surname is as bad as leaking the whole name.
 */
final class NameGrowth {

    private static final int MAX_TOKENS = 5;

    /** Vietnamese, Chinese and Korean family names of two letters, written first: "Le Thanh Huong", "Vu Duc Thanh". */
    private static final WordSet SHORT_FAMILY_NAMES = WordSet.of(
            "le", "vu", "do", "ho", "ly", "ha", "ma", "wu", "xu", "li", "yu", "hu", "lu", "he", "ng", "oh", "ko", "jo");

    private final Lexicons lex;

    NameGrowth(Lexicons lex) {
        this.lex = lex;
    }

    /** {@code found} ordered by start and non-overlapping; returns the same with PERSON spans grown. */
    List<Detection> grow(TextScan s, List<Detection> found) {
        return grow(s, found, false);
    }

    /**
     * The person model's names grow too, but only by a word the lexicons know as a name: "Benigno Ferreiro", "Nerea
     * Uriarte", "Nakamura Ren". A model name has no trigger word before it, so a capitalized noun next to it
     * ("Großeltern Erich", "Klinikum Mitte") or a lower-case word after a lower-case name ("chantal schreibt") stays out.
     */
    List<Detection> growByNames(TextScan s, List<Detection> found) {
        return grow(s, found, true);
    }

    private List<Detection> grow(TextScan s, List<Detection> found, boolean namesOnly) {
        List<Detection> result = null;
        for (int d = 0; d < found.size(); d++) {
            Detection p = found.get(d);
            if (p.type() != EntityType.PERSON) continue;
            int limitStart = d > 0 ? found.get(d - 1).end() : 0;
            int limitEnd = d + 1 < found.size() ? found.get(d + 1).start() : s.length();
            List<Token> t = s.tokens;
            int first = s.tokenAtOrAfter(p.start());
            int last = s.tokenAtOrAfter(p.end()) - 1;
            if (first > last || first >= t.size()) continue;
            int newLast = right(s, first, last, limitEnd, namesOnly);
            int newFirst = left(s, first, limitStart, namesOnly);
            if (newFirst == first && newLast == last) continue;
            if (result == null) result = new ArrayList<>(found);
            result.set(
                    d,
                    new Detection(
                            EntityType.PERSON,
                            Math.min(p.start(), t.get(newFirst).start()),
                            Math.max(p.end(), t.get(newLast).end()),
                            p.score(),
                            p.canonical()));
        }
        return result == null ? found : result;
    }

    /** The model's names too take in an initial right before them ("K. Whitfield"). */
    List<Detection> initials(TextScan s, List<Detection> found) {
        List<Detection> result = null;
        for (int d = 0; d < found.size(); d++) {
            Detection p = found.get(d);
            if (p.type() != EntityType.PERSON) continue;
            int first = s.tokenAtOrAfter(p.start());
            if (first < 1 || first >= s.tokens.size()) continue;
            Token b = s.tokens.get(first - 1);
            if (b.length() != 1
                    || !b.capitalized()
                    || s.at(b.end()) != '.'
                    || !joined(s, b, s.tokens.get(first))
                    || d > 0 && found.get(d - 1).end() > b.start()) continue;
            if (result == null) result = new ArrayList<>(found);
            result.set(d, new Detection(EntityType.PERSON, b.start(), p.end(), p.score(), p.canonical()));
        }
        return result == null ? found : result;
    }

    private int right(TextScan s, int first, int last, int limitEnd, boolean namesOnly) {
        List<Token> t = s.tokens;
        boolean lower = !t.get(first).capitalized();
        int j = last;
        while (j + 1 < t.size() && j + 1 - first < MAX_TOKENS) {
            int k = j + 1;
            while (k < t.size() && k - j <= 2 && t.get(k).isWord() && PARTICLES.has(t.get(k))) k++;
            if (k >= t.size() || t.get(k).end() > limitEnd) break;
            Token n = t.get(k);
            if (!n.isWord() || !joined(s, t.get(k - 1), n) || !joined(s, t.get(j), t.get(j + 1))) break;
            if (k > j + 1 && !n.capitalized()) break; // a particle needs a capitalized name after it
            String f = n.folded();
            // a surname that is also a word counts next to a first name: "Kevin Sauer", "Brigitte Lange"
            boolean surnameWord = n.capitalized() && k == j + 1 && lex.isOrdinary(n) && lex.isAnyFirstName(t.get(j));
            if (lex.isCommon(n) && !surnameWord || TITLES.has(n) || f.length() < 2 || partOfAddress(s, n)) break;
            if (StreetLexicon.isStreetToken(n) || lex.isCity(n)) break;
            boolean lexiconName = lex.isName(n) || lex.isContextName(f, true) || lex.hasSurnameShape(n);
            boolean continues = namesOnly
                    ? n.capitalized() && lexiconName && !lex.isOrdinary(f)
                    : n.capitalized() ? !lower || lexiconName : lower && lowerSurname(s, t.get(first), n);
            if (!continues) break;
            j = k;
        }
        return j;
    }

    /**
     * "stefan brückner", "ahmed al-rashid": after a lower-case first name, a lower-case word that is no
     * everyday word continues the name — the writer does not capitalize at all.
     */
    private boolean lowerSurname(TextScan s, Token firstName, Token n) {
        String f = n.folded();
        if (lex.isName(f) && !lex.isOrdinary(f) || lex.isWorldName(f) || lex.hasSurnameShape(f)) return true;
        return lex.isAnyFirstName(firstName) && f.length() >= 4 && !lex.isOrdinary(f) && Dates.month(f) == 0
                || f.startsWith("al-")
                || f.startsWith("el-");
    }

    private int left(TextScan s, int first, int limitStart, boolean namesOnly) {
        List<Token> t = s.tokens;
        int j = first;
        while (j > 0 && first - j < 2) {
            Token b = t.get(j - 1);
            if (!b.isWord() || b.start() < limitStart || !joined(s, b, t.get(j))) break;
            String f = b.folded();
            boolean initial = b.length() == 1 && b.capitalized() && s.at(b.end()) == '.'
                    || b.capitalized()
                            && SHORT_FAMILY_NAMES.contains(f)
                            && t.get(first).capitalized();
            // a first name of any origin, or a capitalized word that is no everyday word and starts a phrase
            boolean startsPhrase =
                    j - 1 == 0 || !t.get(j - 2).isWord() || !t.get(j - 2).capitalized();
            if (!initial
                    && (!b.capitalized()
                            || lex.isCommon(b)
                            || TITLES.has(b)
                            || GREETINGS.has(b)
                            || Dates.month(b) != 0 && s.at(b.end()) == '.' // "end of June. BROWN, Jessica"
                            || NameTriggers.announcesName(f)
                            || StreetLexicon.isStreetToken(b)
                            || !(lex.isAnyFirstName(f)
                                    || !namesOnly
                                            && startsPhrase
                                            && t.get(first).capitalized()))) break;
            j--;
        }
        return j;
    }
}
