package io.carehub.documentation;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R4/R5/R40: owner of the tables {@code message_status} (every status once per status id and status) and
 * {@code billing_record} (Meta's conversation and pricing data of a status); both are written from one
 * status webhook update. The other tables' owners are listed in {@link Contacts}.
 */
@Component
public class Statuses {

    private final NamedParameterJdbcTemplate jdbc;

    Statuses(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** R5: records the statuses set-based; returns the keys ({@link StatusUpdate#key()}) recorded now. */
    Set<String> record(List<StatusUpdate> rows) {
        Set<String> fresh = new HashSet<>();
        jdbc.query(
                """
                insert into message_status (wamid, status, status_at, errors)
                select s.wamid, s.status, s.at, cast(s.errors as jsonb)
                  from unnest(cast(:wamids as text[]), cast(:states as text[]), cast(:at as timestamptz[]),
                              cast(:errors as text[])) with ordinality as s(wamid, status, at, errors, ord)
                 order by s.ord
                on conflict (wamid, status) do nothing
                returning wamid, status""",
                new MapSqlParameterSource()
                        .addValue(
                                "wamids", rows.stream().map(StatusUpdate::wamid).toArray(String[]::new))
                        .addValue(
                                "states", rows.stream().map(StatusUpdate::state).toArray(String[]::new))
                        .addValue(
                                "at", rows.stream().map(r -> r.at().toString()).toArray(String[]::new))
                        .addValue(
                                "errors",
                                rows.stream().map(StatusUpdate::errors).toArray(String[]::new)),
                rs -> {
                    fresh.add(rs.getString(1) + ":" + rs.getString(2));
                });
        return fresh;
    }

    /** R40: conversation and pricing data of the recorded statuses that carry them. */
    void recordBilling(List<StatusUpdate> recorded) {
        List<StatusUpdate> billed =
                recorded.stream().filter(StatusUpdate::billed).toList();
        if (billed.isEmpty()) {
            return;
        }
        jdbc.update(
                """
                insert into billing_record (wamid, status, conversation_ref, origin_type, expires_at, billable,
                                            pricing_model, category, pricing_type, status_at)
                select * from unnest(cast(:wamids as text[]), cast(:states as text[]), cast(:refs as text[]),
                                     cast(:origins as text[]), cast(:expires as timestamptz[]), cast(:billable as boolean[]),
                                     cast(:models as text[]), cast(:categories as text[]), cast(:ptypes as text[]),
                                     cast(:at as timestamptz[]))
                on conflict (wamid, status) do nothing""",
                new MapSqlParameterSource()
                        .addValue(
                                "wamids",
                                billed.stream().map(StatusUpdate::wamid).toArray(String[]::new))
                        .addValue(
                                "states",
                                billed.stream().map(StatusUpdate::state).toArray(String[]::new))
                        .addValue("refs", texts(billed, StatusUpdate::conversationRef))
                        .addValue("origins", texts(billed, StatusUpdate::originType))
                        .addValue("expires", texts(billed, StatusUpdate::expiresAt))
                        .addValue(
                                "billable",
                                billed.stream().map(StatusUpdate::billable).toArray(Boolean[]::new))
                        .addValue("models", texts(billed, StatusUpdate::pricingModel))
                        .addValue("categories", texts(billed, StatusUpdate::category))
                        .addValue("ptypes", texts(billed, StatusUpdate::pricingType))
                        .addValue(
                                "at",
                                billed.stream().map(r -> r.at().toString()).toArray(String[]::new)));
    }

    private static String[] texts(List<StatusUpdate> rows, Function<StatusUpdate, String> field) {
        return rows.stream().map(field).map(StorableText::of).toArray(String[]::new);
    }

    // ---- erasure (i15-erasure) ----

    /** R33: deletes the delivery statuses and billing rows of the conversations' messages; returns both counts. */
    public int[] deleteOfConversations(List<Long> conversationIds) {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", conversationIds.toArray(Long[]::new));
        int statuses = jdbc.update("""
                delete from message_status where wamid in (select wamid from message
                                                          where conversation_id = any(cast(:ids as bigint[])))""", ids);
        int billing = jdbc.update("""
                delete from billing_record where wamid in (select wamid from message
                                                          where conversation_id = any(cast(:ids as bigint[])))""", ids);
        return new int[] {statuses, billing};
    }

    // i15-retention: three-month purge (R30)

    /** R30: deletes up to {@code limit} delivery statuses stored before {@code cutoff}. */
    public int purgeStatusesStoredBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from message_status where id in (
                  select id from message_status where documented_at < :cutoff limit :limit)""", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("limit", limit));
    }

    /** R30/R40: deletes up to {@code limit} billing rows stored before {@code cutoff}. */
    public int purgeBillingStoredBefore(Instant cutoff, int limit) {
        return jdbc.update("""
                delete from billing_record where id in (
                  select id from billing_record where documented_at < :cutoff limit :limit)""", new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("limit", limit));
    }

    // ---- access-request export (R50) ----

    /** R50: a delivery status of one of the contact's messages, as stored. */
    public record ExportedStatus(
            String wamid,
            String status,
            Instant statusAt,
            @JsonRawValue String errors,
            Instant documentedAt) {}

    /** R50: the billing metadata of one of the contact's messages, as stored. */
    public record ExportedBilling(
            String wamid,
            String status,
            String conversationRef,
            String originType,
            Instant expiresAt,
            Boolean billable,
            String pricingModel,
            String category,
            String pricingType,
            Instant statusAt) {}

    /** R50: streams the statuses of the contact's messages (run inside {@link StreamingReads#inSnapshot}). */
    public void exportStatusesOf(long contactId, Consumer<ExportedStatus> each) {
        StreamingReads.of(jdbc).query("""
                        select s.wamid, s.status, s.status_at, s.errors::text, s.documented_at
                          from message_status s
                          join message m on m.wamid = s.wamid
                          join conversation c on c.id = m.conversation_id
                         where c.contact_id = :contact
                         order by s.id""", new MapSqlParameterSource("contact", contactId), rs -> {
            each.accept(new ExportedStatus(
                    rs.getString(1),
                    rs.getString(2),
                    exportInstant(rs.getTimestamp(3)),
                    rs.getString(4),
                    exportInstant(rs.getTimestamp(5))));
        });
    }

    /** R50: streams the billing metadata of the contact's messages (run inside {@link StreamingReads#inSnapshot}). */
    public void exportBillingOf(long contactId, Consumer<ExportedBilling> each) {
        StreamingReads.of(jdbc).query("""
                        select b.wamid, b.status, b.conversation_ref, b.origin_type, b.expires_at, b.billable,
                               b.pricing_model, b.category, b.pricing_type, b.status_at
                          from billing_record b
                          join message m on m.wamid = b.wamid
                          join conversation c on c.id = m.conversation_id
                         where c.contact_id = :contact
                         order by b.id""", new MapSqlParameterSource("contact", contactId), rs -> {
            each.accept(new ExportedBilling(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    exportInstant(rs.getTimestamp(5)),
                    (Boolean) rs.getObject(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    exportInstant(rs.getTimestamp(10))));
        });
    }

    private static Instant exportInstant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    // i18-redrive: troubleshooting and the billing report in the ops API (R40, R45), metadata only

    /** R45: one status of a message: when, and Meta's error codes (never the error texts). */
    public record StatusEntry(String status, Instant statusAt, Instant documentedAt, List<Integer> errorCodes) {}

    /** R45: the message's statuses in the order they were documented. */
    public List<StatusEntry> history(String wamid) {
        return jdbc.query(
                """
                select status, status_at, documented_at,
                       coalesce((select array_agg((e ->> 'code')::int)
                                   from jsonb_array_elements(case when jsonb_typeof(errors) = 'array' then errors
                                                                  else '[]'::jsonb end) e
                                  where e ->> 'code' ~ '^[0-9]{1,9}$'), '{}')
                  from message_status where wamid = :wamid order by id""",
                new MapSqlParameterSource("wamid", wamid),
                (rs, i) -> new StatusEntry(
                        rs.getString(1),
                        exportInstant(rs.getTimestamp(2)),
                        exportInstant(rs.getTimestamp(3)),
                        List.of((Integer[]) rs.getArray(4).getArray())));
    }

    /** R40/R45: the billing metadata of a message's statuses. */
    public List<ExportedBilling> billingOf(String wamid) {
        return jdbc.query(
                """
                select wamid, status, conversation_ref, origin_type, expires_at, billable, pricing_model, category,
                       pricing_type, status_at
                  from billing_record where wamid = :wamid order by id""",
                new MapSqlParameterSource("wamid", wamid),
                (rs, i) -> new ExportedBilling(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        exportInstant(rs.getTimestamp(5)),
                        (Boolean) rs.getObject(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        exportInstant(rs.getTimestamp(10))));
    }

    /**
     * R40: one line of the billing report: a UTC day, Meta's pricing model and category, and how many charges
     * were billable and free.
     */
    public record BillingLine(LocalDate day, String pricingModel, String category, long billable, long free) {}

    /**
     * R40: charges whose first status came in [from, to), per UTC day, pricing model and category. What is one
     * charge follows the model: CBP (conversation-based) bills per conversation, so all statuses with one
     * conversation id count once; PMP (per-message) and any other model bill per message, so all statuses of one
     * wamid count once. A charge is billable when any of its statuses said billable. A conversation's statuses come
     * within its 24 h, so the day before {@code from} is read to find charges that began earlier.
     */
    public List<BillingLine> billingReport(Instant from, Instant to) {
        return jdbc.query(
                """
                with charge as (
                  select pricing_model,
                         min(status_at) as first_at,
                         (array_agg(category order by status_at, id))[1] as category,
                         coalesce(bool_or(billable), false) as billable
                    from billing_record
                   where status_at >= cast(:from as timestamptz) - interval '1 day' and status_at < :to
                   group by pricing_model,
                            case when pricing_model = 'CBP' then coalesce(conversation_ref, wamid) else wamid end)
                select cast(first_at at time zone 'UTC' as date), coalesce(pricing_model, 'unknown'),
                       coalesce(category, 'unknown'), count(*) filter (where billable), count(*) filter (where not billable)
                  from charge
                 where first_at >= :from
                 group by 1, 2, 3
                 order by 1, 2, 3""",
                new MapSqlParameterSource()
                        .addValue("from", Timestamp.from(from))
                        .addValue("to", Timestamp.from(to)),
                (rs, i) -> new BillingLine(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5)));
    }
}
