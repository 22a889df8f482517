package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.crypto.LookupHash;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded broker shares the hub's heap: a backlog larger than carehub.buffer.embedded-memory is paged to
 * disk instead of filling the heap, survives a restart and is documented completely, once, in each customer's order.
 */
class BufferPagingTest {

    private static final int POSTS = 30;
    private static final int UPDATES_PER_POST = 100;
    private static final int CUSTOMERS = 7;

    @Test
    void backlogBeyondTheBrokersMemoryIsPagedToDiskAndDocumentedAfterRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "paging-");
        String run = "wamid.paging" + System.nanoTime();

        try (ConfigurableApplicationContext hub =
                HubOnDataDir.start(dataDir, false, "--carehub.buffer.embedded-memory=256KB")) {
            ActiveMQServer broker = hub.getBean(EmbeddedActiveMQ.class).getActiveMQServer();
            assertThat(broker.getAddressSettingsRepository()
                            .getMatch("carehub.buffer")
                            .getMaxSizeBytes())
                    .isEqualTo(256 * 1024);
            // the other queues keep the broker's global limit: the pool queues, which desktops may read with selectors,
            // do not page
            assertThat(broker.getAddressSettingsRepository()
                            .getMatch("carehub.pool.private-billing")
                            .getMaxSizeBytes())
                    .isEqualTo(-1);
            for (int post = 0; post < POSTS; post++) {
                String body = WebhookBodies.textMessages(
                        run, post * UPDATES_PER_POST, UPDATES_PER_POST, n -> waId(n % CUSTOMERS));
                HttpResponse<String> ack = HubOnDataDir.post(hub, body);
                assertThat(ack.statusCode()).as("POST %d", post).isEqualTo(200);
            }
            // 3,000 encrypted updates do not fit into 256 kB: the buffer address pages
            assertThat(broker.getPagingManager()
                            .getPageStore(SimpleString.of("carehub.buffer"))
                            .isPaging())
                    .isTrue();
            assertThat(broker.locateQueue("carehub.buffer").getMessageCount()).isEqualTo(POSTS * UPDATES_PER_POST);
            try (Stream<Path> pageDirectories = Files.list(dataDir.resolve("artemis/paging"))) {
                assertThat(pageDirectories).isNotEmpty();
            }
        }

        try (ConfigurableApplicationContext hub =
                HubOnDataDir.start(dataDir, true, "--carehub.buffer.embedded-memory=256KB")) {
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            // every update documented (wamid is unique in message, so none twice)
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from message where wamid like ?", Long.class, run + "-%")
                            == POSTS * UPDATES_PER_POST);
            // each customer's messages in the order they were sent: documented ids ascend with the sequence number
            for (int customer = 0; customer < CUSTOMERS; customer++) {
                List<Integer> sequence = jdbc
                        .queryForList(
                                """
                        select m.wamid from message m join conversation c on c.id = m.conversation_id
                        join contact k on k.id = c.contact_id where m.wamid like ? and k.wa_id_hash = ? order by m.id""",
                                String.class,
                                run + "-%",
                                hub.getBean(LookupHash.class).of(waId(customer)))
                        .stream()
                        .map(wamid -> Integer.parseInt(wamid.substring(run.length() + 1)))
                        .toList();
                assertThat(sequence).as("customer %d", customer).isSorted().isNotEmpty();
            }
        }
    }

    private static String waId(int customer) {
        return "4917500000" + String.format("%02d", customer);
    }
}
