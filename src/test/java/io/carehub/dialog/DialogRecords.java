package io.carehub.dialog;

import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.Legitimations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a dialog stored (dialog, dialog_log, pseudonym vault); a customer who signs in (R15). */
final class DialogRecords {

    private final JdbcTemplate jdbc;
    private final Db db;
    private final Legitimations legitimations;

    DialogRecords(JdbcTemplate jdbc, Db db, Legitimations legitimations) {
        this.jdbc = jdbc;
        this.db = db;
        this.legitimations = legitimations;
    }

    /** The customer's open (or last) dialog. */
    Map<String, Object> dialogOf(long conversationId) {
        return jdbc.queryForMap(
                "select * from dialog where conversation_id = ? order by started_at desc, ended_at desc nulls first limit 1",
                conversationId);
    }

    UUID dialogIdOf(long conversationId) {
        return (UUID) dialogOf(conversationId).get("id");
    }

    List<String> dialogLog(UUID dialogId) {
        return db.dialogLog(dialogId);
    }

    long vaultKeys(UUID dialogId) {
        return db.count("select count(*) from pseudonym where session_id = ?", dialogId.toString());
    }

    void awaitDialogEnded(UUID dialogId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ENDED"
                        .equals(jdbc.queryForObject("select state from dialog where id = ?", String.class, dialogId)));
    }

    /**
     * R15: the customer signs in through the legitimation flow (link, identity provider, back to the hub): two more
     * messages in the chat, the link and the confirmation.
     */
    void legitimate(String waId, String segment, String name, String customerNumber) {
        legitimations.signIn(
                waId,
                segment.equals("BUSINESS")
                        ? Legitimations.businessCustomer("Frau", name, customerNumber)
                        : Legitimations.privateCustomer("Frau", name, customerNumber));
    }
}
