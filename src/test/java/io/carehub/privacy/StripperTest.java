package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** R25: before OpenAI, personal data is removed, not tokenized. */
class StripperTest {

    private final Stripper stripper = new Stripper(new PiiDetector(List.of("0800 330 1000"), "DE"), "[REDACTED]");

    @Test
    void removesDetectedValuesWithAPlaceholderWithoutIndex() {
        assertThat(stripper.strip(
                        "ich bin Anna Vogel, 0171 2345678, iban DE89 3704 0044 0532 0130 00", KnownValues.none()))
                .isEqualTo("ich bin [REDACTED], [REDACTED], iban [REDACTED]");
    }

    @Test
    void removesKnownValuesTheDetectorWouldNotFindAlone() {
        KnownValues known =
                KnownValues.none().with(EntityType.PERSON, "Anna Vogel").with(EntityType.CUSTOMER_ID, "4711");
        assertThat(stripper.strip("gruss an frau vogl und ANNA", known))
                .isEqualTo("gruss an frau [REDACTED] und [REDACTED]");
    }

    @Test
    void keepsTextWithoutPersonalDataAndHandlesNull() {
        assertThat(stripper.strip("tarif 39,95 €, hotline 0800 330 1000", KnownValues.none()))
                .isEqualTo("tarif 39,95 €, hotline 0800 330 1000");
        assertThat(stripper.strip(null, KnownValues.none())).isNull();
    }
}
