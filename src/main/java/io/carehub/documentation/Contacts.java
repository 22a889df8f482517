package io.carehub.documentation;

import io.carehub.crypto.LookupHash;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R17/R52: owner of the table {@code contact} (the customer's phone number and business-scoped user ID, both
 * linked on one row when known, username and profile name, and when the privacy notice was last sent). Every
 * statement that writes it lives here.
 *
 * <p>Table owners (one class holds all SQL of its tables): {@code contact} → {@code Contacts};
 * {@code conversation} → {@link Conversations} (writes, state machine) and {@link ConversationQueries} (reads);
 * {@code message} → {@link Messages} and {@link MessageHistory} (history and export reads);
 * {@code message_status}, {@code billing_record} → {@link Statuses}; {@code attachment} →
 * {@link Attachments}; {@code rejected_update} → {@link RejectedUpdates}; {@code customer_identity} →
 * {@link CustomerIdentities}; {@code consent_record} → {@code consent.Consents}; {@code erasure_request}
 * → {@code consent.ErasureRequests}; {@code agent_action} → {@code routing.AgentActions};
 * {@code dialog}, {@code dialog_log} → {@code dialog.Dialogs}; {@code deletion_audit} →
 * {@code privacy.DeletionAudit}; {@code pseudonym_session}, {@code pseudonym} → {@code privacy.PseudonymVault};
 * {@code access_log} → {@code access.AccessLog}; {@code contact_key} → {@code crypto.ContactKeys}.
 * A read may join a neighbour table for its columns where that saves a round trip on a hot path; the
 * owner of the rows it returns holds it.
 */
@Component
public class Contacts {

