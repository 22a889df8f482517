package io.carehub.upload;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.IdentityProvider;
import io.carehub.pages.OneTimeToken;
import io.carehub.routing.ConversationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R16/R51 end to end through the webhook: an IBAN or ID-document number in a customer's message is flagged, stays
 * encrypted (no copy in clear anywhere in the database), is masked in the history for every role and revealed only to
 * the assigned agent's explicit, access-logged request; once per conversation, after consent, the customer is told to
 * check the verified business badge and gets a fresh secure upload link.
 */
@ConversationTest
class SensitiveDataInChatTest extends UploadTestBase {

    @Autowired
    UploadTexts texts;

    @Test
    void anIbanIsFlaggedMaskedInTheHistoryAndRevealedOnlyToTheAssignedAgent() {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "ida");
        Iban iban = newIban();
        String wamid = customers.text(customer, "Meine IBAN ist " + iban.toFormattedString() + ", bitte abbuchen");
        long message = (Long) db.message(wamid).get("id");

        assertThat(kinds(message)).containsExactly("IBAN");
        String masked = iban.toString().substring(0, 4) + " **** **** "
                + iban.toString().substring(iban.toString().length() - 4);
        for (String reader : List.of(IdentityProvider.agent("ida"), IdentityProvider.supervisor())) {
            String history = hub.get("/api/conversations/" + conversation + "/messages", reader)
                    .body();
            assertThat(history)
                    .contains("Meine IBAN ist " + masked + ", bitte abbuchen")
                    .contains("\"sensitiveData\":[\"IBAN\"]")
                    .doesNotContain(iban.getAccountNumber());
        }

        String reveal = "/api/conversations/" + conversation + "/messages/" + message + "/reveal";
        assertThat(hub.post(reveal, IdentityProvider.agent("jan"), "").statusCode())
                .as("an agent of the pool who does not hold the conversation")
                .isEqualTo(409);
        assertThat(hub.post(reveal, IdentityProvider.supervisor(), "").statusCode())
                .isEqualTo(403);
        assertThat(reveals(conversation)).isEmpty();

        var revealed = hub.post(reveal, IdentityProvider.agent("ida"), "");
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(revealed.body()).contains(iban.toFormattedString()).contains("\"kinds\":[\"IBAN\"]");
        assertThat(reveals(conversation)).containsExactly("ida message " + message);
    }

    @Test
    void anIdDocumentNumberIsFlaggedAndMaskedToItsLastTwoCharacters() {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "ida");
        String wamid = customers.text(customer, "Meine Ausweisnummer ist G4K532J2M1");

        assertThat(kinds((Long) db.message(wamid).get("id"))).containsExactly("ID_DOCUMENT");
        assertThat(hub.get("/api/conversations/" + conversation + "/messages", IdentityProvider.agent("ida"))
                        .body())
                .contains("Meine Ausweisnummer ist ********M1")
                .doesNotContain("G4K532J2M1");
    }

    @Test
    void theHintWithAFreshUploadLinkComesOncePerConversationAndOnlyAfterConsent() {
        String customer = newCustomer();
        // before consent the message is held and flagged; nothing but the notice is sent (R14)
        long conversation =
                customers.consentedCustomer(customer, "IBAN: " + newIban().toFormattedString());
        assertThat(jdbc.queryForObject(
                        "select count(*) from message where conversation_id = ? and sensitive_data is not null",
                        Long.class,
                        conversation))
                .isEqualTo(1);
        assertThat(hints(customer)).isEmpty();

        customers.text(customer, "Hier meine Ausweisnummer: G4K532J2M1");
        customers.text(customer, "Und die IBAN " + newIban().toFormattedString());

        await().atMost(Duration.ofSeconds(30)).until(() -> hints(customer).size() == 1);
        Map<String, Object> hint = hints(customer).getFirst();
        assertThat(hint.get("actor")).isEqualTo("system");
        // the documented text is the message's body; the link lives in the payload sent to WhatsApp only
        assertThat((String) hint.get("text_body")).isEqualTo(texts.sensitiveHint());
        String token = UploadLinkTokens.in((String) hint.get("payload"));
        assertThat(jdbc.queryForList(
                        "select offered_by from upload_link where conversation_id = ? and token_hash = ?",
                        String.class,
                        conversation,
                        OneTimeToken.hash(token)))
                .containsExactly("system");
        assertThat(jdbc.queryForObject(
                        "select count(*) from upload_link where conversation_id = ?", Long.class, conversation))
                .isEqualTo(1);
        assertThat(ClearTextScan.columnsHolding(jdbc, token)).isEmpty();
    }

    @Test
    void noCopyOfTheIbanOrIdNumberIsStoredInClear() {
        String customer = newCustomer();
        long conversation = pools.claimedInPrivateGeneral(customer, "ida");
        Iban iban = newIban();
        String wamid = customers.text(customer, "IBAN " + iban.toFormattedString() + " und Ausweis G4K532J2M1");
        assertThat(kinds((Long) db.message(wamid).get("id"))).containsExactly("IBAN", "ID_DOCUMENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> hints(customer).size() == 1);
        hub.get("/api/conversations/" + conversation + "/messages", IdentityProvider.agent("ida"));

        assertThat(ClearTextScan.columnsHolding(jdbc, iban.toString())).isEmpty();
        assertThat(ClearTextScan.columnsHolding(jdbc, iban.toFormattedString())).isEmpty();
        assertThat(ClearTextScan.columnsHolding(jdbc, iban.getAccountNumber())).isEmpty();
    }

    private List<String> kinds(long message) {
        return jdbc.queryForList(
                "select unnest(sensitive_data) from message where id = ? order by 1", String.class, message);
    }

    private List<String> reveals(long conversation) {
        return jdbc.queryForList(
                "select user_id || ' ' || target from access_log where conversation_id = ? and action = 'SENSITIVE_REVEAL'",
                String.class,
                conversation);
    }

    private List<Map<String, Object>> hints(String customer) {
        return db.outbound(customer).stream()
                .filter(m -> m.get("text_body") instanceof String text && text.startsWith(texts.sensitiveHint()))
                .toList();
    }

    /** A valid German IBAN no other test uses. */
    static Iban newIban() {
        return new Iban.Builder()
                .countryCode(CountryCode.DE)
                .bankCode("37040044")
                .accountNumber(
                        String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)))
                .build();
    }
}
