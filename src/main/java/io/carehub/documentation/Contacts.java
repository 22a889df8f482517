package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.LookupHash;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
 * <p>Table owners (one class holds all SQL of its tables): {@code contact} → {@code Contacts} (writes) and
 * {@link ContactQueries} (reads);
 * {@code conversation} → {@link Conversations} (writes, state machine), {@link ConversationRetention} (withdrawal,
 * erasure, archive, purge) and {@link ConversationQueries} (reads);
 * {@code message} → {@link Messages} (writes), {@link MessageQueries} (reads) and {@link MessageHistory} (history
 * and export reads);
 * {@code message_status}, {@code billing_record} → {@link Statuses}; {@code attachment} →
 * {@link Attachments} (writes) and {@link AttachmentQueries} (reads); {@code attachment_chunk} → {@link AttachmentChunks}; {@code rejected_update} → {@link RejectedUpdates}; {@code customer_identity} →
 * {@link CustomerIdentities}; {@code consent_record} → {@code consent.Consents}; {@code erasure_request}
 * → {@code consent.ErasureRequests}; {@code agent_action} → {@code routing.AgentActions};
 * {@code dialog}, {@code dialog_log} → {@code dialog.Dialogs}; {@code deletion_audit} →
 * {@code privacy.DeletionAudit}; {@code pseudonym_session}, {@code pseudonym} → {@code privacy.PseudonymVault};
 * {@code access_log} → {@code access.AccessLog}; {@code contact_key} → {@code crypto.ContactKeys};
 * {@code unattributed_key} → {@code crypto.UnattributedKeys}; {@code upload_link} → {@code upload.UploadLinks};
 * {@code legitimation_link} → {@code legitimation.LegitimationLinks}; {@code page_attempt} →
 * {@code legitimation.AttemptLimiter}; {@code job_runner} → {@code ops.JobLocks};
 * {@code send_rate} → {@code whatsapp.GraphRateLimiter}. R19: each owner encrypts the content and identity
 * columns of its table with the contact's key ({@code crypto.ContactCipher}, associated data "table.column") and
 * decrypts them in its reads; contacts are looked up by the keyed hashes {@code wa_id_hash} / {@code user_id_hash}.
 * A read may join a neighbour table for its columns where that saves a round trip on a hot path; the
 * owner of the rows it returns holds it. Row mappers and sealing may sit in small collaborators that run no SQL
 * ({@link ConversationRows}, {@link ContactRows}, {@link ContactSealing}, {@link AttachmentRows},
 * {@link MessageRows}, {@link MessageSealing}).
 */
@Component
public class Contacts {

    private static final Logger LOG = LoggerFactory.getLogger(Contacts.class);

    /** R19: associated data of the encrypted columns. */
    static final String PHONE_NUMBER = "contact.phone_number";

    static final String USER_ID = "contact.user_id";
    static final String PARENT_USER_ID = "contact.parent_user_id";
    static final String USERNAME = "contact.username";
    static final String PROFILE_NAME = "contact.profile_name";

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final ContactKeys keys;

