package io.carehub.documentation;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.Timestamp;
import java.time.Instant;
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
}
