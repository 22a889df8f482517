package io.carehub.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R19/R30: data of no contact is encrypted with its month's key; destroying the key shreds it. */
@HubTest
class UnattributedKeysTest {

    @Autowired
    UnattributedKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDestroyedMonthKeyMakesThatMonthsDataUnreadableAndIsAudited() {
        LocalDate old = LocalDate.of(2019, 3, 1);
        LocalDate later = LocalDate.of(2019, 4, 1);
        byte[] plain = "{\"from\":\"4917012345678\"}".getBytes(StandardCharsets.UTF_8);
        byte[] oldSealed = keys.seal(old, plain, "rejected_update.payload");
        byte[] laterSealed = keys.seal(later, plain, "rejected_update.payload");
        assertThat(oldSealed).isNotEqualTo(plain);
        assertThat(keys.open(old, oldSealed, "rejected_update.payload")).isEqualTo(plain);
        long audited = auditRows();

        assertThat(keys.destroyBefore(later, "retention")).isEqualTo(1);

        assertThat(keys.open(old, oldSealed, "rejected_update.payload")).isNull();
        assertThat(keys.open(later, laterSealed, "rejected_update.payload")).isEqualTo(plain);
        assertThat(auditRows()).isEqualTo(audited + 1);
        assertThat(keys.destroyBefore(later, "retention")).as("idempotent").isZero();
        keys.destroyBefore(LocalDate.of(2019, 5, 1), "test cleanup");
    }

    private long auditRows() {
        return jdbc.queryForObject("select count(*) from deletion_audit where kind = 'unattributed-key'", Long.class);
    }
}
