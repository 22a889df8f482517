package io.carehub.crypto;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R19 upgrade, Flyway migration 42: encrypts the rows an older carehub stored in clear (the {@code *_plain} columns
 * V41 kept) with their contacts' keys, and fills the lookup hashes of contacts that predate them; V43 then drops the
 * plaintext columns. Runs once, inside the migration's transaction, in chunks of {@value #CHUNK} rows. On a new
 * database every {@code *_plain} column is empty and it does nothing.
 */
@Component
class EncryptExistingRows extends EncryptingMigration {

    private static final int CHUNK = 1000;

    /** A plaintext column (an SQL expression over the old columns) and the column its ciphertext goes to. */
    private record Column(String plain, String sealed, String associated) {}

    /** A table: its row id, the contact the row belongs to, the joins that find it, its columns. */
    private record Table(String name, String id, String contact, String from, List<Column> columns) {}

    private static final List<Table> TABLES = List.of(
            new Table(
                    "contact",
                    "id",
                    "t.id",
                    "contact t",
                    List.of(
                            new Column(
                                    "coalesce(t.phone_number_plain, t.wa_id_plain)",
                                    "phone_number",
                                    "contact.phone_number"),
                            new Column("t.user_id_plain", "user_id", "contact.user_id"),
                            new Column("t.parent_user_id_plain", "parent_user_id", "contact.parent_user_id"),
                            new Column("t.username_plain", "username", "contact.username"),
                            new Column("t.profile_name_plain", "profile_name", "contact.profile_name"))),
            new Table(
                    "message",
                    "id",
                    "c.contact_id",
                    "message t join conversation c on c.id = t.conversation_id",
                    List.of(
                            new Column("t.text_body_plain", "text_body", "message.text_body"),
                            new Column("t.details_plain::text", "details", "message.details"),
                            new Column(
                                    "t.outbound_payload_plain::text", "outbound_payload", "message.outbound_payload"),
                            new Column("t.last_error_plain", "last_error", "message.last_error"))),
            new Table(
                    "conversation",
                    "id",
                    "t.contact_id",
                    "conversation t",
                    List.of(new Column("t.bot_summary_plain", "bot_summary", "conversation.bot_summary"))),
            new Table(
                    "dialog_log",
                    "id",
                    "c.contact_id",
                    "dialog_log t join dialog d on d.id = t.dialog_id join conversation c on c.id = d.conversation_id",
                    List.of(new Column(
                            "t.text_pseudonymized_plain", "text_pseudonymized", "dialog_log.text_pseudonymized"))),
            new Table(
                    "agent_action",
                    "id",
                    "c.contact_id",
                    "agent_action t join conversation c on c.id = t.conversation_id",
                    List.of(new Column("t.details_plain::text", "details", "agent_action.details"))),
            new Table(
                    "customer_identity",
                    "contact_id",
                    "t.contact_id",
                    "customer_identity t",
                    List.of(
                            new Column("t.salutation_plain", "salutation", "customer_identity.salutation"),
                            new Column("t.name_plain", "name", "customer_identity.name"),
                            new Column(
                                    "t.customer_number_plain", "customer_number", "customer_identity.customer_number"),
                            new Column(
                                    "t.contract_number_plain",
                                    "contract_number",
                                    "customer_identity.contract_number"))));

    private final CryptoProperties properties;

    EncryptExistingRows(CryptoProperties properties) {
        super("42", "encrypt existing rows");
        this.properties = properties;
    }

    @Override
    public void migrate(Context context) throws Exception {
        NamedParameterJdbcTemplate jdbc = jdbcOf(context);
        ContactKeys keys = ContactKeys.forTool(properties, jdbc, null);
        LookupHash lookupHash = new LookupHash(properties);
        hashIdentifiers(jdbc, lookupHash);
        for (Table table : TABLES) {
            encrypt(jdbc, keys, table);
        }
        encryptRejectedUpdates(jdbc, new UnattributedKeys(properties, jdbc, null, Clock.systemUTC()));
    }

