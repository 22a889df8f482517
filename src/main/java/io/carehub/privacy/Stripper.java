package io.carehub.privacy;

import java.util.List;

/**
 * R25: removes every detected and every known personal value entirely before text goes to a
 * general-purpose LLM. The placeholder carries no type index, so nothing can be linked.
 */
public class Stripper {

    private final PiiDetector detector;
    private final String placeholder;

    public Stripper(PiiDetector detector, String placeholder) {
        this.detector = detector;
        this.placeholder = placeholder;
    }

    public String strip(String text, KnownValues known) {
        if (text == null || text.isEmpty()) return text;
        List<Detection> found = detector.detections(text, known);
        if (found.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (Detection d : found) {
            out.append(text, last, d.start()).append(placeholder);
            last = d.end();
        }
        return out.append(text, last, text.length()).toString();
    }
}
