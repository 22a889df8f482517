package io.carehub.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * R35: owner of the table {@code deletion_audit}: every deletion is audited with what kind, how many, when
 * and why — never the content. The other tables' owners are listed in {@code documentation.Contacts}.
 * R42: the hub's audited deletions also count in {@code carehub.deletions{kind, reason}} (retention, erasure, keys).
 */
@Component
public class DeletionAudit {

    private final NamedParameterJdbcTemplate jdbc;
    private final MeterRegistry registry;

    /** Without metrics (command-line tools). */
    DeletionAudit(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, (MeterRegistry) null);
    }

    @Autowired
    DeletionAudit(NamedParameterJdbcTemplate jdbc, ObjectProvider<MeterRegistry> registry) {
        this(jdbc, registry.getIfAvailable());
    }

    private DeletionAudit(NamedParameterJdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** {@code reference} names what was deleted from (e.g. "dialog &lt;id&gt;"), never personal data. */
    public void record(String kind, int count, String reason, String reference, Instant at) {
        jdbc.update(
                """
                insert into deletion_audit (kind, item_count, reason, reference, deleted_at)
                values (:kind, :count, :reason, :reference, :now)""",
                new MapSqlParameterSource()
                        .addValue("kind", kind)
                        .addValue("count", count)
                        .addValue("reason", reason)
                        .addValue("reference", reference)
                        .addValue("now", Timestamp.from(at)));
        count(kind, count, reason);
    }

    /** Counted once the deletion's transaction committed (a rolled-back batch deleted nothing). */
    private void count(String kind, int count, String reason) {
        if (registry == null || count <= 0) {
            return;
        }
        Runnable increment = () -> Counter.builder("carehub.deletions")
                .description("Rows and keys deleted and audited (R30-R35), by kind and reason")
                .tag("kind", kind)
                .tag("reason", reason)
                .register(registry)
                .increment(count);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    increment.run();
                }
            });
        } else {
            increment.run();
        }
    }
}