    Contacts(NamedParameterJdbcTemplate jdbc, LookupHash lookupHash, ContactKeys keys) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.keys = keys;
    }

    /**
     * R52: finds or creates the contact of each identity and links what is new (a BSUID to a contact known by phone
     * number, a phone number to one known by BSUID); returns the contact ids by {@link CustomerIdentity#key()}.
     * Identities without a BSUID take the set-based upsert by phone number; those with one are resolved one by one,
     * in BSUID order so that concurrent batches lock in one order. R19: contacts are found by the keyed hashes of
     * their identifiers; the identifiers and names are stored encrypted with the contact's key.
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

    private record Row(long id, byte[] waIdHash, byte[] userIdHash) {}

    /** R52: one customer named by BSUID (and perhaps phone number): the BSUID wins, the phone number is linked. */
    private long resolveLinked(CustomerIdentity identity) {
        byte[] userIdHash = lookupHash.of(identity.userId());
        byte[] waIdHash = lookupHash.of(identity.waId());
        for (int attempt = 0; attempt < 2; attempt++) {
            List<Row> rows = jdbc.query(
                    """
                    select id, wa_id_hash, user_id_hash from contact
                     where user_id_hash = :userIdHash or wa_id_hash = cast(:waIdHash as bytea)
                     order by id for update""",
                    new MapSqlParameterSource("userIdHash", userIdHash).addValue("waIdHash", waIdHash),
                    (rs, i) -> new Row(rs.getLong(1), rs.getBytes(2), rs.getBytes(3)));
            Row byUser = rows.stream()
                    .filter(r -> Arrays.equals(userIdHash, r.userIdHash()))
                    .findFirst()
                    .orElse(null);
            Row byPhone = waIdHash == null
                    ? null
                    : rows.stream()
                            .filter(r -> Arrays.equals(waIdHash, r.waIdHash()))
                            .findFirst()
                            .orElse(null);
            if (byPhone != null && byUser != null && byPhone.id() != byUser.id() && byPhone.userIdHash() == null) {
                // two contacts for one customer (first seen by phone number alone, then by BSUID alone): not merged
                LOG.warn(
                        "contacts {} and {} name the same customer: contact {} is used",
                        byPhone.id(),
                        byUser.id(),
                        byUser.id());
                updateLinked(byUser.id(), identity, false);
                return byUser.id();
            }
            if (byPhone != null && byPhone.userIdHash() != null && !Arrays.equals(byPhone.userIdHash(), userIdHash)) {
                // the phone number now belongs to another BSUID: it moves, the old contact keeps its BSUID
                jdbc.update(
                        "update contact set wa_id_hash = null, updated_at = now() where id = :id",
                        Map.of("id", byPhone.id()));
                byPhone = null;
            }
            Row target = byUser != null ? byUser : byPhone;
            if (target != null) {
                updateLinked(target.id(), identity, true);
                return target.id();
            }
            List<Long> inserted = jdbc.queryForList(
                    """
                    insert into contact (wa_id_hash, user_id_hash) values (:waIdHash, :userIdHash)
                    on conflict do nothing returning id""",
                    new MapSqlParameterSource("waIdHash", waIdHash).addValue("userIdHash", userIdHash),
                    Long.class);
            if (!inserted.isEmpty()) {
                updateLinked(inserted.get(0), identity, true);
                return inserted.get(0);
            }
        }
        throw new IllegalStateException("contact could not be resolved (concurrent change)");
    }

    private void updateLinked(long id, CustomerIdentity identity, boolean withPhone) {
        ContactCipher cipher = keys.forContact(id);
        String waId = withPhone ? identity.waId() : null;
        jdbc.update("""
                update contact
                   set phone_number = coalesce(cast(:phone as bytea), phone_number),
                       wa_id_hash = coalesce(cast(:waIdHash as bytea), wa_id_hash),
                       user_id = :userId, user_id_hash = :userIdHash,
                       parent_user_id = coalesce(cast(:parent as bytea), parent_user_id),
                       username = coalesce(cast(:username as bytea), username),
                       profile_name = coalesce(cast(:name as bytea), profile_name), updated_at = now()
                 where id = :id""", ContactSealing.linked(id, identity, waId, cipher, lookupHash));
    }

    /**
     * R52: {@code user_changed_number} / {@code user_changed_user_id}: the contact found by its old identifiers takes
     * the new ones, keeping its history, consent and erasure state. A new identifier another contact holds already
     * is not taken (logged without it).
     */
    void relink(CustomerIdentity.IdentifierChange change) {
        byte[] oldUserIdHash = lookupHash.of(change.oldUserId());
        byte[] newWaIdHash = lookupHash.of(change.newWaId());
        byte[] newUserIdHash = lookupHash.of(change.newUserId());
        List<Long> changed = jdbc.queryForList(
                """
                update contact k
                   set wa_id_hash = coalesce(cast(:newWaIdHash as bytea), k.wa_id_hash),
                       user_id_hash = coalesce(cast(:newUserIdHash as bytea), k.user_id_hash), updated_at = now()
                 where k.id = (select o.id from contact o
                                where o.user_id_hash = cast(:oldUserIdHash as bytea)
                                   or o.wa_id_hash = cast(:oldWaIdHash as bytea)
                                order by (o.user_id_hash = cast(:oldUserIdHash as bytea)) desc nulls last, o.id
                                limit 1)
                   and not exists (select 1 from contact n
                                    where n.id <> k.id
                                      and (n.wa_id_hash = cast(:newWaIdHash as bytea)
                                           or n.user_id_hash = cast(:newUserIdHash as bytea)))
                returning k.id""",
                new MapSqlParameterSource("oldWaIdHash", lookupHash.of(change.oldWaId()))
                        .addValue("oldUserIdHash", oldUserIdHash)
                        .addValue("newWaIdHash", newWaIdHash)
                        .addValue("newUserIdHash", newUserIdHash),
                Long.class);
        if (changed.isEmpty()) {
            LOG.info("identifier change for an unknown contact, or its new identifier is taken: nothing re-linked");
            return;
        }
        long id = changed.get(0);
        ContactCipher cipher = keys.forContact(id);
        jdbc.update("""
                update contact set phone_number = coalesce(cast(:phone as bytea), phone_number),
                                   user_id = coalesce(cast(:userId as bytea), user_id)
                 where id = :id""", ContactSealing.relinked(id, change, cipher));
    }

    /**
     * Upserts contacts (wa_id → profile name, null keeps the stored name) by the wa_id's keyed hash in one statement,
     * then stores the new phone numbers and changed names encrypted in a second; returns the ids by wa_id. The map is
     * sorted by wa_id so concurrent batches lock in one order. Keys and names must be storable already.
     */
    private Map<String, Long> upsert(SortedMap<String, String> profileNames) {
        Map<String, String> waIdByHash = new HashMap<>();
        String[] hashes = new String[profileNames.size()];
        int n = 0;
        for (String waId : profileNames.keySet()) {
            hashes[n] = HexFormat.of().formatHex(lookupHash.of(waId));
            waIdByHash.put(hashes[n++], waId);
        }
        Map<String, ContactSealing.Stored> stored = new HashMap<>();
        jdbc.query("""
                insert into contact (wa_id_hash)
                select decode(c.hash, 'hex') from unnest(cast(:hashes as text[])) with ordinality as c(hash, ord)
                 order by c.ord
                on conflict (wa_id_hash) do update set wa_id_hash = excluded.wa_id_hash
                returning id, encode(wa_id_hash, 'hex'), phone_number, profile_name""", new MapSqlParameterSource("hashes", hashes), rs -> {
            stored.put(
                    waIdByHash.get(rs.getString(2)),
                    new ContactSealing.Stored(rs.getLong(1), rs.getBytes(3), rs.getBytes(4)));
        });
        Map<String, Long> contactIds = new HashMap<>();
        stored.forEach((waId, row) -> contactIds.put(waId, row.id()));
        MapSqlParameterSource changed =
                ContactSealing.changed(stored, profileNames, keys.forContacts(contactIds.values()));
        if (changed != null) {
            jdbc.update("""
                    update contact k
                       set phone_number = coalesce(decode(c.phone, 'base64'), k.phone_number),
                           profile_name = coalesce(decode(c.name, 'base64'), k.profile_name),
                           updated_at = case when c.name is null then k.updated_at else now() end
                      from unnest(cast(:ids as bigint[]), cast(:phones as text[]), cast(:names as text[]))
                           as c(id, phone, name)
                     where k.id = c.id""", changed);
        }
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

    // ---- erasure (i15-erasure) ----

    /** R33: deletes the contact; its consent records, identity and key go with it (cascade). */
    public int delete(long contactId) {
        return jdbc.update("delete from contact where id = :id", Map.of("id", contactId));
    }

    /** R33: a customer whose archived records stay keeps an anonymous contact row: names and username go. */
    public void anonymize(long contactId) {
        jdbc.update(
                "update contact set profile_name = null, username = null, updated_at = now() where id = :id",
                Map.of("id", contactId));
    }

    /** R30: deletes contacts (their consent records, erasure requests and key go with them); call after the key's destroy. */
    public int delete(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from contact where id in (:ids)", new MapSqlParameterSource("ids", contactIds));
    }
}
