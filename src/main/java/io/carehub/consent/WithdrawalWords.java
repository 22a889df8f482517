package io.carehub.consent;

import io.carehub.erasure.ErasureProperties;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * R33/R49: recognizes a typed withdrawal („Widerruf“, „Daten löschen“) or opt-out („Stopp“). Only a message that is
 * exactly one of the configured phrases counts (case, spaces and punctuation ignored): a sentence that merely
 * mentions one is a question, not a request to erase.
 */
@Component
class WithdrawalWords {

    private final Set<String> withdrawal;
    private final Set<String> optOut;

    WithdrawalWords(ErasureProperties properties) {
        this.withdrawal = normalized(properties.withdrawalWords());
        this.optOut = normalized(properties.optOutWords());
    }

    /** The erasure reason the text asks for, if any. */
    Optional<String> reasonOf(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        String phrase = normalize(text);
        if (withdrawal.contains(phrase)) {
            return Optional.of(ErasureRequests.WITHDRAWN_IN_CHAT);
        }
        return optOut.contains(phrase) ? Optional.of(ErasureRequests.OPT_OUT) : Optional.empty();
    }

    private static Set<String> normalized(List<String> phrases) {
        return phrases.stream().map(WithdrawalWords::normalize).collect(Collectors.toUnmodifiableSet());
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Punct}„“”‚‘’«»]", " ")
                .trim()
                .replaceAll("\\s+", " ");
    }
}
