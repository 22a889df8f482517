package io.carehub.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.carehub.HubTest;
import io.carehub.privacy.DeletionAudit;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** R19: per-contact data keys, wrapped by the KEK, destroyed on erasure, re-wrapped on KEK rotation. */
@HubTest
class ContactKeysTest {

    @Autowired
    ContactKeys keys;

    @Autowired
    CryptoProperties properties;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    DeletionAudit audit;

    @TempDir
    Path dir;

    private long newContact() {
        return jdbc.queryForObject(
                "insert into contact (wa_id_hash) values (?) returning id",
                Long.class,
                ("keys-" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void eachContactHasItsOwnKeyStoredOnlyWrapped() {
        long a = newContact();
        long b = newContact();
        Map<Long, ContactCipher> ciphers = keys.forContacts(List.of(a, b));

        byte[] sealed = ciphers.get(a).seal("Nachricht mit Geheimnis", "message.text_body");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Geheimnis");
        assertThat(ciphers.get(a).openText(sealed, "message.text_body")).isEqualTo("Nachricht mit Geheimnis");
        assertThatThrownBy(() -> ciphers.get(b).openText(sealed, "message.text_body"))
                .isInstanceOf(ContactCipher.UnreadableException.class);
        assertThatThrownBy(() -> ciphers.get(a).openText(sealed, "message.details"))
                .isInstanceOf(ContactCipher.UnreadableException.class);
        assertThat(jdbc.queryForObject("select count(*) from contact_key where contact_id in (?, ?)", Long.class, a, b))
                .isEqualTo(2);
        // the same key again, from the cache and from the table
        assertThat(keys.forContact(a).openText(sealed, "message.text_body")).isEqualTo("Nachricht mit Geheimnis");
        assertThat(fresh(properties).existing(a).orElseThrow().openText(sealed, "message.text_body"))
                .isEqualTo("Nachricht mit Geheimnis");
    }

    @Test
    void streamingContentRoundTrips() throws Exception {
        ContactCipher cipher = keys.forContact(newContact());
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        byte[] ad = "attachment:1".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = cipher.streaming().newEncryptingStream(sink, ad)) {
            out.write(content);
        }
        try (InputStream in =
                cipher.streaming().newDecryptingStream(new java.io.ByteArrayInputStream(sink.toByteArray()), ad)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void destroyingTheKeyLeavesTheCiphertextUnreadableAndIsAudited() {
        long contact = newContact();
        byte[] sealed = keys.forContact(contact).seal("vertraulich", "message.text_body");

        assertThat(keys.destroy(contact, "test erasure")).isTrue();
        assertThat(keys.destroy(contact, "test erasure")).isFalse();

        assertThat(keys.existing(contact)).isEmpty();
        assertThat(fresh(properties).existing(contact)).isEmpty();
        // a new key for the same contact does not read what the old one sealed
        assertThatThrownBy(() -> keys.forContact(contact).openText(sealed, "message.text_body"))
                .isInstanceOf(ContactCipher.UnreadableException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from deletion_audit where kind = 'contact-key' and reference = ?",
                        Long.class,
                        "contact " + contact))
                .isEqualTo(1);
    }

    @Test
    void aRotatedKekRewrapsEveryKeyAndStillReadsTheOldOnes() throws Exception {
        long contact = newContact();
        byte[] sealed = keys.forContact(contact).seal("vor der Rotation", "message.text_body");

        KeysetHandle old = Keysets.aesGcm(properties.kek(), null, "carehub.crypto.kek");
        KeysetHandle rotated = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        assertThat(rotated.getAt(0).isPrimary()).isFalse();
        Path file = dir.resolve("kek.json");
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));
        ContactKeys afterRotation = new ContactKeys(
                new CryptoProperties(null, file.toString(), properties.lookupKey(), properties.keyCacheTtl(), 10),
                named,
                audit,
                Clock.systemUTC());

        int rewrapped = 0;
        for (int n; (n = afterRotation.rewrap(500)) > 0; ) {
            rewrapped += n;
        }
        assertThat(rewrapped).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from contact_key where kek_id <> ?",
                        Long.class,
                        Integer.toUnsignedLong(rotated.getPrimary().getId())))
                .isZero();
        assertThat(afterRotation.existing(contact).orElseThrow().openText(sealed, "message.text_body"))
                .isEqualTo("vor der Rotation");
        // the old KEK alone no longer unwraps the re-wrapped keys
        assertThatThrownBy(() -> fresh(properties).existing(contact)).isInstanceOf(IllegalStateException.class);

        // rotate back (the old key primary again), so the hub this context shares reads every key it stored
        KeysetHandle.Builder backBuilder = KeysetHandle.newBuilder(rotated);
        backBuilder.getAt(0).makePrimary();
        KeysetHandle back = backBuilder.build();
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(back, InsecureSecretKeyAccess.get()));
        ContactKeys rotatedBack = new ContactKeys(
                new CryptoProperties(null, file.toString(), properties.lookupKey(), properties.keyCacheTtl(), 10),
                named,
                audit,
                Clock.systemUTC());
        while (rotatedBack.rewrap(500) > 0) {}
        assertThat(fresh(properties).existing(contact).orElseThrow().openText(sealed, "message.text_body"))
                .isEqualTo("vor der Rotation");
    }

    private ContactKeys fresh(CryptoProperties base) {
        return new ContactKeys(base, named, audit, Clock.systemUTC());
    }
}
