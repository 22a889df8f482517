package io.carehub.legitimation;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.crypto.CryptoProperties;
import io.carehub.crypto.LookupHash;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * R15: link-page requests are limited per client address and per contact, each on its own, in windows kept in
 * PostgreSQL: two hub instances on one database draw on the same windows.
 */
class AttemptLimiterTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final LookupHash LOOKUP_HASH =
            new LookupHash(new CryptoProperties(KEY, null, KEY, Duration.ofMinutes(5), 100));

    private static EmbeddedPostgres postgres;
    private static DataSource database;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("carehub-attempts-pg"))
                .setCleanDataDirectory(true)
                .start();
        database = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** A hub instance's limiter: 2 requests per contact, 3 per address, in 15 minutes. */
    private static AttemptLimiter instance() {
        return new AttemptLimiter(
                new NamedParameterJdbcTemplate(database),
                LOOKUP_HASH,
                new LegitimationProperties(
                        Duration.ofMinutes(15),
                        List.of(),
                        new LegitimationProperties.IdentityProvider(null, "carehub", null, List.of("openid"), null),
                        new LegitimationProperties.Claims(
                                "salutation",
                                "given_name",
                                "family_name",
                                "name",
                                "customer_number",
                                "contract_numbers",
                                "segment",
                                List.of("business"),
                                "phone_number"),
                        new LegitimationProperties.Attempts(2, 3, Duration.ofMinutes(15)),
                        new LegitimationProperties.LocalIdentityProvider(false)));
    }

    @Test
    void anAddressGetsItsNumberOfRequestsPerWindowAndNoMore() {
        AttemptLimiter limiter = instance();
        assertThat(List.of(
                        limiter.allowAddress("198.51.100.7"),
                        limiter.allowAddress("198.51.100.7"),
                        limiter.allowAddress("198.51.100.7"),
                        limiter.allowAddress("198.51.100.7")))
                .containsExactly(true, true, true, false);
        assertThat(limiter.allowAddress("198.51.100.8")).isTrue();
    }

    @Test
    void aContactGetsItsNumberOfRequestsPerWindowAndNoMore() {
        AttemptLimiter limiter = instance();
        assertThat(List.of(limiter.allowContact(41), limiter.allowContact(41), limiter.allowContact(41)))
                .containsExactly(true, true, false);
        assertThat(limiter.allowContact(42)).isTrue();
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheWindows() {
        AttemptLimiter first = instance();
        AttemptLimiter second = instance();
        assertThat(List.of(first.allowContact(51), second.allowContact(51), first.allowContact(51)))
                .containsExactly(true, true, false);
        assertThat(List.of(
                        second.allowAddress("198.51.100.9"),
                        first.allowAddress("198.51.100.9"),
                        second.allowAddress("198.51.100.9"),
                        first.allowAddress("198.51.100.9")))
                .containsExactly(true, true, true, false);
    }

    @Test
    void anEndedWindowStartsAfreshAndOnlyKeyedHashesAreStored() {
        AttemptLimiter limiter = instance();
        limiter.allowContact(61);
        limiter.allowContact(61);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.update(
                "update page_attempt set window_started_at = now() - interval '16 minutes' where key_hash = ?",
                (Object) LOOKUP_HASH.of("c:61"));

        assertThat(limiter.allowContact(61)).isTrue();
        limiter.allowAddress("203.0.113.5");
        assertThat(jdbc.queryForList("select key_hash from page_attempt", byte[].class))
                .noneMatch(
                        hash -> new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1).contains("203.0.113.5"));
    }
}
