package io.carehub.privacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R16/R51: IBANs and ID-document numbers in chat texts, as {@link PiiDetector} finds them: which kinds a text holds
 * (the message's flag), and the text with them masked for the history. Masking fails closed: a flagged text in which
 * they are no longer found, or whose detection failed, is masked whole.
 */
@Component
public class SensitiveData {

    /** The kinds flagged and masked. */
    static final Set<EntityType> KINDS = EnumSet.of(EntityType.IBAN, EntityType.ID_DOCUMENT);

    private static final String WHOLE = "****";

    private final PiiDetector detector;

    SensitiveData(PiiDetector detector) {
        this.detector = detector;
    }

    /** The kinds of sensitive data in {@code text} (IBAN, ID_DOCUMENT), in order of first appearance, each once. */
    public List<String> kinds(String text) {
        List<String> kinds = new ArrayList<>();
        for (Entity entity : detector.detect(text)) {
            if (KINDS.contains(entity.type()) && !kinds.contains(entity.type().name())) {
                kinds.add(entity.type().name());
            }
        }
        return kinds;
    }

    /**
     * R51: {@code text} with every IBAN shown as its country, check digits and last four characters
     * ({@code DE89 **** **** 3000}) and every ID-document number as its last two ({@code *******M1}).
     */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int at = 0;
        boolean found = false;
        for (Entity entity : detector.detect(text)) {
            if (entity.type() == EntityType.UNSCANNED) {
                return WHOLE;
            }
            if (!KINDS.contains(entity.type())) {
                continue;
            }
            found = true;
            masked.append(text, at, entity.start());
            String value = text.substring(entity.start(), entity.end()).replaceAll("[\\s-]", "");
            masked.append(
                    entity.type() == EntityType.IBAN
                            ? value.substring(0, 4) + " **** **** " + value.substring(value.length() - 4)
                            : "*".repeat(Math.max(0, value.length() - 2)) + value.substring(value.length() - 2));
            at = entity.end();
        }
        return found ? masked.append(text, at, text.length()).toString() : WHOLE;
    }
}
