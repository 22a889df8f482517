package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.TransactionSystemException;

/**
 * R12/R13: the shared database-outage route configuration treats a database that went away mid-transaction as an
 * outage — retried in place, never handed back to the broker, whose delayed redelivery would let the
 * customer's next message overtake this one (found by the fault suite: 22 of 1,500 reordered).
 */
@HubTest
class BufferErrorsTest {

    @Autowired
    CamelContext camel;

    @Test
    void failedRollbackAfterTheDatabaseWentAwayIsRetriedInPlace() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:database-outage-probe")
                        .routeId("database-outage-probe")
                        .routeConfigurationId("database-outage")
                        .process(exchange -> {
                            if (attempts.incrementAndGet() < 3) {
                                throw new TransactionSystemException("JDBC rollback failed");
                            }
                        })
                        .setBody(constant("documented"));
            }
        });

        Object answer = camel.createProducerTemplate().requestBody("direct:database-outage-probe", "event");

        assertThat(answer).isEqualTo("documented");
        assertThat(attempts).hasValue(3);
    }
}
