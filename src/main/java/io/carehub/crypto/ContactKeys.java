package io.carehub.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.carehub.privacy.DeletionAudit;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * R19: owner of the table {@code contact_key}: one random data key per contact, stored only wrapped by the
 * key-encryption key (KEK) from the secret store. Unwrapped keys stay in a bounded cache for
 * {@code carehub.crypto.key-cache-ttl}; a documentation batch loads all its contacts' keys in one query.
 * {@link #destroy} deletes a contact's key: everything encrypted with it is unreadable from then on, in the database
 * and in every backup restored without the key (crypto-shredding).
 */
@Component
public class ContactKeys {

    private final NamedParameterJdbcTemplate jdbc;
    private final DeletionAudit audit;
    private final Clock clock;
    private final KeyEncryptionKey kek;
    private final long primaryKekId;
    private final Cache<Long, ContactCipher> cache;
    private final SecureRandom random = new SecureRandom();

    ContactKeys(CryptoProperties properties, NamedParameterJdbcTemplate jdbc, DeletionAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.kek = new KeyEncryptionKey(properties);
        this.primaryKekId = kek.primaryId();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.keyCacheTtl())
                .maximumSize(properties.keyCacheSize())
                .build();
    }

    /** The contact's cipher; its data key is created on first use. */
    public ContactCipher forContact(long contactId) {
        return forContacts(List.of(contactId)).get(contactId);
    }

    /**
     * The ciphers of several contacts (a documentation batch): cached keys, then one query for the stored ones, then
     * new keys for the rest. A key created inside a transaction is cached only once that transaction commits.
     */
    public Map<Long, ContactCipher> forContacts(Collection<Long> contactIds) {
        Map<Long, ContactCipher> ciphers = new HashMap<>(cache.getAllPresent(contactIds));
        TreeSet<Long> missing = new TreeSet<>(contactIds);
        missing.removeAll(ciphers.keySet());
        if (missing.isEmpty()) {
            return ciphers;
        }
        Map<Long, ContactCipher> stored = load(missing);
        cache.putAll(stored);
        ciphers.putAll(stored);
        missing.removeAll(stored.keySet());
        if (!missing.isEmpty()) {
            Map<Long, ContactCipher> created = create(missing);
            ciphers.putAll(created);
            cacheAfterCommit(created);
        }
        return ciphers;
    }

    /** The contact's cipher if it has a key (read paths: an erased contact has none); never creates one. */
    public Optional<ContactCipher> existing(long contactId) {
        ContactCipher cached = cache.getIfPresent(contactId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Map<Long, ContactCipher> stored = load(List.of(contactId));
        cache.putAll(stored);
        return Optional.ofNullable(stored.get(contactId));
    }

    /**
     * R19/R33: destroys the contact's data key (crypto-shredding) and audits it (R35). Idempotent: false when the
     * contact had no key. Other instances may keep the unwrapped key in memory for at most the cache's time to live.
     */
    public boolean destroy(long contactId, String reason) {
        int deleted = jdbc.update(
                "delete from contact_key where contact_id = :contact", new MapSqlParameterSource("contact", contactId));
        cache.invalidate(contactId);
        if (deleted > 0) {
            audit.record("contact-key", deleted, reason, "contact " + contactId, clock.instant());
        }
        return deleted > 0;
    }

    /**
     * R19 KEK rotation: re-wraps up to {@code limit} data keys still wrapped by a key other than the keyset's primary.
     * Returns how many it re-wrapped (0 when rotation is complete; then the old KEK can leave the keyset).
     */
    public int rewrap(int limit) {
        record Wrapped(long contactId, byte[] wrapped) {}
        List<Wrapped> rows = jdbc.query(
                """
                select contact_id, wrapped_key from contact_key where kek_id <> :primary
                 order by contact_id limit :limit for update skip locked""",
                new MapSqlParameterSource("primary", primaryKekId).addValue("limit", limit),
                (rs, i) -> new Wrapped(rs.getLong(1), rs.getBytes(2)));
        for (Wrapped row : rows) {
            byte[] dataKey = unwrap(row.contactId(), row.wrapped());
            jdbc.update(
                    "update contact_key set kek_id = :kek, wrapped_key = :wrapped where contact_id = :contact",
                    new MapSqlParameterSource("kek", primaryKekId)
                            .addValue("wrapped", wrap(row.contactId(), dataKey))
                            .addValue("contact", row.contactId()));
            Arrays.fill(dataKey, (byte) 0);
        }
        return rows.size();
    }

    private Map<Long, ContactCipher> load(Collection<Long> contactIds) {
        Map<Long, ContactCipher> ciphers = new HashMap<>();
        jdbc.query(
                "select contact_id, wrapped_key from contact_key where contact_id = any(cast(:ids as bigint[]))",
                new MapSqlParameterSource("ids", contactIds.toArray(Long[]::new)),
                rs -> {
                    long contactId = rs.getLong(1);
                    byte[] dataKey = unwrap(contactId, rs.getBytes(2));
                    ciphers.put(contactId, new ContactCipher(contactId, dataKey));
                    Arrays.fill(dataKey, (byte) 0);
                });
        return ciphers;
    }

    private Map<Long, ContactCipher> create(Collection<Long> contactIds) {
        for (long contactId : contactIds) {
            byte[] dataKey = new byte[32];
            random.nextBytes(dataKey);
            jdbc.update(
                    """
                    insert into contact_key (contact_id, kek_id, wrapped_key, created_at)
                    values (:contact, :kek, :wrapped, :now) on conflict (contact_id) do nothing""",
                    new MapSqlParameterSource("contact", contactId)
                            .addValue("kek", primaryKekId)
                            .addValue("wrapped", wrap(contactId, dataKey))
                            .addValue("now", Timestamp.from(clock.instant())));
            Arrays.fill(dataKey, (byte) 0);
        }
        // another instance may have created some of them first: use what is stored
        return load(contactIds);
    }

    private void cacheAfterCommit(Map<Long, ContactCipher> created) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.putAll(created);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.putAll(created);
            }
        });
    }

    private byte[] wrap(long contactId, byte[] dataKey) {
        return kek.wrap(dataKey, associated(contactId));
    }

    private byte[] unwrap(long contactId, byte[] wrapped) {
        return kek.unwrap(wrapped, associated(contactId), "contact " + contactId);
    }

    private static byte[] associated(long contactId) {
        byte[] label = "carehub-contact-key:".getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(label.length + Long.BYTES)
                .put(label)
                .putLong(contactId)
                .array();
    }

    // ---- i15-crypto: tools outside the application context ----

    /**
     * R19: the keys as a command line outside the application (the transcript export) reads them; it never creates
     * or destroys keys.
     */
    public static ContactKeys forTool(
            CryptoProperties properties, NamedParameterJdbcTemplate jdbc, DeletionAudit audit) {
        return new ContactKeys(properties, jdbc, audit, Clock.systemUTC());
    }
}
