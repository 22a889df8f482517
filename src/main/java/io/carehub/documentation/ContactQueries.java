package io.carehub.documentation;

import io.carehub.crypto.ContactCipher;
import io.carehub.crypto.ContactKeys;
import io.carehub.crypto.LookupHash;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R33/R50/R30: the read side of the table {@code contact} (as {@link ConversationQueries} is of {@link
 * Conversations}): lookups by keyed hash, the erasure ledger's reads, the access-request export and the retention
 * purge's candidates. Every statement that writes the table lives in {@link Contacts}.
 */
@Component
public class ContactQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final LookupHash lookupHash;
    private final ContactKeys keys;

    ContactQueries(NamedParameterJdbcTemplate jdbc, LookupHash lookupHash, ContactKeys keys) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
        this.keys = keys;
    }

    /** R33 erasure ledger: the contacts known by these lookup hashes that existed at {@code before}. */
    public List<Long> byLookupHash(byte[] hash, Instant before) {
        return jdbc.queryForList(
                """
                select id from contact where (wa_id_hash = :hash or user_id_hash = :hash) and created_at <= :before""", new MapSqlParameterSource("hash", hash).addValue("before", Timestamp.from(before)), Long.class);
    }

    /** R33 erasure ledger: the lookup hashes of the contact (WhatsApp id, BSUID; either may be null). */
    public List<byte[]> lookupHashes(long contactId) {
        return jdbc
                .query(
                        "select wa_id_hash, user_id_hash from contact where id = :id",
                        Map.of("id", contactId),
                        (rs, i) -> Arrays.asList(rs.getBytes(1), rs.getBytes(2)))
                .stream()
                .flatMap(List::stream)
                .filter(Objects::nonNull)
                .toList();
    }

    /** R33/R49: the contact named by WhatsApp id or BSUID (by keyed hash). */
    public Optional<Long> idOf(String waIdOrUserId) {
        return jdbc
                .queryForList(
                        "select id from contact where wa_id_hash = :hash or user_id_hash = :hash order by id limit 1",
                        new MapSqlParameterSource("hash", lookupHash.of(waIdOrUserId)),
                        Long.class)
                .stream()
                .findFirst();
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
                .query("""
                        select id, wa_id_hash is not null, phone_number, user_id, parent_user_id, username, profile_name,
                               notice_sent_at, created_at, updated_at
                          from contact where wa_id_hash = :hash or user_id_hash = :hash""", new MapSqlParameterSource("hash", lookupHash.of(identifier)), (rs, i) -> {
                    // R19: decrypted with the contact's key; an erased contact's values read as null
                    ContactCipher cipher = keys.existing(rs.getLong(1)).orElse(null);
                    return ContactRows.exported(rs, cipher);
                })
                .stream()
                .findFirst();
    }

    // i15-retention: three-month purge (R30)

    /**
     * R30: contacts left with nothing: no conversation, no legitimation, no pending erasure, and no consent decision
     * since {@code proofCutoff} (the consent records are proof of consent until then); at most {@code limit}.
     */
    public List<Long> leftWithNothing(Instant cutoff, Instant proofCutoff, int limit) {
        return jdbc.queryForList(
                """
                select k.id from contact k
                 where k.updated_at < :cutoff
                   and not exists (select 1 from conversation c where c.contact_id = k.id)
                   and not exists (select 1 from customer_identity i where i.contact_id = k.id)
                   and not exists (select 1 from erasure_request e where e.contact_id = k.id and e.status = 'PENDING')
                   and not exists (select 1 from consent_record r where r.contact_id = k.id and r.decided_at >= :proof)
                 limit :limit""",
                new MapSqlParameterSource("cutoff", Timestamp.from(cutoff))
                        .addValue("proof", Timestamp.from(proofCutoff))
                        .addValue("limit", limit),
                Long.class);
    }
}