    private static final Logger LOG = LoggerFactory.getLogger(Contacts.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupHash lookupHash;

    Contacts(NamedParameterJdbcTemplate jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    /**
     * R52: finds or creates the contact of each identity and links what is new (a BSUID to a contact known by phone
     * number, a phone number to one known by BSUID); returns the contact ids by {@link CustomerIdentity#key()}.
     * Identities without a BSUID take the set-based upsert by phone number; those with one are resolved one by one,
     * in BSUID order so that concurrent batches lock in one order.
     */
    Map<String, Long> resolve(Collection<CustomerIdentity> identities) {
        TreeMap<String, String> byPhone = new TreeMap<>();
        TreeMap<String, CustomerIdentity> byUserId = new TreeMap<>();
        for (CustomerIdentity identity : identities) {
            if (identity.userId() == null) {
                String name = identity.profileName();
                byPhone.put(identity.waId(), name != null ? name : byPhone.get(identity.waId()));
            } else {
                byUserId.merge(identity.userId(), identity, CustomerIdentity::merge);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        if (!byPhone.isEmpty()) {
            upsert(byPhone).forEach((waId, id) -> ids.put("p:" + waId, id));
        }
        byUserId.forEach((userId, identity) -> ids.put("u:" + userId, resolveLinked(identity)));
        return ids;
    }

    private record Row(long id, String waId, String userId) {}

    /** R52: one customer named by BSUID (and perhaps phone number): the BSUID wins, the phone number is linked. */
    private long resolveLinked(CustomerIdentity identity) {
        for (int attempt = 0; attempt < 2; attempt++) {
            List<Row> rows = jdbc.query(
                    """
                    select id, wa_id, user_id from contact
                     where user_id = :userId or wa_id = cast(:waId as text)
                     order by id for update""",
                    new MapSqlParameterSource("userId", identity.userId()).addValue("waId", identity.waId()),
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
            Row byUser = rows.stream()
                    .filter(r -> identity.userId().equals(r.userId()))
                    .findFirst()
                    .orElse(null);
            Row byPhone = identity.waId() == null
                    ? null
                    : rows.stream()
                            .filter(r -> identity.waId().equals(r.waId()))
                            .findFirst()
                            .orElse(null);
            if (byPhone != null && byUser != null && byPhone.id() != byUser.id() && byPhone.userId() == null) {
                // two contacts for one customer (first seen by phone number alone, then by BSUID alone): not merged
                LOG.warn(
                        "contacts {} and {} name the same customer: contact {} is used",
                        byPhone.id(),
                        byUser.id(),
                        byUser.id());
                updateLinked(byUser.id(), identity, false);
                return byUser.id();
            }
            if (byPhone != null && byPhone.userId() != null && !byPhone.userId().equals(identity.userId())) {
                // the phone number now belongs to another BSUID: it moves, the old contact keeps its BSUID
                jdbc.update(
                        "update contact set wa_id = null, wa_id_hash = null, updated_at = now() where id = :id",
                        Map.of("id", byPhone.id()));
                byPhone = null;
            }
            Row target = byUser != null ? byUser : byPhone;
            if (target != null) {
                updateLinked(target.id(), identity, true);
                return target.id();
            }
            List<Long> inserted = jdbc.queryForList("""
                    insert into contact (wa_id, wa_id_hash, phone_number, user_id, user_id_hash, parent_user_id, username,
                                         profile_name)
                    values (:waId, :waIdHash, :waId, :userId, :userIdHash, :parent, :username, :name)
                    on conflict do nothing returning id""", parameters(identity), Long.class);
            if (!inserted.isEmpty()) {
                return inserted.get(0);
            }
        }
        throw new IllegalStateException("contact could not be resolved (concurrent change)");
    }

    private void updateLinked(long id, CustomerIdentity identity, boolean withPhone) {
        jdbc.update(
                """
                update contact
                   set wa_id = coalesce(cast(:waId as text), wa_id), phone_number = coalesce(cast(:waId as text), phone_number),
                       wa_id_hash = coalesce(cast(:waIdHash as bytea), wa_id_hash),
                       user_id = :userId, user_id_hash = :userIdHash, parent_user_id = coalesce(cast(:parent as text), parent_user_id),
                       username = coalesce(cast(:username as text), username),
                       profile_name = coalesce(cast(:name as text), profile_name), updated_at = now()
                 where id = :id""",
                parameters(identity)
                        .addValue("id", id)
                        .addValue("waId", withPhone ? identity.waId() : null)
                        .addValue("waIdHash", withPhone ? lookupHash.of(identity.waId()) : null));
    }

    private MapSqlParameterSource parameters(CustomerIdentity identity) {
        return new MapSqlParameterSource("waId", identity.waId())
                .addValue("waIdHash", lookupHash.of(identity.waId()))
                .addValue("userId", identity.userId())
                .addValue("userIdHash", lookupHash.of(identity.userId()))
                .addValue("parent", identity.parentUserId())
                .addValue("username", identity.username())
                .addValue("name", identity.profileName());
    }

    /**
     * R52: {@code user_changed_number} / {@code user_changed_user_id}: the contact found by its old identifiers takes
     * the new ones, keeping its history, consent and erasure state. A new identifier another contact holds already
     * is not taken (logged without it).
     */
    void relink(CustomerIdentity.IdentifierChange change) {
        int changed = jdbc.update(
                """
                update contact k
                   set wa_id = coalesce(cast(:newWaId as text), k.wa_id),
                       wa_id_hash = coalesce(cast(:newWaIdHash as bytea), k.wa_id_hash),
                       phone_number = coalesce(cast(:newWaId as text), k.phone_number),
                       user_id = coalesce(cast(:newUserId as text), k.user_id),
                       user_id_hash = coalesce(cast(:newUserIdHash as bytea), k.user_id_hash), updated_at = now()
                 where k.id = (select o.id from contact o
                                where o.user_id = cast(:oldUserId as text) or o.wa_id = cast(:oldWaId as text)
                                order by (o.user_id = cast(:oldUserId as text)) desc nulls last, o.id limit 1)
                   and not exists (select 1 from contact n
                                    where n.id <> k.id
                                      and (n.wa_id = cast(:newWaId as text) or n.user_id = cast(:newUserId as text)))""",
                new MapSqlParameterSource("oldWaId", change.oldWaId())
                        .addValue("oldUserId", change.oldUserId())
                        .addValue("newWaId", change.newWaId())
                        .addValue("newWaIdHash", lookupHash.of(change.newWaId()))
                        .addValue("newUserId", change.newUserId())
                        .addValue("newUserIdHash", lookupHash.of(change.newUserId())));
        if (changed == 0) {
            LOG.info("identifier change for an unknown contact, or its new identifier is taken: nothing re-linked");
        }
    }

    /**
     * Upserts contacts (wa_id → profile name, null keeps the stored name) in one statement and returns their
     * ids by wa_id. The map is sorted by wa_id so concurrent batches lock in one order. Keys and names must
     * be storable already.
     */
    private Map<String, Long> upsert(SortedMap<String, String> profileNames) {
        Map<String, Long> contactIds = new HashMap<>();
        jdbc.query(
                """
                insert into contact (wa_id, wa_id_hash, phone_number, profile_name)
                select c.wa_id, decode(c.hash, 'hex'), c.wa_id, c.name
                  from unnest(cast(:waIds as text[]), cast(:hashes as text[]), cast(:names as text[]))
                       with ordinality as c(wa_id, hash, name, ord)
                 order by c.ord
                on conflict (wa_id) do update
                   set profile_name = coalesce(excluded.profile_name, contact.profile_name),
                       updated_at = case when excluded.profile_name is distinct from contact.profile_name
                                              and excluded.profile_name is not null
                                         then now() else contact.updated_at end
                returning id, wa_id""",
                new MapSqlParameterSource()
                        .addValue("waIds", profileNames.keySet().toArray(String[]::new))
                        .addValue(
                                "hashes",
                                profileNames.keySet().stream()
                                        .map(waId -> HexFormat.of().formatHex(lookupHash.of(waId)))
                                        .toArray(String[]::new))
                        .addValue("names", profileNames.values().toArray(String[]::new)),
                rs -> {
                    contactIds.put(rs.getString(2), rs.getLong(1));
                });
        return contactIds;
    }

    /**
     * R14: claims the right to send the privacy notice now; false when it was sent after {@code repeatAfter}
     * (by this or another instance).
     */
    public boolean claimNotice(long contactId, Instant now, Instant repeatAfter) {
        return jdbc.update(
                        """
                update contact set notice_sent_at = :now
                 where id = :contact and (notice_sent_at is null or notice_sent_at <= :repeatAfter)""",
                        new MapSqlParameterSource()
                                .addValue("contact", contactId)
                                .addValue("now", Timestamp.from(now))
                                .addValue("repeatAfter", Timestamp.from(repeatAfter)))
                == 1;
    }

    /** R14: the notice was not sent after all (window closed): the next message tries again. */
    public void forgetNotice(long contactId) {
        jdbc.update("update contact set notice_sent_at = null where id = :contact", Map.of("contact", contactId));
    }

    // ---- access-request export (R50) ----

    /** R50: the contact as stored. */
    public record Exported(
            long id,
            String waId,
            String phoneNumber,
            String userId,
            String parentUserId,
            String username,
            String profileName,
            Instant noticeSentAt,
            Instant createdAt,
            Instant updatedAt) {}

    /** R50: the contact a privacy officer names by WhatsApp id or BSUID, found by the identifier's keyed hash. */
    public Optional<Exported> exported(String identifier) {
        return jdbc
                .query(
                        """
                        select id, wa_id, phone_number, user_id, parent_user_id, username, profile_name, notice_sent_at,
                               created_at, updated_at
                          from contact where wa_id_hash = :hash or user_id_hash = :hash""",
                        new MapSqlParameterSource("hash", lookupHash.of(identifier)),
                        (rs, i) -> new Exported(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                exportInstant(rs.getTimestamp(8)),
                                exportInstant(rs.getTimestamp(9)),
                                exportInstant(rs.getTimestamp(10))))
                .stream()
                .findFirst();
    }

    private static Instant exportInstant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
