package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GermanTrunk} reads a trunk-dialled German number exactly as the number plan's parser does, or not at all. */
class GermanTrunkTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Test
    void agreesWithTheParserOfThisVersionOfThePlan() {
        assertThat(GermanTrunk.AGREES).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"015123456789", "01761234567", "030123456", "08001234567", "0891234", "022195551234"})
    void readsMobilesLandlinesAndServiceNumbersAsTheParserDoes(String digits) throws NumberParseException {
        PhoneNumber read = GermanTrunk.read(digits);
        assertThat(read).isNotNull();
        assertThat(read.exactlySameAs(PHONES.parse(digits, "DE"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0049151234567",
                "+4915123456789",
                "0",
                "01",
                "0151 2345678",
                "0151a2345678",
                "012345678901234567"
            })
    void leavesInternationalPrefixesSignsAndOtherLengthsToTheParser(String digits) {
        assertThat(GermanTrunk.read(digits)).isNull();
    }

    @Test
    void everyNumberItReadsIsTheParsersNumber() throws NumberParseException {
        SplittableRandom random = new SplittableRandom(49);
        assertAgreesOnRandomNumbers(k -> "0", () -> 1 + random.nextInt(17), random, GermanTrunk::read);
    }

    @Test
    void agreesForNumbersWithTheCountryCodeToo() {
        assertThat(GermanTrunk.AGREES_WITH_COUNTRY_CODE).isTrue();
    }

    @Test
    void everyNumberWithTheCountryCodeItReadsIsTheParsersNumber() throws NumberParseException {
        SplittableRandom random = new SplittableRandom(4949);
        assertAgreesOnRandomNumbers(
                k -> k % 4 == 0 ? "+4" : "+49", () -> random.nextInt(20), random, GermanTrunk::readDialled);
    }

    /**
     * 20,000 numbers of a prefix and random digits: every one the reader reads is the parser's number, and more than
     * 5,000 are read (so the check is not vacuous).
     */
    private static void assertAgreesOnRandomNumbers(
            IntFunction<String> prefix,
            IntSupplier length,
            SplittableRandom random,
            Function<StringBuilder, PhoneNumber> reader)
            throws NumberParseException {
        int read = 0;
        for (int k = 0; k < 20_000; k++) {
            StringBuilder digits = new StringBuilder(prefix.apply(k));
            int n = length.getAsInt();
            for (int i = 0; i < n; i++) digits.append((char) ('0' + random.nextInt(10)));
            PhoneNumber number = reader.apply(digits);
            if (number == null) continue;
            read++;
            assertThat(number.exactlySameAs(PHONES.parse(digits, "DE")))
                    .as(digits.toString())
                    .isTrue();
        }
        assertThat(read).isGreaterThan(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49", "+490151234567", "+43151234567", "+49123456789012345678", "0049151234567"})
    void leavesOtherCountriesAZeroAfterTheCodeAndOtherLengthsToTheParser(String digits) {
        assertThat(GermanTrunk.readDialled(digits)).isNull();
    }
}
