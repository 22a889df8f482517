package io.carehub.dialog;

import io.carehub.routing.LifecycleTestSupport;
import io.carehub.whatsapp.CustomerTexts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The hub with the chatbot switched on (each test class says which platform serves which segment).
 * The dialog expiry sweep runs every 200 ms against the test clock.
 */
abstract class DialogTestSupport extends LifecycleTestSupport {

    /** What the hub says itself (carehub.texts.dialog), as configured. */
    @Autowired
    CustomerTexts texts;

    @DynamicPropertySource
    static void dialogProperties(DynamicPropertyRegistry registry) {
        registry.add("carehub.dialog.expiry-check", () -> "200ms");
    }

    /** The customer's open (or last) dialog. */
    protected Map<String, Object> dialogOf(long conversationId) {
        return jdbc.queryForMap("select * from dialog where conversation_id = ? order by started_at desc, ended_at desc nulls first limit 1",
                conversationId);
    }

    protected UUID dialogIdOf(long conversationId) {
        return (UUID) dialogOf(conversationId).get("id");
    }

    protected List<String> dialogLog(UUID dialogId) {
        return jdbc.queryForList("select text_pseudonymized from dialog_log where dialog_id = ? order by id", String.class,
                dialogId);
    }

    protected long vaultKeys(UUID dialogId) {
        return count("select count(*) from pseudonym where session_id = ?", dialogId.toString());
    }

    protected void awaitDialogEnded(UUID dialogId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ENDED".equals(jdbc.queryForObject("select state from dialog where id = ?", String.class, dialogId)));
    }

    /** Legitimation data as the legitimation flow stores it (R15). */
    protected void legitimate(String waId, String segment, String name, String customerNumber) {
        jdbc.update("""
                insert into customer_identity (contact_id, segment, salutation, name, customer_number)
                select id, ?, 'Frau', ?, ? from contact where wa_id = ?""", segment, name, customerNumber, waId);
    }
}
