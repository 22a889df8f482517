package io.carehub.crypto;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * R19 upgrade: a Flyway Java migration that encrypts what an older version stored in clear. A Spring bean so that
 * it gets the hub's KEK; Flyway runs it at start-up inside its own transaction, over the migration's connection
 * (the application's JdbcTemplate waits for Flyway). No checksum: the SQL migrations around it guard the schema.
 */
public abstract class EncryptingMigration implements JavaMigration {

    private final String version;
    private final String description;

    protected EncryptingMigration(String version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    /** The migration's connection (not closed here) as a template. */
    protected static NamedParameterJdbcTemplate jdbcOf(Context context) {
        return new NamedParameterJdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
    }
}
