package io.carehub.documentation;

import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.CryptoProperties;
import io.carehub.crypto.EncryptingMigration;
import io.carehub.crypto.MigrationKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R19 upgrade, Flyway migration 66: encrypts the attachment file names and outbound error titles an older version
 * kept in clear ({@code attachment.filename_plain}, {@code message.error_title_plain}, renamed by migration 65) with
 * each contact's key and empties the clear column, which migration 67 then drops. Pages of {@value #PAGE} rows.
 * On a new database
 * both columns are empty and it does nothing.
 */
@Component
class EncryptFilenamesAndErrorTitles extends EncryptingMigration {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptFilenamesAndErrorTitles.class);
    private static final int PAGE = 1000;

    /** A clear column, the query that finds its rows with their contacts, and the encrypted column. */
    private record Column(String table, String plain, String sealed, String associated, String rows) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("attachment", "filename_plain", "filename", Attachments.FILENAME, """
                    select a.id, c.contact_id, a.filename_plain from attachment a
                      join message m on m.id = a.message_id join conversation c on c.id = m.conversation_id
                     where a.filename_plain is not null and a.id > :after order by a.id limit :page"""),
            new Column("message", "error_title_plain", "error_title", Messages.ERROR_TITLE, """
                    select m.id, c.contact_id, m.error_title_plain from message m
                      join conversation c on c.id = m.conversation_id
                     where m.error_title_plain is not null and m.id > :after order by m.id limit :page"""));

    private final CryptoProperties crypto;
    private final Clock clock;

    EncryptFilenamesAndErrorTitles(CryptoProperties crypto, Clock clock) {
        super("66", "encrypt attachment file names and error titles");
        this.crypto = crypto;
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) throws Exception {
        NamedParameterJdbcTemplate jdbc = jdbcOf(context);
        ContactKeys keys = MigrationKeys.over(context.getConnection(), crypto, clock);
        for (Column column : COLUMNS) {
            LOG.info(
                    "migration 66: {} values of {}.{} encrypted",
                    encrypt(jdbc, keys, column),
                    column.table(),
                    column.sealed());
        }
    }

    private static int encrypt(NamedParameterJdbcTemplate jdbc, ContactKeys keys, Column column) {
        record Clear(long id, long contactId, String value) {}
        String update = "update " + column.table() + " set " + column.sealed() + " = :sealed, " + column.plain()
                + " = null where id = :id";
        long after = 0;
        int encrypted = 0;
        while (true) {
            List<Clear> page = jdbc.query(
                    column.rows(),
                    new MapSqlParameterSource("after", after).addValue("page", PAGE),
                    (rs, i) -> new Clear(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            List<MapSqlParameterSource> updates = new ArrayList<>(page.size());
            for (Clear clear : page) {
                updates.add(new MapSqlParameterSource("id", clear.id())
                        .addValue(
                                "sealed", keys.forContact(clear.contactId()).seal(clear.value(), column.associated())));
                after = clear.id();
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(update, updates.toArray(MapSqlParameterSource[]::new));
            }
            encrypted += page.size();
            if (page.size() < PAGE) {
                return encrypted;
            }
        }
    }
}
