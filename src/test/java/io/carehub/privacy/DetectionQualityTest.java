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

    /** Every type's recall at least {@code floor}; types the set does not label count as 1.0. */
    private static void assertEveryTypeRecall(PrivacyEvaluation.Result r, double floor) {
        assertTypeRecall(
                r,
                java.util.Arrays.stream(EntityType.values())
                        .filter(t -> t != EntityType.UNSCANNED)
                        .toList(),
                floor);
    }

    /**
     * One set's guards, each at the level the detector holds today (rounded down), so any regression fails. The
     * sets are development sets: the rules were written with their misses in view (docs/privacy-evaluation.md).
     */
    abstract static class Guard {

        private final PrivacyEvaluation.Result r;
        private final double entityRecall;
        private final double everyType;
        private final double charRecall;
        private final double charPrecision;

        Guard(String jsonl, double entityRecall, double everyType, double charRecall, double charPrecision) {
            this.r = evaluated(jsonl);
            this.entityRecall = entityRecall;
            this.everyType = everyType;
            this.charRecall = charRecall;
            this.charPrecision = charPrecision;
        }

        @Test
        void keepsTodaysEntityRecall() {
            assertEntityRecall(r, entityRecall);
        }

        @Test
        void keepsTodaysRecallOfEveryType() {
            assertEveryTypeRecall(r, everyType);
        }

        /**
         * Values with a fixed grammar or a check digit, and e-mail addresses: nothing excuses missing one, on any set
         * (the last misses, S1's short mobile number and T3's extension, are found since the rules for their rounds).
         * A new set first seen with such a miss joins the guards once the rule for it is written.
         */
        @Test
        void findsEveryPhoneIbanCardAndEmailAddress() {
            assertTypeRecall(r, List.of(EntityType.PHONE, EntityType.IBAN, EntityType.CARD, EntityType.EMAIL), 1.0);
        }

        @Test
        void masksTheLabelledCharacters() {
            assertCharRecall(r, charRecall);
        }

        @Test
        void masksLittleElse() {
            assertCharPrecision(r, charPrecision);
        }
    }

    // development corpus: every entity; char. precision 0.989 since names written "Vogel, Anna" are masked as one
    // span, comma included
    @Nested
    class DevelopmentCorpus extends Guard {

        DevelopmentCorpus() {
            super(LabelledCorpus.JSONL, 1.0, 1.0, 1.0, 0.991);
        }

        @Test
        void holdsEnoughMessagesAndLookAlikesWithoutPersonalData() {
            PrivacyEvaluation.Result r = evaluated(LabelledCorpus.JSONL);
            assertThat(r.messages()).isGreaterThanOrEqualTo(400);
            assertThat((double) r.withoutPii() / r.messages()).isGreaterThanOrEqualTo(0.20);
        }

        @Test
        void touchesEveryEntity() {
            assertOverlapRecall(evaluated(LabelledCorpus.JSONL), 1.0);
        }
    }

    // A: every entity since the person model (trained on all sets, A included)
    @Nested
    class SetA extends Guard {
        SetA() {
            super(LabelledCorpus.HOLDOUT_JSONL, 1.0, 1.0, 1.0, 0.969);
        }
    }

    // B: every entity since the person model (trained on all sets, B included); char. precision 0.995 since the model
    // trained on P1-P3 takes the router firmware's "fritz os" for a first name
    @Nested
    class SetB extends Guard {
        SetB() {
            super(LabelledCorpus.HOLDOUT_B_JSONL, 1.0, 1.0, 1.0, 0.996);
        }
    }

    // C: 0.996 (a two-letter first name missed)
    @Nested
    class SetC extends Guard {
        SetC() {
            super(LabelledCorpus.HOLDOUT_C_JSONL, 0.996, 0.990, 0.998, 0.998);
        }
    }

    // D1: first seen 0.912, today every entity
    @Nested
    class DevelopmentSetD1 extends Guard {
        DevelopmentSetD1() {
            super(LabelledCorpus.DEV_D1_JSONL, 1.0, 1.0, 1.0, 0.992);
        }
    }

    // D2: first seen 0.924, today every entity; 69 % look-alikes cost precision (floor 0.90)
    @Nested
    class DevelopmentSetD2 extends Guard {
        DevelopmentSetD2() {
            super(LabelledCorpus.DEV_D2_JSONL, 1.0, 1.0, 1.0, 0.935);
        }
    }

    // H1: first seen 0.923, today every entity
    @Nested
    class DevelopmentSetH1 extends Guard {
        DevelopmentSetH1() {
            super(LabelledCorpus.H1_JSONL, 1.0, 1.0, 1.0, 0.991);
        }
    }

    // H2: first seen 0.943, today every entity; company names with surnames cost precision (floor 0.90)
    @Nested
    class DevelopmentSetH2 extends Guard {
        DevelopmentSetH2() {
            super(LabelledCorpus.H2_JSONL, 1.0, 1.0, 1.0, 0.976);
        }
    }

    // H3: first seen 0.890, today every entity; char. precision 0.977 since "the 1st of December 1998" is masked with
    // its article (K3's author labels it, H3's does not)
    @Nested
    class DevelopmentSetH3 extends Guard {
        DevelopmentSetH3() {
            super(LabelledCorpus.H3_JSONL, 1.0, 1.0, 1.0, 0.985);
        }
    }

    // J1: first seen 0.934; 0.952 with the person model cross-validated; 0.993 with the model trained on it and the
    // keyword rules written after its misses (foreign tax ids, documents, addresses after an address word); 0.996
    // with East Asian dates of birth ("2000年7月15日")
    @Nested
    class DevelopmentSetJ1 extends Guard {
        DevelopmentSetJ1() {
            super(LabelledCorpus.J1_JSONL, 1.0, 1.0, 0.999, 0.992);
        }
    }

    // J2: first seen 0.962; 0.981 with the person model cross-validated; 0.998 with the model trained on it and the
    // keyword rules
    @Nested
    class DevelopmentSetJ2 extends Guard {
        DevelopmentSetJ2() {
            super(LabelledCorpus.J2_JSONL, 1.0, 1.0, 0.998, 0.980);
        }
    }

    // J3: first seen 0.956; 0.976 with the person model cross-validated; 0.993 with the model trained on it and the
    // keyword rules; 0.997 with K's rule for contract numbers with letter groups
    @Nested
    class DevelopmentSetJ3 extends Guard {
        DevelopmentSetJ3() {
            super(LabelledCorpus.J3_JSONL, 1.0, 1.0, 0.999, 0.990);
        }
    }

    // K1: first seen 0.968 (the first round scored with the person model); 0.991 with numbers dictated in words and
    // the person model trained on it; 0.994 with dates of birth dictated in words
    @Nested
    class DevelopmentSetK1 extends Guard {
        DevelopmentSetK1() {
            super(LabelledCorpus.K1_JSONL, 1.0, 1.0, 0.999, 0.985);
        }
    }

    // K2: first seen 0.979, 0.995 with the rules written after its misses; numbers with non-personal references next
    // to them cost precision (floor 0.90)
    @Nested
    class DevelopmentSetK2 extends Guard {
        DevelopmentSetK2() {
            super(LabelledCorpus.K2_JSONL, 1.0, 1.0, 1.0, 0.977);
        }
    }

    // K3: first seen 0.912 (English-style addresses, foreign numbers and documents, a phone number taken for a card);
    // 0.966 with the rules written after its misses and the person model trained on it; 0.976 with dates of birth in
    // words, spaced ("4. 2. 1981") and in other languages
    @Nested
    class DevelopmentSetK3 extends Guard {
        DevelopmentSetK3() {
            super(LabelledCorpus.K3_JSONL, 1.0, 1.0, 1.0, 0.989);
        }
    }

    // L1: first seen 0.981 (mobile customers; an ID-card number, a birth date, a customer number and two names missed);
    // 0.985 with the person model trained on it
    @Nested
    class DevelopmentSetL1 extends Guard {
        DevelopmentSetL1() {
            super(LabelledCorpus.L1_JSONL, 1.0, 1.0, 1.0, 0.971);
        }
    }

    // L2: first seen 0.983, character precision 0.830 (organisation names containing surnames masked as persons,
    // PERSON precision 0.709); 0.944 since the words of organisations' names are no names (OrganisationNames); entity
    // recall 0.986 with the person model trained on it
    @Nested
    class DevelopmentSetL2 extends Guard {
        DevelopmentSetL2() {
            super(LabelledCorpus.L2_JSONL, 1.0, 1.0, 0.999, 0.949);
        }
    }

    // L3: first seen 0.959 (EMAIL 0.750: addresses spelled out in words), 0.966 with the person model trained on
    // it; every e-mail address since SpelledEmailScanner
    @Nested
    class DevelopmentSetL3 extends Guard {
        DevelopmentSetL3() {
            super(LabelledCorpus.L3_JSONL, 1.0, 1.0, 0.998, 0.995);
        }
    }

    // M1-M3: first seen 0.976 / 0.985 / 0.983 (0.981 together) with the detector after the K and L rounds' rules;
    // then rules for their misses (names in brackets, Austrian and Swiss postcodes, mistyped providers) and the
    // person model trained on them
    @Nested
    class DevelopmentSetM1 extends Guard {
        DevelopmentSetM1() {
            super(LabelledCorpus.M1_JSONL, 1.0, 1.0, 0.999, 0.989);
        }
    }

    @Nested
    class DevelopmentSetM2 extends Guard {
        DevelopmentSetM2() {
            super(LabelledCorpus.M2_JSONL, 1.0, 1.0, 0.999, 0.954);
        }
    }

    @Nested
    class DevelopmentSetM3 extends Guard {
        DevelopmentSetM3() {
            super(LabelledCorpus.M3_JSONL, 0.997, 0.978, 0.997, 0.969);
        }
    }

    // N1-N3: first seen 0.990 / 0.922 / 0.974 (0.965 together: rural addresses without a street word, N2); then
    // rules for their misses and the person model trained on them
    @Nested
    class DevelopmentSetN1 extends Guard {
        DevelopmentSetN1() {
            super(LabelledCorpus.N1_JSONL, 1.0, 1.0, 0.999, 0.993);
        }
    }

    @Nested
    class DevelopmentSetN2 extends Guard {
        DevelopmentSetN2() {
            super(LabelledCorpus.N2_JSONL, 0.996, 0.961, 0.999, 0.989);
        }
    }

    @Nested
    class DevelopmentSetN3 extends Guard {
        DevelopmentSetN3() {
            super(LabelledCorpus.N3_JSONL, 1.0, 1.0, 0.999, 0.981);
        }
    }

    // O1-O3: first seen 0.961 / 0.994 / 0.996 (0.983 together; IBAN 0.813: German IBANs of 24 characters whose
    // check sum holds, O1); then the mistyped-length IBAN rule and the person model trained on them
    @Nested
    class DevelopmentSetO1 extends Guard {
        DevelopmentSetO1() {
            super(LabelledCorpus.O1_JSONL, 1.0, 1.0, 0.999, 0.952);
        }
    }

    @Nested
    class DevelopmentSetO2 extends Guard {
        DevelopmentSetO2() {
            super(LabelledCorpus.O2_JSONL, 0.997, 0.978, 0.998, 0.991);
        }
    }

    @Nested
    class DevelopmentSetO3 extends Guard {
        DevelopmentSetO3() {
            super(LabelledCorpus.O3_JSONL, 1.0, 1.0, 0.999, 0.995);
        }
    }

    // P1-P3: first seen 0.953 / 0.928 / 0.956 (0.947 together: documents, personal numbers and addresses of the
    // neighbouring countries, P1; numbers, a phone and an IBAN dictated or scanned, P2; names of more origins and
    // documents named in the family's language, P3); then rules for their kinds and the person model trained on them
    @Nested
    class DevelopmentSetP1 extends Guard {
        DevelopmentSetP1() {
            super(LabelledCorpus.P1_JSONL, 1.0, 1.0, 0.999, 0.992);
        }
    }

    @Nested
    class DevelopmentSetP2 extends Guard {
        DevelopmentSetP2() {
            super(LabelledCorpus.P2_JSONL, 1.0, 1.0, 0.999, 0.986);
        }
    }

    @Nested
    class DevelopmentSetP3 extends Guard {
        DevelopmentSetP3() {
            super(LabelledCorpus.P3_JSONL, 1.0, 1.0, 0.999, 0.984);
        }
    }

    // Q1-Q3: first seen 0.955 / 0.994 / 0.962 (0.977 together; OTHER_ID 0.923 the one type below 0.93) with the
    // detector after the P round's rules; then rules for two of their kinds (plates abroad, document numbers typed in
    // groups) and for addresses (a town's bracketed part, floors abroad, British postcodes, postcodes alone); the
    // person
    // model is not trained on them
    @Nested
    class DevelopmentSetQ1 extends Guard {
        DevelopmentSetQ1() {
            super(LabelledCorpus.Q1_JSONL, 0.989, 0.909, 0.998, 0.996);
        }
    }

    @Nested
    class DevelopmentSetQ2 extends Guard {
        DevelopmentSetQ2() {
            super(LabelledCorpus.Q2_JSONL, 1.0, 1.0, 0.999, 0.976);
        }
    }

    @Nested
    class DevelopmentSetQ3 extends Guard {
        DevelopmentSetQ3() {
            super(LabelledCorpus.Q3_JSONL, 1.0, 1.0, 0.999, 0.963);
        }
    }

    // R1-R3: first seen 0.989 / 0.976 / 0.992 (0.985 together; ID_DOCUMENT 0.889, PHONE 0.991: a mobile number after
    // "nummer" masked as a customer number, R1) with the detector after the Q round's rules; then rules for identity
    // documents and national numbers (and the mobile after a weak word)
    @Nested
    class DevelopmentSetR1 extends Guard {
        DevelopmentSetR1() {
            super(LabelledCorpus.R1_JSONL, 1.0, 1.0, 0.999, 0.982);
        }
    }

    @Nested
    class DevelopmentSetR2 extends Guard {
        DevelopmentSetR2() {
            super(LabelledCorpus.R2_JSONL, 0.996, 0.969, 0.997, 0.962);
        }
    }

    @Nested
    class DevelopmentSetR3 extends Guard {
        DevelopmentSetR3() {
            super(LabelledCorpus.R3_JSONL, 1.0, 1.0, 0.999, 0.983);
        }
    }

    // S1-S3: first seen 0.989 / 0.982 / 0.988 (0.987 together; every type at least 0.955 over the round, PHONE 0.992:
    // a mobile number of an unusual length after "Handy", S1) with the detector after the rules for the R round's kinds
    @Nested
    class DevelopmentSetS1 extends Guard {
        DevelopmentSetS1() {
            super(LabelledCorpus.S1_JSONL, 0.994, 0.974, 0.996, 0.982);
        }
    }

    @Nested
    class DevelopmentSetS2 extends Guard {
        DevelopmentSetS2() {
            super(LabelledCorpus.S2_JSONL, 0.996, 0.944, 0.993, 0.932);
        }
    }

    @Nested
    class DevelopmentSetS3 extends Guard {
        DevelopmentSetS3() {
            super(LabelledCorpus.S3_JSONL, 0.997, 0.941, 0.998, 0.969);
        }
    }

    // T1-T3: first seen 1.000 / 0.987 / 0.991 (0.993 together; every type at least 0.980, PHONE 0.990: an extension
    // "ext. 204" left after a masked number, T3) with the detector after the rules for the S round's kinds
    @Nested
    class DevelopmentSetT1 extends Guard {
        DevelopmentSetT1() {
            super(LabelledCorpus.T1_JSONL, 1.0, 1.0, 1.0, 0.986);
        }
    }

    @Nested
    class DevelopmentSetT2 extends Guard {
        DevelopmentSetT2() {
            super(LabelledCorpus.T2_JSONL, 0.992, 0.979, 0.997, 0.980);
        }
    }

    @Nested
    class DevelopmentSetT3 extends Guard {
        DevelopmentSetT3() {
            super(LabelledCorpus.T3_JSONL, 0.995, 0.956, 0.996, 0.987);
        }
    }

    // U1-U3: first seen 0.997 / 0.954 / 0.992 (0.980 together; every type at least 0.943 over the round, PHONE, EMAIL,
    // IBAN and CARD 1.000; U2 PERSON 0.929 and OTHER_ID 0.864: names in Arabic and Cyrillic script, national numbers
    // of Iran, Sweden, Ukraine and Vietnam typed as other kinds) after the rules for the T round's kinds
    @Nested
    class DevelopmentSetU1 extends Guard {
        DevelopmentSetU1() {
            super(LabelledCorpus.U1_JSONL, 0.997, 0.983, 0.997, 0.976);
        }
    }

    @Nested
    class DevelopmentSetU2 extends Guard {
        DevelopmentSetU2() {
            super(LabelledCorpus.U2_JSONL, 0.977, 0.863, 0.987, 0.959);
        }
    }

    @Nested
    class DevelopmentSetU3 extends Guard {
        DevelopmentSetU3() {
            super(LabelledCorpus.U3_JSONL, 0.992, 0.970, 0.996, 0.972);
        }
    }

    // V1-V3: first seen 0.927 / 0.897 / 0.974 (0.932 together: Spanish DNI/NIE typed as documents, Asian and African
    // national numbers typed as other kinds, names in Greek, Devanagari, Tamil, Thai, Ethiopic and CJK script,
    // addresses
    // of Brazil, Portugal and Greece, voice-dictated addresses) after the rules for the U round's kinds; since the V
    // round's rules 0.990 / 0.985 / 0.991
    @Nested
    class DevelopmentSetV1 extends Guard {
        DevelopmentSetV1() {
            super(LabelledCorpus.V1_JSONL, 0.989, 0.971, 0.990, 0.974);
        }
    }

    @Nested
    class DevelopmentSetV2 extends Guard {
        DevelopmentSetV2() {
            super(LabelledCorpus.V2_JSONL, 0.985, 0.943, 0.990, 0.985);
        }
    }

    @Nested
    class DevelopmentSetV3 extends Guard {
        DevelopmentSetV3() {
            super(LabelledCorpus.V3_JSONL, 0.992, 0.984, 0.993, 0.985);
        }
    }

    // W1-W3: first seen 0.975 / 0.941 / 0.976 (0.965 together: national numbers of Eastern Europe, the Caucasus and
    // Central Asia typed as other kinds, Russian trunk-8 phones, a Mir card, Cyrillic, Georgian and Armenian addresses
    // and names, surnames after a first name, customer numbers in lists) after the rules for the V round's kinds; since
    // the W round's rules 0.986 / 0.995 / 0.986
    @Nested
    class DevelopmentSetW1 extends Guard {
        DevelopmentSetW1() {
            super(LabelledCorpus.W1_JSONL, 0.988, 0.970, 0.991, 0.978);
        }
    }

    @Nested
    class DevelopmentSetW2 extends Guard {
        DevelopmentSetW2() {
            super(LabelledCorpus.W2_JSONL, 0.994, 0.985, 0.998, 0.978);
        }
    }

    @Nested
    class DevelopmentSetW3 extends Guard {
        DevelopmentSetW3() {
            super(LabelledCorpus.W3_JSONL, 0.985, 0.965, 0.991, 0.961);
        }
    }

    // X1-X3: first seen 0.931 / 0.959 / 0.938 (0.942 together: names and addresses of Northern, Central and
    // Southeastern Europe, lower-case German names, documents of the Nordic and Baltic states) after the rules written
    // for their regions before the sets were; since the X round's rules 0.967 / 0.980 / 0.961
    @Nested
    class DevelopmentSetX1 extends Guard {
        DevelopmentSetX1() {
            super(LabelledCorpus.X1_JSONL, 0.972, 0.928, 0.981, 0.977);
        }
    }

    @Nested
    class DevelopmentSetX2 extends Guard {
        DevelopmentSetX2() {
            super(LabelledCorpus.X2_JSONL, 0.989, 0.944, 0.993, 0.974);
        }
    }

    @Nested
    class DevelopmentSetX3 extends Guard {
        DevelopmentSetX3() {
            super(LabelledCorpus.X3_JSONL, 0.982, 0.956, 0.988, 0.987);
        }
    }

    // Y1-Y3: first seen 0.995 / 0.943 / 0.946 (0.961 together: national numbers and documents of French-speaking
    // and English-speaking countries, their addresses, three African IBANs) after rules written for two of their
    // regions
    // before the sets were
    @Nested
    class DevelopmentSetY1 extends Guard {
        DevelopmentSetY1() {
            super(LabelledCorpus.Y1_JSONL, 0.997, 0.986, 0.999, 0.985);
        }
    }

    @Nested
    class DevelopmentSetY2 extends Guard {
        DevelopmentSetY2() {
            super(LabelledCorpus.Y2_JSONL, 0.975, 0.942, 0.979, 0.974);
        }
    }

    @Nested
    class DevelopmentSetY3 extends Guard {
        DevelopmentSetY3() {
            super(LabelledCorpus.Y3_JSONL, 0.981, 0.932, 0.983, 0.992);
        }
    }

    // Z1-Z3: first seen 0.992 / 0.989 / 0.993 (0.991 together), representative traffic seen from three teams; the
    // floors are today's values after the rules for the round's misses, rounded down (Z2's ID_DOCUMENT 13/14 is its
    // lowest type)
    @Nested
    class DevelopmentSetZ1 extends Guard {
        DevelopmentSetZ1() {
            super(LabelledCorpus.Z1_JSONL, 0.997, 0.991, 0.999, 0.987);
        }
    }

    @Nested
    class DevelopmentSetZ2 extends Guard {
        DevelopmentSetZ2() {
            super(LabelledCorpus.Z2_JSONL, 0.993, 0.986, 0.996, 0.987);
        }
    }

    @Nested
    class DevelopmentSetZ3 extends Guard {
        DevelopmentSetZ3() {
            super(LabelledCorpus.Z3_JSONL, 0.996, 0.985, 0.999, 0.991);
        }
    }

    // P: the developer's own probe of the weakest types, 0.458 before the rules for them, today every entity; char.
    // precision 0.993 since "the 4th of July, 1987" is masked with its article (unlabelled here)
    @Nested
    class ProbeP extends Guard {
        ProbeP() {
            super(LabelledCorpus.PROBE_JSONL, 1.0, 1.0, 1.0, 0.992);
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
        LabelledCorpus.DEV_D2_MARKUP + "," + LabelledCorpus.DEV_D2_JSONL,
        LabelledCorpus.H1_MARKUP + "," + LabelledCorpus.H1_JSONL,
        LabelledCorpus.H2_MARKUP + "," + LabelledCorpus.H2_JSONL,
        LabelledCorpus.H3_MARKUP + "," + LabelledCorpus.H3_JSONL,
        LabelledCorpus.PROBE_MARKUP + "," + LabelledCorpus.PROBE_JSONL,
        LabelledCorpus.J1_MARKUP + "," + LabelledCorpus.J1_JSONL,
        LabelledCorpus.J2_MARKUP + "," + LabelledCorpus.J2_JSONL,
        LabelledCorpus.J3_MARKUP + "," + LabelledCorpus.J3_JSONL,
        LabelledCorpus.K1_MARKUP + "," + LabelledCorpus.K1_JSONL,
        LabelledCorpus.K2_MARKUP + "," + LabelledCorpus.K2_JSONL,
        LabelledCorpus.K3_MARKUP + "," + LabelledCorpus.K3_JSONL,
        LabelledCorpus.L1_MARKUP + "," + LabelledCorpus.L1_JSONL,
        LabelledCorpus.L2_MARKUP + "," + LabelledCorpus.L2_JSONL,
        LabelledCorpus.L3_MARKUP + "," + LabelledCorpus.L3_JSONL,
        LabelledCorpus.M1_MARKUP + "," + LabelledCorpus.M1_JSONL,
        LabelledCorpus.M2_MARKUP + "," + LabelledCorpus.M2_JSONL,
        LabelledCorpus.M3_MARKUP + "," + LabelledCorpus.M3_JSONL,
        LabelledCorpus.N1_MARKUP + "," + LabelledCorpus.N1_JSONL,
        LabelledCorpus.N2_MARKUP + "," + LabelledCorpus.N2_JSONL,
        LabelledCorpus.N3_MARKUP + "," + LabelledCorpus.N3_JSONL,
        LabelledCorpus.O1_MARKUP + "," + LabelledCorpus.O1_JSONL,
        LabelledCorpus.O2_MARKUP + "," + LabelledCorpus.O2_JSONL,
        LabelledCorpus.O3_MARKUP + "," + LabelledCorpus.O3_JSONL,
        LabelledCorpus.P1_MARKUP + "," + LabelledCorpus.P1_JSONL,
        LabelledCorpus.P2_MARKUP + "," + LabelledCorpus.P2_JSONL,
        LabelledCorpus.P3_MARKUP + "," + LabelledCorpus.P3_JSONL,
        LabelledCorpus.Q1_MARKUP + "," + LabelledCorpus.Q1_JSONL,
        LabelledCorpus.Q2_MARKUP + "," + LabelledCorpus.Q2_JSONL,
        LabelledCorpus.Q3_MARKUP + "," + LabelledCorpus.Q3_JSONL,
        LabelledCorpus.R1_MARKUP + "," + LabelledCorpus.R1_JSONL,
        LabelledCorpus.R2_MARKUP + "," + LabelledCorpus.R2_JSONL,
        LabelledCorpus.R3_MARKUP + "," + LabelledCorpus.R3_JSONL,
        LabelledCorpus.S1_MARKUP + "," + LabelledCorpus.S1_JSONL,
        LabelledCorpus.S2_MARKUP + "," + LabelledCorpus.S2_JSONL,
        LabelledCorpus.S3_MARKUP + "," + LabelledCorpus.S3_JSONL,
        LabelledCorpus.T1_MARKUP + "," + LabelledCorpus.T1_JSONL,
        LabelledCorpus.T2_MARKUP + "," + LabelledCorpus.T2_JSONL,
        LabelledCorpus.T3_MARKUP + "," + LabelledCorpus.T3_JSONL,
        LabelledCorpus.U1_MARKUP + "," + LabelledCorpus.U1_JSONL,
        LabelledCorpus.U2_MARKUP + "," + LabelledCorpus.U2_JSONL,
        LabelledCorpus.U3_MARKUP + "," + LabelledCorpus.U3_JSONL,
        LabelledCorpus.V1_MARKUP + "," + LabelledCorpus.V1_JSONL,
        LabelledCorpus.V2_MARKUP + "," + LabelledCorpus.V2_JSONL,
        LabelledCorpus.V3_MARKUP + "," + LabelledCorpus.V3_JSONL,
        LabelledCorpus.W1_MARKUP + "," + LabelledCorpus.W1_JSONL,
        LabelledCorpus.W2_MARKUP + "," + LabelledCorpus.W2_JSONL,
        LabelledCorpus.W3_MARKUP + "," + LabelledCorpus.W3_JSONL,
        LabelledCorpus.X1_MARKUP + "," + LabelledCorpus.X1_JSONL,
        LabelledCorpus.X2_MARKUP + "," + LabelledCorpus.X2_JSONL,
        LabelledCorpus.X3_MARKUP + "," + LabelledCorpus.X3_JSONL,
        LabelledCorpus.Y1_MARKUP + "," + LabelledCorpus.Y1_JSONL,
        LabelledCorpus.Y2_MARKUP + "," + LabelledCorpus.Y2_JSONL,
        LabelledCorpus.Y3_MARKUP + "," + LabelledCorpus.Y3_JSONL,
        LabelledCorpus.Z1_MARKUP + "," + LabelledCorpus.Z1_JSONL,
        LabelledCorpus.Z2_MARKUP + "," + LabelledCorpus.Z2_JSONL,
        LabelledCorpus.Z3_MARKUP + "," + LabelledCorpus.Z3_JSONL
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
