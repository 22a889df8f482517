package io.carehub.consent;

import io.carehub.holidays.PublicHolidays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R14/R33/R49: owner of the table {@code erasure_request}: a contact handed to erasure, one open request per contact
 * (a second source joins it), due five working days after the request; the erasure executor records its progress
 * here step by step. The other tables' owners are listed in {@code documentation.Contacts}.
 */
@Component
public class ErasureRequests {

    /** R14: the customer declined the privacy notice. */
    public static final String NOTICE_DECLINED = "NOTICE_DECLINED";
    /** R49: the customer withdrew consent in the chat (typed words or the withdraw button). */
    public static final String WITHDRAWN_IN_CHAT = "WITHDRAWN_IN_CHAT";
    /** R33: the customer opted out of further contact in the chat. */
    public static final String OPT_OUT = "OPT_OUT";
    /** R33/R49: a privacy officer filed the customer's request through the API. */
    public static final String PRIVACY_OFFICER = "PRIVACY_OFFICER";
    /** R33: the erasure ledger found an erased contact again (a restored backup). */
    public static final String LEDGER = "LEDGER";

    /** Where the executor is with a request; each step commits with its audit rows. */
    public enum Step {
        REQUESTED,
        DECIDED,
        TRANSCRIPTS_KEPT,
        HISTORY_DELETED,
        CONTACT_DELETED
    }

    public enum Status {
        PENDING,
        ARCHIVE_HOLD,
        DONE,
        CANCELLED
    }

    /** R49: the legal basis of the contact's data, decided by the executor. */
    public enum LegalBasis {
        /** Art. 6(1)(a) GDPR: the accepted notice. */
        CONSENT,
        /** Art. 6(1)(b) GDPR: a legitimated customer. */
        CONTRACT
    }

    public record Request(
            long id,
            long contactId,
            String reason,
            Instant requestedAt,
            Instant dueBy,
            Status status,
            Step step,
            LegalBasis legalBasis,
            Instant holdUntil,
            Instant completedAt,
            String requestedBy) {}

    /** Pending requests past their due date: how many, and the oldest due date (null when none). */
    public record Overdue(long count, Instant oldestDue) {}

    private static final String COLUMNS = """
            id, contact_id, reason, requested_at, due_by, status, step, legal_basis, hold_until, completed_at,
            requested_by""";
    private static final int WORKING_DAYS = 5; // R33, the notice's „innerhalb von 5 Werktagen“

    private final NamedParameterJdbcTemplate jdbc;
    private final PublicHolidays holidays;

    ErasureRequests(NamedParameterJdbcTemplate jdbc, PublicHolidays holidays) {
        this.jdbc = jdbc;
        this.holidays = holidays;
    }

    void request(long contactId, String reason, Instant at) {
        request(contactId, reason, "customer", at);
    }

    // ---- erasure (i15-erasure) ----

    /** Files a request due five working days after {@code at}; returns the contact's open request (new or joined). */
    public Request request(long contactId, String reason, String requestedBy, Instant at) {
        jdbc.update(
                """
                insert into erasure_request (contact_id, reason, requested_at, due_by, requested_by)
                values (:contact, :reason, :now, :due, :by)
                on conflict (contact_id) where status in ('PENDING', 'ARCHIVE_HOLD') do nothing""",
                new MapSqlParameterSource()
                        .addValue("contact", contactId)
                        .addValue("reason", reason)
                        .addValue("now", Timestamp.from(at))
                        .addValue("due", Timestamp.from(holidays.endOfWorkingDays(at, WORKING_DAYS)))
                        .addValue("by", requestedBy));
        return jdbc.queryForObject(
                "select " + COLUMNS + " " + """
                         from erasure_request where contact_id = :contact and status in ('PENDING', 'ARCHIVE_HOLD')""", Map.of("contact", contactId), ErasureRequests::request);
    }

    public Optional<Request> find(long id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from erasure_request where id = :id",
                        Map.of("id", id),
                        ErasureRequests::request)
                .stream()
                .findFirst();
    }

    /** The open requests, soonest due first. */
    public List<Request> open(int limit) {
        return jdbc.query("select " + COLUMNS + " " + """
                         from erasure_request where status in ('PENDING', 'ARCHIVE_HOLD') order by due_by, id limit :limit""", Map.of("limit", limit), ErasureRequests::request);
    }

    /** What the executor carries out now: pending requests, and held ones whose archive period has ended. */
    public List<Request> runnable(Instant now, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " " + """
                         from erasure_request
                        where status = 'PENDING' or (status = 'ARCHIVE_HOLD' and hold_until <= :now)
                        order by due_by, id limit :limit""",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit),
                ErasureRequests::request);
    }

    public void decided(long id, LegalBasis basis) {
        jdbc.update(
                "update erasure_request set legal_basis = :basis, step = 'DECIDED' where id = :id and step = 'REQUESTED'",
                new MapSqlParameterSource("id", id).addValue("basis", basis.name()));
    }

    public void advance(long id, Step step) {
        jdbc.update(
                "update erasure_request set step = :step where id = :id",
                new MapSqlParameterSource("id", id).addValue("step", step.name()));
    }

    /** R31: the customer's archived records stay until {@code until}; the request waits for them. */
    public void hold(long id, Instant until) {
        jdbc.update(
                "update erasure_request set status = 'ARCHIVE_HOLD', hold_until = :until where id = :id",
                new MapSqlParameterSource("id", id).addValue("until", Timestamp.from(until)));
    }

    public void done(long id, Instant at) {
        jdbc.update("""
                update erasure_request set status = 'DONE', step = 'CONTACT_DELETED', completed_at = :at, hold_until = null
                 where id = :id""", new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(at)));
    }

    /** R33: pending requests past their due date (metric and health). */
    public Overdue overdue(Instant now) {
        return jdbc.queryForObject(
                """
                select count(*), min(due_by) from erasure_request where status = 'PENDING' and due_by < :now""",
                Map.of("now", Timestamp.from(now)),
                (rs, i) -> new Overdue(rs.getLong(1), instant(rs.getTimestamp(2))));
    }

    private static Request request(ResultSet rs, int row) throws SQLException {
        String basis = rs.getString(8);
        return new Request(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                instant(rs.getTimestamp(4)),
                instant(rs.getTimestamp(5)),
                Status.valueOf(rs.getString(6)),
                Step.valueOf(rs.getString(7)),
                basis == null ? null : LegalBasis.valueOf(basis),
                instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)),
                rs.getString(11));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // ---- access-request export (R50) ----

    /** R50: one erasure request as stored. */
    public record Exported(long id, String reason, Instant requestedAt, Instant dueBy, String status) {}

    /** R50: the contact's erasure requests, oldest first. */
    public void exportOf(long contactId, Consumer<Exported> each) {
        jdbc.query("""
                select id, reason, requested_at, due_by, status
                  from erasure_request where contact_id = :contact order by requested_at, id""", new MapSqlParameterSource("contact", contactId), rs -> {
            Timestamp due = rs.getTimestamp(4);
            each.accept(new Exported(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    due == null ? null : due.toInstant(),
                    rs.getString(5)));
        });
    }
}
