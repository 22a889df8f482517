package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.whatsapp.GraphApiException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jms.UncategorizedJmsException;

/**
 * R12/R45: what route configuration poison-parking treats as a poison and what as an outage that must wait or be
 * retried instead (Camel matches an exception's root cause first, so the decision looks at every cause).
 */
class PoisonOrOutageTest {

    @Test
    void aDatabaseRefusalIsAPoison() {
        PSQLException check = new PSQLException("new row violates check constraint", PSQLState.CHECK_VIOLATION);
        assertThat(PoisonParkingSteps.isOutage(new DataIntegrityViolationException("refused", check)))
                .isFalse();
        assertThat(PoisonParkingSteps.isOutage(new IllegalStateException("a bug")))
                .isFalse();
    }

    @Test
    void aLostOrRefusedDatabaseConnectionIsAnOutageWhateverWrapsIt() {
        assertThat(PoisonParkingSteps.isOutage(new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("timeout"))))
                .isTrue();
        // the connection broke mid-statement: Spring may not translate the SQLState to an outage type
        PSQLException broken = new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE);
        assertThat(PoisonParkingSteps.isOutage(new UncategorizedSQLException("update", "update message", broken)))
                .isTrue();
        assertThat(PoisonParkingSteps.isOutage(new RuntimeException(broken))).isTrue();
    }

    @Test
    void theBrokerAndTheGraphApiBeingUnavailableAreOutages() {
        assertThat(PoisonParkingSteps.isOutage(new UncategorizedJmsException("broker gone")))
                .isTrue();
        assertThat(PoisonParkingSteps.isOutage(new GraphApiException(130429, "throttled")))
                .isTrue();
    }
}
