package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.carehub.HubTest;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.io.SequentialFileFactory;
import org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory;
import org.apache.activemq.artemis.core.io.nio.NIOSequentialFileFactory;
import org.apache.activemq.artemis.core.persistence.impl.journal.JournalStorageManager;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R10: the webhook answers 200 once the update is committed to the buffer's journal, so the running embedded broker
 * must sync that journal to disk on every commit. A SIGKILL keeps the operating system's page cache, so a broker that
 * only wrote (journal-datasync off, or commits not synced) would still pass the kill cases of the fault suite and
 * lose acknowledged updates on a power cut. The settings are read from the started broker and its live journals,
 * not from our customizer.
 */
@HubTest
class EmbeddedBrokerDurabilityTest {

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void runningBrokerSyncsEveryCommitToDisk() {
        ActiveMQServer server = broker.getActiveMQServer();
        Configuration configuration = server.getConfiguration();

        assertThat(server.isStarted()).isTrue();
        assertThat(configuration.isPersistenceEnabled())
                .as("persistence-enabled")
                .isTrue();
        assertThat(configuration.isJournalDatasync()).as("journal-datasync").isTrue();
        assertThat(configuration.isJournalSyncTransactional())
                .as("journal-sync-transactional (the webhook's JMS transaction)")
                .isTrue();
        assertThat(configuration.isJournalSyncNonTransactional())
                .as("journal-sync-non-transactional")
                .isTrue();
        assertThat(configuration.isPersistIDCache())
                .as("persist-id-cache (R5 duplicate detection across restarts)")
                .isTrue();
    }

    @Test
    void runningJournalsAreAsyncioOrItsNioFallbackWithDatasync() {
        ActiveMQServer server = broker.getActiveMQServer();
        // Artemis' default journal type (the hub sets none): ASYNCIO where libaio works on the journal's file system,
        // else the broker switches to NIO at start (AMQ222018, as on the build machines). With datasync on, both sync
        // the journal before a commit returns; MAPPED is not used.
        boolean aio = AIOSequentialFileFactory.isSupported()
                && AIOSequentialFileFactory.isSupported(
                        server.getConfiguration().getJournalLocation());
        JournalType expected = aio ? JournalType.ASYNCIO : JournalType.NIO;
        Class<? extends SequentialFileFactory> expectedFactory =
                expected == JournalType.ASYNCIO ? AIOSequentialFileFactory.class : NIOSequentialFileFactory.class;

        assertThat(server.getConfiguration().getJournalType())
                .as("effective journal-type")
                .isEqualTo(expected);
        assertThat(server.getStorageManager()).isInstanceOf(JournalStorageManager.class);
        JournalStorageManager storage = (JournalStorageManager) server.getStorageManager();
        SequentialFileFactory messages = storage.getMessageJournal().getFileFactory();
        assertThat(messages).as("message journal files").isInstanceOf(expectedFactory);
        assertThat(messages.isDatasync()).as("message journal datasync").isTrue();
        // Artemis keeps the bindings journal (queues, duplicate-id cache) on NIO whatever the journal type
        SequentialFileFactory bindings = storage.getBindingsJournal().getFileFactory();
        assertThat(bindings).as("bindings journal files").isInstanceOf(NIOSequentialFileFactory.class);
        assertThat(bindings.isDatasync()).as("bindings journal datasync").isTrue();
    }
}
