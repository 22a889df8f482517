package io.carehub.erasure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R33/R49 erasure and withdrawal ({@code carehub.erasure.*}; defaults in application.yml).
 *
 * @param withdrawalWords R49: a text that is exactly one of these (case, spaces and punctuation ignored) withdraws
 *                        consent
 * @param optOutWords     R33: a text that is exactly one of these opts out of further contact
 * @param checkInterval   how often the executor carries out pending requests (route erasure-executor)
 * @param batchSize       requests carried out per run
 * @param ledger          the erasure ledger's own database
 */
@Validated
@ConfigurationProperties("carehub.erasure")
public record ErasureProperties(
        @NotEmpty List<String> withdrawalWords,
        @NotNull List<String> optOutWords,
        @NotNull Duration checkInterval,
        @Min(1) int batchSize,
        @Valid @NotNull Ledger ledger) {

    /**
     * R33: the erasure ledger lives in a database of its own, so that restoring the main database from a backup
     * does not take it back in time.
     *
     * @param url             JDBC URL of the ledger database; empty: a database named {@code database} on the embedded
     *                        PostgreSQL, created at start (default profile only)
     * @param database        the embedded ledger database's name
     * @param username        its user (with url)
     * @param password        its password (with url); secret: CAREHUB_ERASURE_LEDGER_PASSWORD
     * @param flywayUsername  R48: the ledger database's owner, who migrates it (with url); empty: {@code username}
     * @param flywayPassword  the owner's password; secret: CAREHUB_ERASURE_LEDGER_FLYWAY_PASSWORD
     * @param reapplyInterval how often erasures are re-applied from the ledger (also once at start)
     */
    public record Ledger(
            String url,
            @NotBlank String database,
            String username,
            String password,
            String flywayUsername,
            String flywayPassword,
            @NotNull Duration reapplyInterval) {}
}
