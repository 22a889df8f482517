package io.carehub.subjectaccess;

import io.carehub.access.Caller;
import io.carehub.access.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R50: owner of the table {@code access_export}: who exported which contact, when, and its progress. Progress is
 * written in a transaction of its own, committed at once, while the export itself reads in its read-only snapshot,
 * so a privacy officer (on any instance) sees it move.
 */
@Component
class AccessExports {

    /** The export as its status API shows it. */
    record Status(
            UUID id,
            String state,
            String requestedBy,
            long messagesTotal,
            long messagesDone,
            long rowsDone,
            long attachmentBytesTotal,
            long attachmentBytesDone,
            long archiveBytes,
            Instant startedAt,
            Instant updatedAt,
            Instant finishedAt) {}

    /** The counters of a running export. */
    record Counts(long messagesDone, long rowsDone, long attachmentBytesDone, long archiveBytes) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AccessExports(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    UUID start(long contactId, Caller caller, Role role, long messagesTotal, long attachmentBytesTotal) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                """
                insert into access_export (id, contact_id, user_id, role, state, messages_total, attachment_bytes_total,
                                           started_at, updated_at)
                values (:id, :contact, :user, :role, 'RUNNING', :messages, :bytes, :now, :now)""",
                new MapSqlParameterSource("id", id)
                        .addValue("contact", contactId)
                        .addValue("user", caller.id())
                        .addValue("role", role.claimValue())
                        .addValue("messages", messagesTotal)
                        .addValue("bytes", attachmentBytesTotal)
                        .addValue("now", now));
        return id;
    }

    void progress(UUID id, Counts counts) {
        update(id, counts, "RUNNING", false);
    }

    void finished(UUID id, Counts counts, boolean done) {
        update(id, counts, done ? "DONE" : "FAILED", true);
    }

    Optional<Status> find(UUID id) {
        return jdbc
                .query("""
                        select id, state, user_id, messages_total, messages_done, rows_done, attachment_bytes_total,
                               attachment_bytes_done, archive_bytes, started_at, updated_at, finished_at
                          from access_export where id = :id""", new MapSqlParameterSource("id", id), (rs, i) -> {
                    Timestamp finished = rs.getTimestamp(12);
                    return new Status(
                            rs.getObject(1, UUID.class),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getTimestamp(10).toInstant(),
                            rs.getTimestamp(11).toInstant(),
                            finished == null ? null : finished.toInstant());
                })
                .stream()
                .findFirst();
    }

    private void update(UUID id, Counts counts, String state, boolean finished) {
        Timestamp now = Timestamp.from(clock.instant());
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                """
                update access_export
                   set state = :state, messages_done = :messages, rows_done = :rows,
                       attachment_bytes_done = :attachmentBytes, archive_bytes = :archiveBytes, updated_at = :now,
                       finished_at = case when :finished then cast(:now as timestamptz) end
                 where id = :id""",
                new MapSqlParameterSource("id", id)
                        .addValue("state", state)
                        .addValue("messages", counts.messagesDone())
                        .addValue("rows", counts.rowsDone())
                        .addValue("attachmentBytes", counts.attachmentBytesDone())
                        .addValue("archiveBytes", counts.archiveBytes())
                        .addValue("now", now)
                        .addValue("finished", finished)));
    }
}
