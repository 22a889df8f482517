package io.carehub.erasure;

import io.carehub.consent.ErasureRequests;
import io.carehub.documentation.ContactQueries;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * R33: after a restore of the main database from an older backup, erased contacts are back. The ledger names them by
 * keyed hash: every contact with such a hash that existed at the erasure (a customer who writes again later is a new
 * contact and stays) is handed to erasure again and erased by the executor at once.
 */
@Component("ledgerReapply")
public class LedgerReapply {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerReapply.class);
    private static final int PAGE = 500;

    private final ErasureLedger ledger;
    private final ContactQueries contacts;
    private final ErasureRequests requests;
    private final ErasureExecutor executor;
    private final Clock clock;

    LedgerReapply(
            ErasureLedger ledger,
            ContactQueries contacts,
            ErasureRequests requests,
            ErasureExecutor executor,
            Clock clock) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.requests = requests;
        this.executor = executor;
        this.clock = clock;
    }

    /** Returns the number of contacts found again and handed to erasure. */
    @Handler
    public int reapply() {
        if (!ledger.configured()) {
            return 0; // logged at start and shown by the health component erasure
        }
        int found = 0;
        byte[] after = null;
        for (List<ErasureLedger.Entry> page = ledger.page(null, PAGE);
                !page.isEmpty();
                page = ledger.page(after, PAGE)) {
            for (ErasureLedger.Entry entry : page) {
                for (long contact : contacts.byLookupHash(entry.lookupHash(), entry.erasedAt())) {
                    requests.request(contact, ErasureRequests.LEDGER, "ledger", clock.instant());
                    found++;
                }
            }
            after = page.get(page.size() - 1).lookupHash();
        }
        if (found > 0) {
            LOG.warn("erasure ledger: {} erased contacts found again (restored backup?); erasing them again", found);
            executor.run();
        }
        return found;
    }
}
