package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A scanner that throws never lets text through in clear nor reaches the caller: the whole text counts as personal
 * on every path (analyze, the stripper before OpenAI and the anonymized export, the pseudonymizer before the bots).
 */
@ExtendWith(OutputCaptureExtension.class)
class DetectorFailsClosedTest {

    private static final String TEXT = "ich bin Anna Vogel, geb. 1990-1-99999999999";

    private final PiiDetector failing = new PiiDetector(List.of(), "DE", (scan, out) -> {
        throw new NumberFormatException("For input string: \"99999999999\"");
    });

    @Test
    void detectReportsTheWholeTextAsOneUnscannedEntity() {
        assertThat(failing.detect(TEXT)).containsExactly(new Entity(EntityType.UNSCANNED, 0, TEXT.length(), 1.0));
    }

    @Test
    void theStripperRemovesTheWholeText() {
        assertThat(new Stripper(failing, "[REDACTED]").strip(TEXT, KnownValues.none()))
                .isEqualTo("[REDACTED]");
    }

    @Test
    void thePseudonymizerTokenizesTheWholeTextAndTheBotsAnswerIsReIdentified() {
        PseudonymVault vault = new PseudonymVault(
                TestDatabase.jdbc(),
                VaultKey.fromBase64(VaultKey.randomBase64()),
                new MutableClock(Instant.parse("2026-11-25T10:00:00Z")),
                Duration.ofHours(24));
        String session = "dialog-fails-closed-" + System.nanoTime();

        String out = new Pseudonymizer(failing, vault).pseudonymize(session, TEXT, KnownValues.none());

        assertThat(out).isEqualTo("<UNSCANNED_1>");
        assertThat(new ReIdentifier(vault).reidentify(session, "Sie schrieben: <UNSCANNED_1>"))
                .isEqualTo("Sie schrieben: " + TEXT);
    }

    @Test
    void theFailureIsLoggedWithoutTheText(CapturedOutput output) {
        failing.detect(TEXT);

        assertThat(output.getAll())
                .contains("personal data detection failed (NumberFormatException)")
                .doesNotContain("99999999999")
                .doesNotContain("Vogel");
    }
}
