package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** R24: pseudonymize before IBM/AWS, re-identify the bot's answer. */
class PseudonymizerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final PseudonymVault vault = new PseudonymVault(
            TestDatabase.jdbc(), VaultKey.fromBase64(VaultKey.randomBase64()), clock, Duration.ofHours(24));
    private final PiiDetector detector = new PiiDetector(List.of("0800 330 1000"), "DE");
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(detector, vault);
    private final ReIdentifier reIdentifier = new ReIdentifier(vault);
    private String session;

    @BeforeEach
    void newSession() {
        session = "dialog-" + UUID.randomUUID();
    }

    @Test
    void replacesEachValueWithATypedToken() {
        String out = pseudonymizer.pseudonymize(
                session,
                "hallo ich bin Anna Vogel, meine nummer ist 0171 2345678 und mail anna.vogel@web.de",
                KnownValues.none());

        assertThat(out).isEqualTo("hallo ich bin <PERSON_1>, meine nummer ist <PHONE_1> und mail <EMAIL_1>");
    }

    @Test
    void aKnownNameInsideAnEmailAddressDoesNotLeaveTheRestOfTheAddress() {
        String out = pseudonymizer.pseudonymize(
                session,
                "Mail erika.mustermann@example.de, ich bin Erika Mustermann",
                KnownValues.none().with(EntityType.PERSON, "Erika Mustermann"));
        assertThat(out).isEqualTo("Mail <EMAIL_1>, ich bin <PERSON_1>");
    }

    @Test
    void sameValueWrittenDifferentlyKeepsItsTokenWithinTheSession() {
        String first = pseudonymizer.pseudonymize(session, "ruf mich an: 0171 2345678", KnownValues.none());
        String second = pseudonymizer.pseudonymize(session, "nochmal: +49 171 2345678 bitte", KnownValues.none());
        String third = pseudonymizer.pseudonymize(
                session, "iban DE89 3704 0044 0532 0130 00 und de89370400440532013000", KnownValues.none());

        assertThat(first).contains("<PHONE_1>");
        assertThat(second).contains("<PHONE_1>").doesNotContain("<PHONE_2>");
        assertThat(third).isEqualTo("iban <IBAN_1> und <IBAN_1>");
    }

    @Test
    void samePersonWrittenPartlyOrInOtherCaseKeepsItsToken() {
        KnownValues known = KnownValues.none().with(EntityType.PERSON, "Anna Vogel");
        String out = pseudonymizer.pseudonymize(
                session, "ich bin anna vogel. Frau Vogel hat schon angerufen, ANNA halt", known);

        assertThat(out).doesNotContainIgnoringCase("anna").doesNotContainIgnoringCase("vogel");
        assertThat(out).contains("<PERSON_1>").doesNotContain("<PERSON_2>");
    }

    @Test
    void differentSessionsDoNotShareTokensOrValues() {
        pseudonymizer.pseudonymize(session, "ich bin Anna Vogel", KnownValues.none());
        String other = "dialog-" + UUID.randomUUID();
        pseudonymizer.pseudonymize(other, "ich bin Tom Klein", KnownValues.none());

        assertThat(reIdentifier.reidentify(session, "Hallo <PERSON_1>!")).isEqualTo("Hallo Anna Vogel!");
        assertThat(reIdentifier.reidentify(other, "Hallo <PERSON_1>!")).isEqualTo("Hallo Tom Klein!");
    }

    @Test
    void reIdentifiesTokensTheBotReformatted() {
        pseudonymizer.pseudonymize(
                session, "ich bin Anna Vogel, tel 0171 2345678, kundennummer 4711082291", KnownValues.none());

        assertThat(reIdentifier.reidentify(session, "Danke person_1. Wir rufen PHONE_1 an."))
                .isEqualTo("Danke Anna Vogel. Wir rufen 0171 2345678 an.");
        assertThat(reIdentifier.reidentify(session, "Ihre Nummer: [CUSTOMER ID 1], Name: <Person 1>!"))
                .isEqualTo("Ihre Nummer: 4711082291, Name: Anna Vogel!");
        assertThat(reIdentifier.reidentify(session, "&lt;PHONE_1&gt;")).isEqualTo("0171 2345678");
    }

    @Test
    void leavesOutUnknownTokensInsteadOfGuessing() {
        pseudonymizer.pseudonymize(session, "ich bin Anna Vogel", KnownValues.none());

        assertThat(reIdentifier.reidentify(session, "Hallo <PERSON_1>, ist <PERSON_2> Ihr Mann?"))
                .isEqualTo("Hallo Anna Vogel, ist Ihr Mann?");
        assertThat(reIdentifier.reidentify(session, "Ihre IP 192.168.2.1 ist privat"))
                .isEqualTo("Ihre IP 192.168.2.1 ist privat");
    }

    @Test
    void deletedSessionCanNoLongerBeReIdentified() {
        pseudonymizer.pseudonymize(session, "ich bin Anna Vogel", KnownValues.none());
        vault.deleteSession(session);

        assertThat(reIdentifier.reidentify(session, "Hallo <PERSON_1>!")).isEqualTo("Hallo!");
    }

    @Test
    void leavesTheCompanyHotlineAndTextWithoutPersonalDataUnchanged() {
        String text = "eure hotline 0800 330 1000 ist besetzt, tarif 39,95 €";

        assertThat(pseudonymizer.pseudonymize(session, text, KnownValues.none()))
                .isEqualTo(text);
        assertThat(pseudonymizer.pseudonymize(session, null, KnownValues.none()))
                .isNull();
        assertThat(pseudonymizer.pseudonymize(session, "", KnownValues.none())).isEmpty();
    }
}
