package io.carehub.crypto;

import java.sql.Connection;
import java.time.Clock;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * R19: contact keys for a data migration that runs inside Flyway (e.g. encrypting what an older version stored in
 * clear). Flyway runs before the application's JdbcTemplate exists (it waits for Flyway), so such a migration
 * reaches {@code contact_key} over its own connection, in its own transaction. It creates and uses data keys; it
 * never destroys one (that needs {@link ContactKeys#destroy}'s audit, which is not available here).
 */
public final class MigrationKeys {

    private MigrationKeys() {}

    /** Keys read and created over {@code connection} (not closed here), wrapped by the configured KEK. */
    public static ContactKeys over(Connection connection, CryptoProperties properties, Clock clock) {
        NamedParameterJdbcTemplate jdbc =
                new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
        return new ContactKeys(properties, jdbc, null, clock);
    }
}
