package io.carehub.dialog;

import com.fasterxml.jackson.databind.JsonNode;
import io.carehub.privacy.ReIdentifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** R23-R27 and R43 end to end through the webhook, with the built-in stand-in bot. */
class LocalDialogBotTest extends DialogTestSupport {

    @DynamicPropertySource
    static void everySegmentTalksToTheLocalBot(DynamicPropertyRegistry registry) {
        registry.add("carehub.dialog.routing.private-customers", () -> "local");
        registry.add("carehub.dialog.routing.business", () -> "local");
        registry.add("carehub.dialog.routing.unknown", () -> "local");
    }

    @Autowired
    ReIdentifier reIdentifier;

    @Test
    void botSeesTokensOnlyAndTheCustomerGetsTheNameBack() {
        String waId = newCustomer();
        long conversation = consentedCustomer(waId, "Hallo, hier ist Erika Mustermann");
        awaitOutbound(waId, 3); // notice, accepted reply, bot greeting

        Map<String, Object> greeting = outbound(waId).get(outbound(waId).size() - 1);
        assertThat(greeting.get("actor")).isEqualTo("bot");
        assertThat((String) greeting.get("text_body")).startsWith(LocalDialogBot.LABEL).contains("Hallo Erika Mustermann!");
        assertThat(conversation(conversation).get("routing_state")).isEqualTo("BOT");
        UUID dialog = dialogIdOf(conversation);
        assertThat(dialogLog(dialog)).hasSize(2);
        assertThat(dialogLog(dialog).get(0)).contains("<PERSON_1>").doesNotContain("Erika").doesNotContain("Mustermann");
        assertThat(String.join(" ", dialogLog(dialog))).doesNotContain("Erika");
    }

    @Test
    void optionsBecomeReplyButtonsAndTheChosenValueGoesBackToTheBot() {
        String waId = newCustomer();
        long conversation = consentedCustomer(waId, "Frage zum Tarif");
        awaitOutbound(waId, 4); // notice, accepted, tariff text, options
        JsonNode options = payload(outbound(waId).get(3));
        assertThat(options.at("/interactive/type").asText()).isEqualTo("button");
        assertThat(options.at("/interactive/action/buttons/0/reply/id").asText()).isEqualTo("bot:tarif wechseln");
        assertThat(options.at("/interactive/action/buttons/0/reply/title").asText()).isEqualTo("Tarif wechseln");

        reply(waId, "button_reply", "bot:vertragslaufzeit", "Vertragslaufzeit");
        awaitOutbound(waId, 6);
        assertThat(dialogLog(dialogIdOf(conversation))).contains("vertragslaufzeit");
    }

    @Test
    void keywordAsksForConsentAndYesHandsTheConversationToAgentsAndEndsTheDialog() {
        String waId = newCustomer();
        long conversation = consentedCustomer(waId, "Hallo, ich bin Erika Mustermann und habe eine Frage zur Rechnung");
        awaitOutbound(waId, 3);
        UUID dialog = dialogIdOf(conversation);
        assertThat(vaultKeys(dialog)).isPositive();

        text(waId, "Ich möchte bitte mit einem Mitarbeiter sprechen");
        awaitOutbound(waId, 4);
        JsonNode question = payload(outbound(waId).get(3));
        assertThat(question.at("/interactive/body/text").asText()).isEqualTo(texts.dialog().handOffQuestion());
        assertThat(question.at("/interactive/action/buttons/0/reply/id").asText()).isEqualTo("handoff:yes");
        assertThat(dialogOf(conversation).get("state")).isEqualTo("HANDOFF_OFFERED");
        assertThat(conversation(conversation).get("routing_state")).isEqualTo("BOT"); // no human without consent

        reply(waId, "button_reply", "handoff:yes", "Ja, bitte");
        // R26: keys and pseudonymized log gone, audited as counts
        assertThat(dialogOf(conversation).get("state")).isEqualTo("ENDED");
        assertThat(dialogOf(conversation).get("end_reason")).isEqualTo("HANDOFF");
        assertThat(vaultKeys(dialog)).isZero();
        assertThat(dialogLog(dialog)).isEmpty();
        assertThat(reIdentifier.reidentify(dialog.toString(), "Hallo <PERSON_1>")).doesNotContain("Erika");
        assertThat(jdbc.queryForList("select kind from deletion_audit where reference = ? order by kind", String.class,
                "dialog " + dialog)).containsExactly("dialog-log", "platform-session", "pseudonym-keys");
        // R27: the segment is unknown, so the menu decides; topic "billing" was detected from the whole conversation
        assertThat(conversation(conversation).get("topic")).isEqualTo("billing");
        reply(waId, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        JsonNode handOff = handOff("private-billing", conversation);
        assertThat(handOff.get("historyUrl").asText()).isEqualTo("/api/conversations/" + conversation + "/messages");
        assertThat(conversation(conversation).get("routing_state")).isEqualTo("WAITING");
    }

    @Test
    void legitimatedCustomerGoesStraightToThePoolWithTheBotSummaryAndCustomerData() {
        String waId = newCustomer();
        text(waId, "Guten Tag");
        awaitOutbound(waId, 1);
        legitimate(waId, "PRIVATE", "Erika Mustermann", "K-4711-0815");
        reply(waId, "button_reply", "consent-accept", "Akzeptieren");
        long conversation = conversationOf(waId);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbound(waId).size() >= 3);

        text(waId, "Meine Kundennummer ist K-4711-0815, bitte einen Berater wegen der Abbuchung");
        awaitOutbound(waId, 4);
        // the customer number is a known value: the bot's log has a token for it
        assertThat(String.join(" ", dialogLog(dialogIdOf(conversation)))).doesNotContain("4711");
        reply(waId, "button_reply", "handoff:yes", "Ja, bitte");

        JsonNode handOff = handOff("private-billing", conversation);
        assertThat(handOff.at("/customer/legitimated").asBoolean()).isTrue();
        assertThat(handOff.at("/customer/customerNumber").asText()).isEqualTo("K-4711-0815");
        assertThat(handOff.get("segmentSource").asText()).isEqualTo("LEGITIMATION");
    }

