package io.carehub.erasure;

import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.LookupHash;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R33: an erasure survives a restore of the main database from a backup taken before it. The embedded PostgreSQL
 * bundle has no pg_dump, and a template copy needs the database without connections, so the backup here is the
 * equivalent for one contact: its rows in every table that holds it, copied before the erasure and put back after.
 */
@ConversationTest
class ErasureLedgerTest {

    private static final List<String> TABLES = List.of(
            "contact:id",
            "contact_key:contact_id",
            "consent_record:contact_id",
            "conversation:contact_id",
            "message:conversation_id in (select id from conversation where contact_id");

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ErasureExecutor executor;

    @Autowired
    LedgerReapply reapply;

    @Autowired
    ErasureLedger ledger;

    @Autowired
    ContactKeys keys;

    @Autowired
    LookupHash lookupHash;

    @Test
    void aRestoredBackupCannotBringAnErasedContactBack() {
        String customer = newCustomer();
        customers.consentedCustomer(customer, "Meine Kundennummer ist 4711");
        long contact = jdbc.queryForObject(
                "select id from contact where wa_id_hash = ?", Long.class, (Object) lookupHash.of(customer));
        ContactCipher cipher = keys.forContact(contact);
        byte[] sealed = cipher.seal("Geheimnis der Kundin", "test.backup");
        backup(contact);

        assertThat(hub.post(
                                "/api/privacy/erasures",
                                IdentityProvider.privacyOfficer(),
                                "{\"waId\":\"" + customer + "\"}")
                        .statusCode())
                .isEqualTo(202);
        executor.run();
        assertThat(db.count("select count(*) from contact where id = ?", contact))
                .isZero();
        assertThat(jdbc.queryForObject("select to_regclass('erasure_ledger')::text", String.class))
                .as("the ledger is not in the main database")
                .isNull();
        assertThat(ledger.page(null, 100_000))
                .anySatisfy(entry -> assertThat(entry.lookupHash()).isEqualTo(lookupHash.of(customer)));

        restore(contact);
        assertThat(db.count("select count(*) from contact where id = ?", contact))
                .isEqualTo(1);
        assertThat(keys.existing(contact).orElseThrow().openText(sealed, "test.backup"))
                .as("restored: readable again")
                .isEqualTo("Geheimnis der Kundin");

        assertThat(reapply.reapply()).isEqualTo(1);

        assertThat(db.count("select count(*) from contact where id = ?", contact))
                .isZero();
        assertThat(db.count(
                        "select count(*) from message m join conversation c on c.id = m.conversation_id "
                                + "where c.contact_id = ?",
                        contact))
                .isZero();
        assertThat(keys.existing(contact)).as("its data cannot be read").isEmpty();
        assertThat(db.count("select count(*) from contact_key where contact_id = ?", contact))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select reason from erasure_request where contact_id = ? and status = 'DONE' order by id desc limit 1",
                        String.class,
                        contact))
                .isEqualTo("LEDGER");

        // the customer writes again after the erasure: a new contact, which the ledger leaves alone
        customers.text(customer, "Hallo, ich bin neu hier");
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        db.count("select count(*) from contact where wa_id_hash = ?", (Object) lookupHash.of(customer))
                                == 1);
        long again = jdbc.queryForObject(
                "select id from contact where wa_id_hash = ?", Long.class, (Object) lookupHash.of(customer));
        assertThat(reapply.reapply()).isZero();
        assertThat(db.count("select count(*) from contact where id = ?", again)).isEqualTo(1);
    }

    private void backup(long contact) {
        for (String table : TABLES) {
            String[] parts = table.split(":", 2);
            String where = parts[1] + " = " + contact + (parts[1].contains(" in ") ? ")" : "");
            jdbc.execute("create table backup_" + parts[0] + " as select * from " + parts[0] + " where " + where);
        }
    }

    private void restore(long contact) {
        try {
            for (String table : TABLES) {
                String name = table.split(":", 2)[0];
                jdbc.update("insert into " + name + " select * from backup_" + name);
            }
        } finally {
            TABLES.forEach(table -> jdbc.execute("drop table backup_" + table.split(":", 2)[0]));
        }
        assertThatThrownBy(() -> jdbc.queryForObject("select 1 from backup_contact", Integer.class));
    }
}
