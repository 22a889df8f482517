package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.privacy.LabelledCorpus.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The floors the detector must keep on every labelled set (docs/privacy-evaluation.md: method, and how to
 * print the current figures). An entity counts as found only when spans of its own type cover at least
 * 90 % of its characters; character recall counts a character as masked whatever type covers it, because
 * for the bot platform (R24, R25) any masking hides it. One assertion per test, so a set that falls below
 * one floor shows which promise broke and keeps the others checked.
 */
class DetectionQualityTest {

    private static final Map<String, PrivacyEvaluation.Result> RESULTS = new ConcurrentHashMap<>();

    /** Values with a fixed grammar or a check digit: nothing excuses missing one. */
    private static final List<EntityType> WELL_FORMED_TYPES =
            List.of(EntityType.PHONE, EntityType.EMAIL, EntityType.IBAN, EntityType.CARD);

    /** Detection is deterministic: each set is evaluated once per run. */
    private static PrivacyEvaluation.Result evaluated(String jsonl) {
        return RESULTS.computeIfAbsent(
                jsonl,
                resource -> PrivacyEvaluation.evaluate(
                        new PiiDetector(PrivacyEvaluation.COMPANY_NUMBERS, "DE"), LabelledCorpus.load(resource)));
    }

    private static void assertEntityRecall(PrivacyEvaluation.Result r, double floor) {
        assertThat(r.entityRecall())
                .as("entity recall (>= 90 %% of characters covered by the same type), misses: %s", r.misses())
                .isGreaterThanOrEqualTo(floor);
    }

    /**
     * The looser guard: every entity at least touched by a span of its type. It stays while the detector is below
     * the strict floors (those tests are disabled, with the measured value), so a regression still shows.
     */
    private static void assertOverlapRecall(PrivacyEvaluation.Result r, double floor) {
        assertThat(r.overlapRecall())
                .as("entities touched by a span of their type, misses: %s", r.misses())
                .isGreaterThanOrEqualTo(floor);
    }

    private static void assertTypeRecall(PrivacyEvaluation.Result r, List<EntityType> types, double floor) {
        for (EntityType type : types) {
            assertThat(r.perType().get(type).recall())
                    .as("recall of %s, misses: %s", type, r.misses())
                    .isGreaterThanOrEqualTo(floor);
        }
    }

    private static void assertCharRecall(PrivacyEvaluation.Result r, double floor) {
        assertThat(r.charRecall())
                .as("character recall, misses: %s", r.misses())
                .isGreaterThanOrEqualTo(floor);
    }

    private static void assertCharPrecision(PrivacyEvaluation.Result r, double floor) {
        assertThat(r.charPrecision())
                .as("character precision, false alarms: %s", r.falseAlarms())
                .isGreaterThanOrEqualTo(floor);
    }

    @Nested
    class DevelopmentCorpus {

        private final PrivacyEvaluation.Result r = evaluated(LabelledCorpus.JSONL);

        @Test
        void holdsEnoughMessagesAndLookAlikesWithoutPersonalData() {
            assertThat(r.messages()).isGreaterThanOrEqualTo(400);
            assertThat((double) r.withoutPii() / r.messages()).isGreaterThanOrEqualTo(0.20);
        }

        // The target is every entity (1.0). Under the 90 % rule today's detector reaches 0.991: four names and
        // addresses are masked only in part. These floors hold today's level so a regression fails; issue #17
        // (detector recall) raises them to the target.
        @Test
        void keepsTodaysEntityRecall() {
            assertEntityRecall(r, 0.99);
        }

        @Test
        void findsEveryEntityOfEveryTypeButPartlyMaskedNamesAndAddresses() {
            assertTypeRecall(
                    r,
                    java.util.Arrays.stream(EntityType.values())
                            .filter(t -> t != EntityType.PERSON && t != EntityType.ADDRESS)
                            .toList(),
                    1.0);
            assertTypeRecall(r, List.of(EntityType.PERSON), 0.99); // today 0.994 (154 of 155)
            assertTypeRecall(r, List.of(EntityType.ADDRESS), 0.96); // today 0.964 (54 of 56)
        }

        @Test
        void touchesEveryEntity() {
            assertOverlapRecall(r, 1.0);
        }

        @Test
        void masksTheLabelledCharacters() {
            assertCharRecall(r, 0.99);
        }

        // 0.989: names written "Vogel, Anna" are masked as one span, comma included
        @Test
        void masksLittleElse() {
            assertCharPrecision(r, 0.989);
        }
    }

    @Nested
    class SetA {

        private final PrivacyEvaluation.Result r = evaluated(LabelledCorpus.HOLDOUT_JSONL);

        // target 1.0; today 0.977 under the 90 % rule (one name masked only in part)
        @Test
        void keepsTodaysEntityRecall() {
            assertEntityRecall(r, 0.97);
        }

        @Test
        void touchesEveryEntity() {
            assertOverlapRecall(r, 1.0);
        }

        @Test
        void masksTheLabelledCharacters() {
            assertCharRecall(r, 0.99);
        }

        @Test
        void masksLittleElse() {
            assertCharPrecision(r, 0.96);
        }
    }

    @Nested
    class SetB {

        private final PrivacyEvaluation.Result r = evaluated(LabelledCorpus.HOLDOUT_B_JSONL);