    @Test
    void declinedHandOffContinuesWithTheBot() {
        String waId = newCustomer();
        long conversation = consentedCustomer(waId, "Hallo");
        awaitOutbound(waId, 3);
        text(waId, "mensch bitte");
        awaitOutbound(waId, 4);
        reply(waId, "button_reply", "handoff:no", "Nein, danke");
        awaitOutbound(waId, 5);
        assertThat(outbound(waId).get(4).get("text_body")).isEqualTo(texts.dialog().handOffDeclined());
        assertThat(dialogOf(conversation).get("state")).isEqualTo("ACTIVE");

        text(waId, "Was kostet der Tarif?");
        awaitOutbound(waId, 7);
        assertThat((String) outbound(waId).get(5).get("text_body")).contains("Tarife");
    }

    @Test
    void goodbyeEndsTheDialogAndTheNextMessageStartsAFreshOne() {
        String waId = newCustomer();
        long conversation = consentedCustomer(waId, "Hallo, hier ist Erika Mustermann");
        awaitOutbound(waId, 3);
        UUID first = dialogIdOf(conversation);
        text(waId, "Danke, tschüss");
        awaitDialogEnded(first);
        assertThat(jdbc.queryForObject("select end_reason from dialog where id = ?", String.class, first))
                .isEqualTo("CLOSED_BY_BOT");
        assertThat(vaultKeys(first)).isZero();
        assertThat(conversation(conversation).get("routing_state")).isEqualTo("NEW");

        text(waId, "Hallo nochmal");
        UUID second = dialogIdOf(conversation);
        assertThat(second).isNotEqualTo(first);
        assertThat(dialogOf(conversation).get("state")).isEqualTo("ACTIVE");
    }

    @Test
    void idleDialogEndsAfterTheIdleTimeoutAndOldDialogsAfter24Hours() {
        String waId = newCustomer();
        long conversation = consentedCustomer(waId, "Hallo, hier ist Erika Mustermann");
        awaitOutbound(waId, 3);
        UUID idle = dialogIdOf(conversation);
        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(dialogOf(conversation).get("state")).isEqualTo("ACTIVE");
        CLOCK.advance(Duration.ofMinutes(2));
        awaitDialogEnded(idle);
        assertThat(jdbc.queryForObject("select end_reason from dialog where id = ?", String.class, idle)).isEqualTo("IDLE");
        assertThat(vaultKeys(idle)).isZero();
        assertThat(dialogLog(idle)).isEmpty();

        // a dialog kept busy ends 24 h after it began (R26), whatever its activity
        text(waId, "Hallo, hier ist Erika Mustermann");
        UUID busy = dialogIdOf(conversation);
        jdbc.update("update dialog set started_at = started_at - interval '24 hours' where id = ?", busy);
        awaitDialogEnded(busy);
        assertThat(jdbc.queryForObject("select end_reason from dialog where id = ?", String.class, busy)).isEqualTo("MAX_AGE");
    }

    @Test
    void aLocationGetsATextOnlyNoticeAndNothingGoesToTheBot() {
        String waId = newCustomer();
        long conversation = consentedCustomer(waId, "Hallo");
        awaitOutbound(waId, 3);
        location(waId, 52.52, 13.405);
        awaitOutbound(waId, 4);
        assertThat(outbound(waId).get(3).get("text_body")).isEqualTo(texts.dialog().unsupported());
        assertThat(dialogLog(dialogIdOf(conversation))).endsWith("(not text)");
    }

    private JsonNode payload(Map<String, Object> outbound) {
        try {
            return mapper.readTree((String) outbound.get("payload"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
