package io.carehub.dialog;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.MutableClock;
import io.carehub.privacy.ReIdentifier;
import io.carehub.routing.AgentPools;
import io.carehub.routing.Customers;
import io.carehub.whatsapp.CustomerTexts;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** R23-R27 and R43 end to end through the webhook, with the built-in stand-in bot. */
@DialogTest
class LocalDialogBotTest {

    /** This hub's clock ({@link io.carehub.routing.TestClock}). */
    @Autowired
    MutableClock clock;

    /** What the hub says itself (carehub.texts.dialog), as configured. */
    @Autowired
    CustomerTexts texts;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    AgentPools pools;

    @Autowired
    DialogRecords dialogs;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper mapper = new ObjectMapper();

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
        long conversation = customers.consentedCustomer(waId, "Hallo, hier ist Erika Mustermann");
        db.awaitOutbound(waId, 3); // notice, accepted reply, bot greeting

        Map<String, Object> greeting = db.outbound(waId).get(db.outbound(waId).size() - 1);
        assertThat(greeting.get("actor")).isEqualTo("bot");
        assertThat((String) greeting.get("text_body"))
                .startsWith(LocalDialogBot.LABEL)
                .contains("Hallo Erika Mustermann!");
        assertThat(db.conversation(conversation).get("routing_state")).isEqualTo("BOT");
        UUID dialog = dialogs.dialogIdOf(conversation);
        assertThat(dialogs.dialogLog(dialog)).hasSize(2);
        assertThat(dialogs.dialogLog(dialog).get(0))
                .contains("<PERSON_1>")
                .doesNotContain("Erika")
                .doesNotContain("Mustermann");
        assertThat(String.join(" ", dialogs.dialogLog(dialog))).doesNotContain("Erika");
    }

    @Test
    void optionsBecomeReplyButtonsAndTheChosenValueGoesBackToTheBot() {
        String waId = newCustomer();
        long conversation = customers.consentedCustomer(waId, "Frage zum Tarif");
        db.awaitOutbound(waId, 4); // notice, accepted, tariff text, options
        JsonNode options = payload(db.outbound(waId).get(3));
        assertThat(options.at("/interactive/type").asText()).isEqualTo("button");
        assertThat(options.at("/interactive/action/buttons/0/reply/id").asText())
                .isEqualTo("bot:tarif wechseln");
        assertThat(options.at("/interactive/action/buttons/0/reply/title").asText())
                .isEqualTo("Tarif wechseln");

        customers.reply(waId, "button_reply", "bot:vertragslaufzeit", "Vertragslaufzeit");
        db.awaitOutbound(waId, 6);
        assertThat(dialogs.dialogLog(dialogs.dialogIdOf(conversation))).contains("vertragslaufzeit");
    }

    @Test
    void keywordAsksForConsentAndYesHandsTheConversationToAgentsAndEndsTheDialog() {
        String waId = newCustomer();
        long conversation =
                customers.consentedCustomer(waId, "Hallo, ich bin Erika Mustermann und habe eine Frage zur Rechnung");
        db.awaitOutbound(waId, 3);
        UUID dialog = dialogs.dialogIdOf(conversation);
        assertThat(dialogs.vaultKeys(dialog)).isPositive();

        customers.text(waId, "Ich möchte bitte mit einem Mitarbeiter sprechen");
        db.awaitOutbound(waId, 4);
        JsonNode question = payload(db.outbound(waId).get(3));
        assertThat(question.at("/interactive/body/text").asText())
                .isEqualTo(texts.dialog().handOffQuestion());
        assertThat(question.at("/interactive/action/buttons/0/reply/id").asText())
                .isEqualTo("handoff:yes");
        assertThat(dialogs.dialogOf(conversation).get("state")).isEqualTo("HANDOFF_OFFERED");
        assertThat(db.conversation(conversation).get("routing_state")).isEqualTo("BOT"); // no human without consent

        customers.reply(waId, "button_reply", "handoff:yes", "Ja, bitte");
        // R26: keys and pseudonymized log gone, audited as counts
        assertThat(dialogs.dialogOf(conversation).get("state")).isEqualTo("ENDED");
        assertThat(dialogs.dialogOf(conversation).get("end_reason")).isEqualTo("HANDOFF");
        assertThat(dialogs.vaultKeys(dialog)).isZero();
        assertThat(dialogs.dialogLog(dialog)).isEmpty();
        assertThat(reIdentifier.reidentify(dialog.toString(), "Hallo <PERSON_1>"))
                .doesNotContain("Erika");
        assertThat(jdbc.queryForList(
                        "select kind from deletion_audit where reference = ? order by kind",
                        String.class,
                        "dialog " + dialog))
                .containsExactly("dialog-log", "platform-session", "pseudonym-keys");
        // R27: the segment is unknown, so the menu decides; topic "billing" was detected from the whole conversation
        assertThat(db.conversation(conversation).get("topic")).isEqualTo("billing");
        customers.reply(waId, "list_reply", "menu:PRIVATE:billing", "Rechnung");
        JsonNode handOff = pools.handOff("private-billing", conversation);
        assertThat(handOff.get("historyUrl").asText()).isEqualTo("/api/conversations/" + conversation + "/messages");
        assertThat(db.conversation(conversation).get("routing_state")).isEqualTo("WAITING");
    }

    @Test
    void legitimatedCustomerGoesStraightToThePoolWithTheBotSummaryAndCustomerData() {
        String waId = newCustomer();
        customers.text(waId, "Guten Tag");
        db.awaitOutbound(waId, 1);
        dialogs.legitimate(waId, "PRIVATE", "Erika Mustermann", "K-4711-0815"); // + link, confirmation
        customers.reply(waId, "button_reply", "consent-accept", "Akzeptieren");
        long conversation = db.conversationOf(waId);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.outbound(waId).size() >= 5);

        customers.text(waId, "Meine Kundennummer ist K-4711-0815, bitte einen Berater wegen der Abbuchung");
        db.awaitOutbound(waId, 6);
        // the customer number is a known value: the bot's log has a token for it
        assertThat(String.join(" ", dialogs.dialogLog(dialogs.dialogIdOf(conversation))))
                .doesNotContain("4711");
        customers.reply(waId, "button_reply", "handoff:yes", "Ja, bitte");

        JsonNode handOff = pools.handOff("private-billing", conversation);
        assertThat(handOff.get("legitimated").asBoolean()).isTrue();
        assertThat(pools.customer(handOff).get("customerNumber").asText()).isEqualTo("K-4711-0815");
        assertThat(handOff.get("segmentSource").asText()).isEqualTo("LEGITIMATION");
    }

    @Test
    void declinedHandOffContinuesWithTheBot() {
        String waId = newCustomer();
        long conversation = customers.consentedCustomer(waId, "Hallo");
        db.awaitOutbound(waId, 3);
        customers.text(waId, "mensch bitte");
        db.awaitOutbound(waId, 4);
        customers.reply(waId, "button_reply", "handoff:no", "Nein, danke");
        db.awaitOutbound(waId, 5);
        assertThat(db.outbound(waId).get(4).get("text_body"))
                .isEqualTo(texts.dialog().handOffDeclined());
        assertThat(dialogs.dialogOf(conversation).get("state")).isEqualTo("ACTIVE");

        customers.text(waId, "Was kostet der Tarif?");
        db.awaitOutbound(waId, 7);
        assertThat((String) db.outbound(waId).get(5).get("text_body")).contains("Tarife");
    }

    @Test
    void goodbyeEndsTheDialogAndTheNextMessageStartsAFreshOne() {
        String waId = newCustomer();
        long conversation = customers.consentedCustomer(waId, "Hallo, hier ist Erika Mustermann");
        db.awaitOutbound(waId, 3);
        UUID first = dialogs.dialogIdOf(conversation);
        customers.text(waId, "Danke, tschüss");
        dialogs.awaitDialogEnded(first);
        assertThat(jdbc.queryForObject("select end_reason from dialog where id = ?", String.class, first))
                .isEqualTo("CLOSED_BY_BOT");
        assertThat(dialogs.vaultKeys(first)).isZero();
        assertThat(db.conversation(conversation).get("routing_state")).isEqualTo("NEW");

        customers.text(waId, "Hallo nochmal");
        UUID second = dialogs.dialogIdOf(conversation);
        assertThat(second).isNotEqualTo(first);
        assertThat(dialogs.dialogOf(conversation).get("state")).isEqualTo("ACTIVE");
    }

    @Test
    void idleDialogEndsAfterTheIdleTimeoutAndOldDialogsAfter24Hours() {
        String waId = newCustomer();
        long conversation = customers.consentedCustomer(waId, "Hallo, hier ist Erika Mustermann");
        db.awaitOutbound(waId, 3);
        UUID idle = dialogs.dialogIdOf(conversation);
        clock.advance(Duration.ofMinutes(29));
        assertThat(dialogs.dialogOf(conversation).get("state")).isEqualTo("ACTIVE");
        clock.advance(Duration.ofMinutes(2));
        dialogs.awaitDialogEnded(idle);
        assertThat(jdbc.queryForObject("select end_reason from dialog where id = ?", String.class, idle))
                .isEqualTo("IDLE");
        assertThat(dialogs.vaultKeys(idle)).isZero();
        assertThat(dialogs.dialogLog(idle)).isEmpty();

        // a dialog kept busy ends 24 h after it began (R26), whatever its activity
        customers.text(waId, "Hallo, hier ist Erika Mustermann");
        UUID busy = dialogs.dialogIdOf(conversation);
        jdbc.update("update dialog set started_at = started_at - interval '24 hours' where id = ?", busy);
        dialogs.awaitDialogEnded(busy);
        assertThat(jdbc.queryForObject("select end_reason from dialog where id = ?", String.class, busy))
                .isEqualTo("MAX_AGE");
    }

    @Test
    void aLocationGetsATextOnlyNoticeAndNothingGoesToTheBot() {
        String waId = newCustomer();
        long conversation = customers.consentedCustomer(waId, "Hallo");
        db.awaitOutbound(waId, 3);
        customers.location(waId, 52.52, 13.405);
        db.awaitOutbound(waId, 4);
        assertThat(db.outbound(waId).get(3).get("text_body"))
                .isEqualTo(texts.dialog().unsupported());
        assertThat(dialogs.dialogLog(dialogs.dialogIdOf(conversation))).endsWith("(not text)");
    }

    private JsonNode payload(Map<String, Object> outbound) {
        try {
            return mapper.readTree((String) outbound.get("payload"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
