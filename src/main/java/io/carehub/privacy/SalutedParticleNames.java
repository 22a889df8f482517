package io.carehub.privacy;

import io.carehub.privacy.TextScan.Token;
import java.util.List;

/**
 * "Sehr geehrte Frau von der Heide", "Nachname: von der Heydt", "Herrn van den Berg": after a salutation or a
 * surname label the particles belong to the surname (PERSON), without a first name before them. The particles are
 * lower case and the surname after them capitalized; "Frau von nebenan" and "Herr vom Amt" stay no names.
 */
final class SalutedParticleNames implements Scanner {

    private static final WordSet SALUTATIONS = WordSet.of("herr", "herrn", "frau", "mr", "mrs", "ms", "miss");
    /** Academic titles between the salutation and the name: "Frau Dr. von der Heide". */
    private static final WordSet ACADEMIC = WordSet.of("dr", "prof", "med", "dipl", "ing");

    /** The first letters of the salutations and of the labels and "last": a char test before the Set probes. */
    private static final String SALUTATION_FIRST = "hfm";

    private static final String LABEL_FIRST = "nfslz";

    private static final WordSet LABELS = WordSet.of("nachname", "familienname", "surname", "lastname", "zuname");
    /** First particles; "der", "den", "la" only after one of them ("von der", "van den", "de la"). */
    private static final WordSet PARTICLES = WordSet.of(
            "von", "vom", "zu", "zum", "zur", "van", "de", "di", "da", "del", "della", "dos", "du", "ten", "ter");

    private static final WordSet FOLLOWING = WordSet.of("der", "den", "dem", "de", "la", "le", "und", "zu", "het");
    private static final double SCORE = 0.85;

    private final Lexicons lex;

    SalutedParticleNames(Lexicons lex) {
        this.lex = lex;
    }

    @Override
    public void scan(TextScan s, List<Detection> out) {
        List<Token> t = s.tokens;
        for (int i = 0; i + 2 < t.size(); i++) {
            Token cue = t.get(i);
            if (!cue.isWord()) continue;
            String w = cue.folded();
            char c0 = w.isEmpty() ? ' ' : w.charAt(0);
            if (SALUTATION_FIRST.indexOf(c0) < 0 && LABEL_FIRST.indexOf(c0) < 0) continue;
            int k;
            if (cue.capitalized() && SALUTATIONS.contains(w)) {
                k = i + 1;
                while (k < t.size() && k - i <= 2 && t.get(k).isWord() && ACADEMIC.has(t.get(k))) k++;
            } else if (LABELS.contains(w)
                    || w.equals("last")
                            && i + 1 < t.size()
                            && t.get(i + 1).folded().equals("name")) {
                k = w.equals("last") ? i + 2 : i + 1;
            } else {
                continue;
            }
            if (k >= t.size() || !PARTICLES.contains(t.get(k).text())) continue;
            if (t.get(k).start() - t.get(k - 1).end() > 3) continue;
            int start = k;
            k++;
            while (k < t.size()
                    && k - start < 3
                    && FOLLOWING.contains(t.get(k).text())
                    && NameSpan.joined(s, t.get(k - 1), t.get(k))) k++;
            if (k >= t.size()) continue;
            Token surname = t.get(k);
            if (!surname.isWord()
                    || !surname.capitalized()
                    || surname.length() < 2
                    || !NameSpan.joined(s, t.get(k - 1), surname)
                    || TextScan.unchangedByUpperCase(surname.text()) // "Frau von AOK": an organisation
                    || StreetLexicon.isStreetToken(surname.folded())
                    || NameSpan.partOfAddress(s, surname)
                    || lex.isStopWord(surname)
                    || lex.isCommon(surname) && !lex.isName(surname) // "Herr vom Amt"
                    || lex.isCity(surname) && !lex.isName(surname)) continue;
            out.add(new Detection(EntityType.PERSON, t.get(start).start(), surname.end(), SCORE));
            i = k;
        }
    }
}
