package io.carehub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** R24/R26 against a real embedded PostgreSQL. */
class PseudonymVaultTest {

    private final NamedParameterJdbcTemplate jdbc = TestDatabase.jdbc();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final VaultKey key = VaultKey.fromBase64(VaultKey.randomBase64());
    private PseudonymVault vault;
    private String session;

    @BeforeEach
    void setUp() {
        vault = new PseudonymVault(jdbc, key, clock, Duration.ofHours(24));
        session = "s-" + UUID.randomUUID();
    }

    @Test
    void sameCanonicalValueGetsTheSameToken() {
        var first = vault.assign(session, EntityType.PHONE, "0171 2345678", "+491712345678");
        var again = vault.assign(session, EntityType.PHONE, "+49 171 2345678", "+491712345678");
        var other = vault.assign(session, EntityType.PHONE, "030 123456", "+4930123456");

        assertThat(first.token()).isEqualTo("<PHONE_1>").isEqualTo(again.token());
        assertThat(other.token()).isEqualTo("<PHONE_2>");
        assertThat(vault.resolve(session, "<PHONE_1>")).contains("0171 2345678");
    }

    @Test
    void tokensOfOneSessionDoNotResolveInAnother() {
        vault.assign(session, EntityType.PERSON, "Anna Vogel", "anna vogel");

        assertThat(vault.resolve("another-" + session, "<PERSON_1>")).isEmpty();
    }

    @Test
    void storesValuesOnlyEncrypted() {
        vault.assign(session, EntityType.IBAN, "DE89 3704 0044 0532 0130 00", "DE89370400440532013000");

        List<byte[]> stored = jdbc.query(
                "select value_enc || canonical_enc || canonical_mac from pseudonym where session_id = :s",
                new MapSqlParameterSource("s", session),
                (rs, i) -> rs.getBytes(1));
        String raw = new String(stored.get(0), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("DE89").doesNotContain("3704").doesNotContain("0532");
    }

    @Test
    void deletedSessionMakesItsTokensUnresolvable() {
        vault.assign(session, EntityType.EMAIL, "anna@example.de", "anna@example.de");

        assertThat(vault.deleteSession(session)).isTrue();
        assertThat(vault.resolve(session, "<EMAIL_1>")).isEmpty();
        assertThat(vault.entries(session)).isEmpty();
    }

    @Test
    void readsNothingFromASessionOlderThanItsTtlEvenBeforeThePurge() {
        vault.assign(session, EntityType.PERSON, "Anna Vogel", "anna vogel");
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(vault.resolve(session, "<PERSON_1>")).contains("Anna Vogel");

        clock.advance(Duration.ofMinutes(1));
        assertThat(vault.resolve(session, "<PERSON_1>")).isEmpty();
    }

    @Test
    void purgeDeletesExpiredSessionsAndKeepsLiveOnes() {
        String live = "live-" + session;
        vault.assign(session, EntityType.PERSON, "Anna Vogel", "anna vogel");
        clock.advance(Duration.ofHours(20));
        vault.assign(live, EntityType.PERSON, "Tom Klein", "tom klein");
        clock.advance(Duration.ofHours(5));

        assertThat(vault.purgeExpired()).isGreaterThanOrEqualTo(1);
        Integer rows = jdbc.queryForObject(
                "select count(*) from pseudonym where session_id = :s",
                new MapSqlParameterSource("s", session),
                Integer.class);
        assertThat(rows).isZero();
        assertThat(vault.resolve(live, "<PERSON_1>")).contains("Tom Klein");
    }

    @Test
    void purgeAuditsHowManyKeysItDeletedAndWhyNeverTheValues() {
        // a time of its own: the audit rows of this purge are the only ones written at it
        MutableClock own =
                new MutableClock(Instant.parse("2031-03-01T00:00:00Z").plusSeconds(System.nanoTime() % 86_400));
        PseudonymVault purging = new PseudonymVault(jdbc, key, own, Duration.ofHours(24));
        own.advance(Duration.ofHours(25));
        purging.purgeExpired(); // the other tests' sessions
        purging.assign(session, EntityType.PERSON, "Anna Vogel", "anna vogel");
        purging.assign(session, EntityType.EMAIL, "anna@example.de", "anna@example.de");
        own.advance(Duration.ofHours(25));

        assertThat(purging.purgeExpired()).isEqualTo(1);

        List<java.util.Map<String, Object>> audit = jdbc.queryForList(
                "select kind, item_count, reason, reference from deletion_audit where deleted_at = :at",
                new MapSqlParameterSource("at", java.sql.Timestamp.from(own.instant())));
        assertThat(audit).singleElement().satisfies(row -> {
            assertThat(row)
                    .containsEntry("kind", "pseudonym-keys")
                    .containsEntry("item_count", 2)
                    .containsEntry("reason", "SESSION_TTL");
            assertThat(row.get("reference").toString()).doesNotContain("Anna").doesNotContain("example.de");
        });
    }

    @Test
    void expiredSessionStartsAfreshInsteadOfReusingOldTokens() {
        vault.assign(session, EntityType.PERSON, "Anna Vogel", "anna vogel");
        clock.advance(Duration.ofHours(25));

        var next = vault.assign(session, EntityType.PERSON, "Tom Klein", "tom klein");

        assertThat(next.token()).isEqualTo("<PERSON_1>");
        assertThat(vault.resolve(session, "<PERSON_1>")).contains("Tom Klein");
    }

    @Test
    void aVaultWithAnotherKeyCannotReadTheValues() {
        vault.assign(session, EntityType.PERSON, "Anna Vogel", "anna vogel");
        var stranger =
                new PseudonymVault(jdbc, VaultKey.fromBase64(VaultKey.randomBase64()), clock, Duration.ofHours(24));

        assertThat(stranger.resolve(session, "<PERSON_1>")).isEmpty();
    }

    @Test
    void rejectsATtlLongerThan24Hours() {
        assertThatThrownBy(() -> new PseudonymVault(jdbc, key, clock, Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24h");
    }

    @Test
    void rejectsAVaultKeyOfTheWrongLength() {
        assertThatThrownBy(() -> VaultKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
