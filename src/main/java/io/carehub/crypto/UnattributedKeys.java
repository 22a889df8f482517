package io.carehub.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.carehub.privacy.DeletionAudit;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R19: owner of the table {@code unattributed_key}: data that belongs to no contact (a rejected webhook update) is
 * encrypted with the data key of the calendar month (UTC) it arrived in, wrapped by the KEK like a contact's key.
 * {@link #destroyBefore} deletes the keys of months past their retention: whatever was encrypted with them, in the
 * database and in every backup, is unreadable from then on (crypto-shredding, as for a contact).
 */
@Component
public class UnattributedKeys {

    private final NamedParameterJdbcTemplate jdbc;
    private final DeletionAudit audit;
    private final Clock clock;
    private final KeyEncryptionKey kek;
    private final long primaryKekId;
    private final Cache<LocalDate, Aead> cache;
    private final SecureRandom random = new SecureRandom();

    UnattributedKeys(CryptoProperties properties, NamedParameterJdbcTemplate jdbc, DeletionAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.kek = new KeyEncryptionKey(properties);
        this.primaryKekId = kek.primaryId();
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.keyCacheTtl())
                .maximumSize(12)
                .build();
    }

    /** The first day (UTC) of the month an instant falls in: the key's name. */
    public static LocalDate monthOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
    }

    /** Encrypts with the key of {@code month} (created on first use); {@code associated} names the place. */
    public byte[] seal(LocalDate month, byte[] plaintext, String associated) {
        try {
            return key(month, true).encrypt(plaintext, associated.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts; null when the month's key was destroyed. */
    public byte[] open(LocalDate month, byte[] ciphertext, String associated) {
        Aead key = key(month, false);
        if (key == null || ciphertext == null) {
            return null;
        }
        try {
            return key.decrypt(ciphertext, associated.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new ContactCipher.UnreadableException("a value of month " + month + " does not decrypt");
        }
    }

    /** R19/R35: destroys the keys of the months before {@code month} and audits it; returns how many. */
    public int destroyBefore(LocalDate month, String reason) {
        List<LocalDate> months = jdbc
                .queryForList(
                        "delete from unattributed_key where month < :month returning month",
                        new MapSqlParameterSource("month", Date.valueOf(month)),
                        Date.class)
                .stream()
                .map(Date::toLocalDate)
                .toList();
        cache.invalidateAll(months);
        if (!months.isEmpty()) {
            audit.record("unattributed-key", months.size(), reason, "months before " + month, clock.instant());
        }
        return months.size();
    }

    /** R19 KEK rotation: re-wraps up to {@code limit} month keys wrapped by another key than the primary. */
    public int rewrap(int limit) {
        record Wrapped(LocalDate month, byte[] wrapped) {}
        List<Wrapped> rows = jdbc.query(
                """
                select month, wrapped_key from unattributed_key where kek_id <> :primary
                 order by month limit :limit for update skip locked""",
                new MapSqlParameterSource("primary", primaryKekId).addValue("limit", limit),
                (rs, i) -> new Wrapped(rs.getDate(1).toLocalDate(), rs.getBytes(2)));
        for (Wrapped row : rows) {
            byte[] dataKey = unwrap(row.month(), row.wrapped());
            jdbc.update(
                    "update unattributed_key set kek_id = :kek, wrapped_key = :wrapped where month = :month",
                    new MapSqlParameterSource("kek", primaryKekId)
                            .addValue("wrapped", wrap(row.month(), dataKey))
                            .addValue("month", Date.valueOf(row.month())));
            Arrays.fill(dataKey, (byte) 0);
        }
        return rows.size();
    }

    private Aead key(LocalDate month, boolean create) {
        Aead cached = cache.getIfPresent(month);
        if (cached != null) {
            return cached;
        }
        if (create) {
            byte[] dataKey = new byte[32];
            random.nextBytes(dataKey);
            // its own transaction's commit is not needed: a key nobody used is harmless; a concurrent creator wins
            jdbc.update(
                    """
                    insert into unattributed_key (month, kek_id, wrapped_key, created_at)
                    values (:month, :kek, :wrapped, :now) on conflict (month) do nothing""",
                    new MapSqlParameterSource("month", Date.valueOf(month))
                            .addValue("kek", primaryKekId)
                            .addValue("wrapped", wrap(month, dataKey))
                            .addValue("now", Timestamp.from(clock.instant())));
            Arrays.fill(dataKey, (byte) 0);
        }
        List<byte[]> wrapped = jdbc.queryForList(
                "select wrapped_key from unattributed_key where month = :month",
                new MapSqlParameterSource("month", Date.valueOf(month)),
                byte[].class);
        if (wrapped.isEmpty()) {
            return null;
        }
        byte[] dataKey = unwrap(month, wrapped.get(0));
        try {
            Aead key = new AesGcmJce(dataKey);
            cache.put(month, key);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use a month's data key", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] wrap(LocalDate month, byte[] dataKey) {
        return kek.wrap(dataKey, associated(month));
    }

    private byte[] unwrap(LocalDate month, byte[] wrapped) {
        return kek.unwrap(wrapped, associated(month), "month " + month);
    }

    private static byte[] associated(LocalDate month) {
        return ("carehub-unattributed-key:" + month).getBytes(StandardCharsets.US_ASCII);
    }
}