        // target 0.97; today 0.976 under the 90 % rule (1 partly masked, 4 missed)
        @Test
        void keepsTodaysEntityRecall() {
            assertEntityRecall(r, 0.97);
        }

        @Test
        void keepsTheShareOfEntitiesTouched() {
            assertOverlapRecall(r, 0.98);
        }

        @Test
        void findsEveryPhoneEmailIbanAndCard() {
            assertTypeRecall(r, WELL_FORMED_TYPES, 1.0);
        }

        @Test
        void masksTheLabelledCharacters() {
            assertCharRecall(r, 0.98);
        }

        @Test
        void masksLittleElse() {
            assertCharPrecision(r, 0.99);
        }
    }

    @Nested
    class SetC {

        private final PrivacyEvaluation.Result r = evaluated(LabelledCorpus.HOLDOUT_C_JSONL);

        // target 0.99; today 0.988 under the 90 % rule (2 partly masked, 1 missed)
        @Test
        void keepsTodaysEntityRecall() {
            assertEntityRecall(r, 0.98);
        }

        @Test
        void keepsTheShareOfEntitiesTouched() {
            assertOverlapRecall(r, 0.99);
        }

        @Test
        void findsEveryPhoneEmailIbanAndCard() {
            assertTypeRecall(r, WELL_FORMED_TYPES, 1.0);
        }

        @Test
        void masksTheLabelledCharacters() {
            assertCharRecall(r, 0.99);
        }

        @Test
        void masksLittleElse() {
            assertCharPrecision(r, 0.99);
        }
    }

    @Nested
    class DevelopmentSetD1 {

        private final PrivacyEvaluation.Result r = evaluated(LabelledCorpus.DEV_D1_JSONL);

        // target 0.97; first seen 0.912, today every entity under the 90 % rule
        @Test
        void keepsTodaysEntityRecall() {
            assertEntityRecall(r, 1.0);
        }

        @Test
        void keepsTodaysRecallOfEveryType() {
            assertTypeRecall(
                    r,
                    List.of(
                            EntityType.PERSON,
                            EntityType.ADDRESS,
                            EntityType.CUSTOMER_ID,
                            EntityType.DATE_OF_BIRTH,
                            EntityType.ID_DOCUMENT,
                            EntityType.OTHER_ID,
                            EntityType.IP),
                    1.0);
        }

        @Test
        void findsEveryPhoneEmailIbanAndCard() {
            assertTypeRecall(r, WELL_FORMED_TYPES, 1.0);
        }

        @Test
        void masksTheLabelledCharacters() {
            assertCharRecall(r, 1.0);
        }

        @Test
        void masksLittleElse() {
            assertCharPrecision(r, 0.99);
        }
    }

    @Nested
    class DevelopmentSetD2 {

        private final PrivacyEvaluation.Result r = evaluated(LabelledCorpus.DEV_D2_JSONL);

        // target 0.97; first seen 0.924, today every entity under the 90 % rule; 69 % of its messages are look-alikes
        @Test
        void keepsTodaysEntityRecall() {
            assertEntityRecall(r, 1.0);
        }

        @Test
        void keepsTodaysRecallOfEveryType() {
            assertTypeRecall(
                    r,
                    List.of(
                            EntityType.PERSON,
                            EntityType.ADDRESS,
                            EntityType.CUSTOMER_ID,
                            EntityType.DATE_OF_BIRTH,
                            EntityType.ID_DOCUMENT,
                            EntityType.OTHER_ID,
                            EntityType.IP),
                    1.0);
        }

        @Test
        void findsEveryPhoneEmailIbanAndCard() {
            assertTypeRecall(r, WELL_FORMED_TYPES, 1.0);
        }

        @Test
        void masksTheLabelledCharacters() {
            assertCharRecall(r, 1.0);
        }

        // the hard negatives cost precision (shops' addresses, the company's e-mail): the floor is 0.90
        @Test
        void masksLittleElse() {
            assertCharPrecision(r, 0.93);
        }
    }

    /** The evaluation reads the JSONL; the labels are edited in the markup. Both must say the same. */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        LabelledCorpus.MARKUP + "," + LabelledCorpus.JSONL,
        LabelledCorpus.HOLDOUT_MARKUP + "," + LabelledCorpus.HOLDOUT_JSONL,
        LabelledCorpus.HOLDOUT_B_MARKUP + "," + LabelledCorpus.HOLDOUT_B_JSONL,
        LabelledCorpus.HOLDOUT_C_MARKUP + "," + LabelledCorpus.HOLDOUT_C_JSONL,
        LabelledCorpus.DEV_D1_MARKUP + "," + LabelledCorpus.DEV_D1_JSONL,
        LabelledCorpus.DEV_D2_MARKUP + "," + LabelledCorpus.DEV_D2_JSONL
    })
    void markupAndJsonlCarryTheSameLabels(String markup, String jsonl) {
        List<Message> fromMarkup = LabelledCorpus.loadMarkup(markup).messages();
        List<Message> fromJsonl = LabelledCorpus.load(jsonl).messages();

        assertThat(fromJsonl).as("messages in %s", jsonl).hasSameSizeAs(fromMarkup);
        for (int i = 0; i < fromMarkup.size(); i++) {
            assertThat(fromJsonl.get(i))
                    .as("%s message %d against %s (regenerate with LabelledCorpus)", jsonl, i + 1, markup)
                    .isEqualTo(fromMarkup.get(i));
        }
    }
}
