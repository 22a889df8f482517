package io.carehub.privacy;

import java.util.List;

/**
 * One kind of personal data found in a scanned message. A scanner moves forward through the text and
 * looks at most a bounded distance around a position, so a message is scanned in linear time; it adds
 * candidates (possibly overlapping) that {@link PiiDetector} resolves.
 */
interface Scanner {

    void scan(TextScan s, List<Detection> out);
}
