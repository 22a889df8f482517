package io.carehub.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * R30/R31: how long carehub keeps what ({@code carehub.retention.*}; defaults in application.yml, the privacy
 * notice's periods).
 *
 * @param period            content and metadata are deleted this long after they were stored (R30: 3 months)
 * @param commercialLetter  archive period of a contract-relevant conversation (R31, §257 HGB: 6 years)
 * @param accountingRecord  archive period of an accounting record (R31, §257 HGB: 10 years)
 * @param consentProof      a contact left with nothing but its consent records is kept this long after its last
 *                          decision, as proof of consent (Art. 7(1) GDPR, §195 BGB limitation: 3 years)
 * @param batchSize         rows deleted per transaction (short locks, WAL and autovacuum in small steps)
 * @param purgeInterval     the purge and the archive expiry run once per interval on one instance (daily)
 * @param purgeCheck        how often each instance checks whether a run is due (route retention-purge)
 * @param commercialLetterIntents  R36: dialog-platform intents that mark a conversation contract-relevant as a
 *                                 commercial letter
 * @param accountingRecordIntents  R36: intents that mark it as an accounting record
 */
@Validated
@ConfigurationProperties("carehub.retention")
public record RetentionProperties(
        @NotNull Period period,
        @NotNull Period commercialLetter,
        @NotNull Period accountingRecord,
        @NotNull Period consentProof,
        @Min(1) @Max(100_000) int batchSize,
        @NotNull Duration purgeInterval,
        @NotNull Duration purgeCheck,
        @NotNull List<String> commercialLetterIntents,
        @NotNull List<String> accountingRecordIntents) {}
