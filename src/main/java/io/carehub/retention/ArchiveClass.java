package io.carehub.retention;

import java.time.Period;

/** R31 (§257 HGB): what a contract-relevant conversation is kept as, and so for how long. */
public enum ArchiveClass {
    /** Handelsbrief: 6 years ({@code carehub.retention.commercial-letter}). */
    COMMERCIAL_LETTER,
    /** Buchungsbeleg: 10 years ({@code carehub.retention.accounting-record}). */
    ACCOUNTING_RECORD;

    Period period(RetentionProperties properties) {
        return this == COMMERCIAL_LETTER ? properties.commercialLetter() : properties.accountingRecord();
    }
}
