package io.carehub.privacy;

import io.carehub.privacy.PseudonymVault.Pseudonym;
import java.util.List;

/**
 * R24: replaces each personal value with a token {@code <TYPE_n>}, stable within one session (the
 * same phone or person written differently gets the same token) and unrelated across sessions.
 */
public class Pseudonymizer {

    private final PiiDetector detector;
    private final PseudonymVault vault;

    public Pseudonymizer(PiiDetector detector, PseudonymVault vault) {
        this.detector = detector;
        this.vault = vault;
    }

    public String pseudonymize(String sessionId, String text, KnownValues known) {
        if (text == null || text.isEmpty()) return text;
        List<Detection> found = detector.detections(text, known);
        if (found.isEmpty()) return text;
        List<Pseudonym> session = vault.entries(sessionId);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Detection d : found) {
            String value = text.substring(d.start(), d.end());
            String canonical = d.canonical() != null ? d.canonical() : Canonical.of(d.type(), value, detector.region());
            Pseudonym p = session.stream()
                    .filter(e -> e.type() == d.type() && Canonical.sameValue(d.type(), e.canonical(), canonical))
                    .findFirst()
                    .orElse(null);
            if (p == null) {
                p = vault.assign(sessionId, d.type(), value, canonical);
                session.add(p);
            }
            out.append(text, last, d.start()).append(p.token());
            last = d.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