    /** Rejected updates belong to no contact: the key of the month they arrived in. */
    private static void encryptRejectedUpdates(NamedParameterJdbcTemplate jdbc, UnattributedKeys keys) {
        record Rejected(long id, Instant receivedAt, byte[] payload) {}
        long after = 0;
        while (true) {
            List<Rejected> rows = jdbc.query(
                    """
                    select id, received_at, payload_plain from rejected_update
                     where id > :after and payload_plain is not null order by id limit :chunk""",
                    new MapSqlParameterSource("after", after).addValue("chunk", CHUNK),
                    (rs, i) -> new Rejected(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getBytes(3)));
            for (Rejected row : rows) {
                LocalDate month = UnattributedKeys.monthOf(row.receivedAt());
                jdbc.update(
                        "update rejected_update set payload = :payload, key_month = :month where id = :id",
                        new MapSqlParameterSource("id", row.id())
                                .addValue("payload", keys.seal(month, row.payload(), "rejected_update.payload"))
                                .addValue("month", java.sql.Date.valueOf(month)));
                after = row.id();
            }
            if (rows.size() < CHUNK) {
                return;
            }
        }
    }

    /** Contacts that predate the lookup hashes (V40) get them. */
    private static void hashIdentifiers(NamedParameterJdbcTemplate jdbc, LookupHash lookupHash) {
        record Identifiers(long id, String waId, String userId) {}
        long after = 0;
        while (true) {
            List<Identifiers> rows = jdbc.query(
                    """
                    select id, wa_id_plain, user_id_plain from contact
                     where id > :after and (wa_id_plain is not null or user_id_plain is not null)
                     order by id limit :chunk""",
                    new MapSqlParameterSource("after", after).addValue("chunk", CHUNK),
                    (rs, i) -> new Identifiers(rs.getLong(1), rs.getString(2), rs.getString(3)));
            for (Identifiers row : rows) {
                jdbc.update(
                        "update contact set wa_id_hash = :waIdHash, user_id_hash = :userIdHash where id = :id",
                        new MapSqlParameterSource("id", row.id())
                                .addValue("waIdHash", lookupHash.of(row.waId()))
                                .addValue("userIdHash", lookupHash.of(row.userId())));
                after = row.id();
            }
            if (rows.size() < CHUNK) {
                return;
            }
        }
    }

    private static void encrypt(NamedParameterJdbcTemplate jdbc, ContactKeys keys, Table table) {
        List<String> plain = table.columns().stream().map(Column::plain).toList();
        String select = "select t." + table.id() + ", " + table.contact() + ", " + String.join(", ", plain) + " from "
                + table.from() + " where t." + table.id() + " > :after and ("
                + String.join(
                        " or ", plain.stream().map(p -> p + " is not null").toList())
                + ") order by t." + table.id() + " limit :chunk";
        List<String> assignments = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            assignments.add(table.columns().get(c).sealed() + " = :v" + c);
        }
        String update =
                "update " + table.name() + " set " + String.join(", ", assignments) + " where " + table.id() + " = :id";
        long after = 0;
        while (true) {
            List<MapSqlParameterSource> updates = new ArrayList<>();
            jdbc.query(select, new MapSqlParameterSource("after", after).addValue("chunk", CHUNK), rs -> {
                ContactCipher cipher = keys.forContact(rs.getLong(2));
                MapSqlParameterSource values = new MapSqlParameterSource("id", rs.getLong(1));
                for (int c = 0; c < table.columns().size(); c++) {
                    values.addValue(
                            "v" + c,
                            cipher.seal(
                                    rs.getString(3 + c), table.columns().get(c).associated()));
                }
                updates.add(values);
            });
            for (MapSqlParameterSource values : updates) {
                jdbc.update(update, values);
                after = (Long) values.getValue("id");
            }
            if (updates.size() < CHUNK) {
                return;
            }
        }
    }
}
