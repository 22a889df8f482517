package io.carehub.buffer;

import static io.carehub.Fixture.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** R5/R10/R13: duplicates change nothing, batches are documented completely and in order. */
@HubTest
class DuplicateAndBatchIngestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void samePostDeliveredThreeTimesIsDocumentedOnce() {
        Fixture text = fixture("text");

        for (int i = 0; i < 3; i++) {
            assertThat(webhook.postSigned(text.json()).statusCode()).isEqualTo(200);
        }
        Fixture sentinel = fixture("reaction", text); // same customer: consumed after the duplicates
        assertThat(webhook.postSigned(sentinel.json()
                                .replace(text.tag() + "MTY1MDM4Nzk0MzkVAgASGBQz", text.tag() + "sentinelMTY1"))
                        .statusCode())
                .isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> db.count(
                                "select count(*) from message m join conversation c on "
                                        + "c.id = m.conversation_id join contact k on k.id = c.contact_id where k.wa_id = ? and m.direction = 'INBOUND'",
                                text.waId())
                        == 2);
        assertThat(db.count(
                        "select count(*) from message where type = 'text' and wamid like ?", "%" + text.tag() + "%"))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from contact where wa_id = ?", text.waId()))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from conversation c join contact k on k.id = c.contact_id where k.wa_id = ?",
                        text.waId()))
                .isEqualTo(1);
    }

    @Test
    void retryHoldingOneKnownAndOneNewMessageDocumentsBothOnce() throws Exception {
        String customer = "4917000000001" + (System.nanoTime() % 1000);
        String first = batch(customer, "mixA" + System.nanoTime(), 1);
        assertThat(webhook.postSigned(first).statusCode()).isEqualTo(200);

        // Meta's retry repeats message 0 and brings message 1 with it in one POST
        JsonNode retry = mapper.readTree(first);
        ArrayNode messages = (ArrayNode) retry.at("/entry/0/changes/0/value/messages");
        ObjectNode extra = messages.get(0).deepCopy();
        extra.put("id", messages.get(0).get("id").asText() + "-next");
        messages.add(extra);
        assertThat(webhook.postSigned(mapper.writeValueAsString(retry)).statusCode())
                .isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> db.count(
                                "select count(*) from message m join conversation c on "
                                        + "c.id = m.conversation_id join contact k on k.id = c.contact_id where k.wa_id = ? and m.direction = 'INBOUND'",
                                customer)
                        == 2);
        assertThat(db.count(
                        "select count(*) from message where wamid = ?",
                        extra.get("id").asText()))
                .isEqualTo(1);
    }

    @Test
    void duplicatesInterleavedFromSeveralThreadsAreDocumentedExactlyOnce() throws Exception {
        String prefix = "par" + System.nanoTime();
        List<String> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(batch("49171" + String.format("%08d", i) + (System.nanoTime() % 100), prefix + "-" + i, 5));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String post : posts) {
                    statuses.add(pool.submit(() -> webhook.postSigned(post).statusCode()));
                }
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "%") == 100);
        assertThat(db.count("select count(distinct wamid) from message where wamid like ?", prefix + "%"))
                .isEqualTo(100);
    }

    @Test
    void thousandUpdatesInOnePostAreAllDocumentedInOrder() {
        String customerA = "4915100000" + (System.nanoTime() % 1000);
        String prefix = "bulk" + System.nanoTime();
        String body = batch(customerA, prefix, 1000);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        await().atMost(PATIENCE)
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "%") == 1000);
        // R13: one customer's messages are documented in the order they were sent
        List<Long> sequence = jdbc.queryForList("""
                select cast(substring(wamid from '-(\\d+)$') as bigint) from message
                 where wamid like ? order by id""", Long.class, prefix + "%");
        assertThat(sequence).isSorted().hasSize(1000);
    }

    @Test
    void tenThousandUpdatesInOnePostAreAcceptedAndDocumentedOnce() throws Exception {
        // Meta batches at most 1000; a signed POST with 10 times that is still taken whole, not truncated
        String prefix = "tenk" + System.nanoTime();
        JsonNode root = mapper.readTree(batch("4917700000000", prefix, 10_000));
        ArrayNode messages = (ArrayNode) root.at("/entry/0/changes/0/value/messages");
        for (int i = 0; i < messages.size(); i++) {
            ((ObjectNode) messages.get(i)).put("from", "49177" + String.format("%08d", i % 100));
        }
        byte[] body = mapper.writeValueAsBytes(root);
        assertThat(body.length).isLessThan(3 * 1024 * 1024);

        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(240))
                .until(() -> db.count("select count(*) from message where wamid like ?", prefix + "%") == 10_000);
        assertThat(db.count("select count(distinct wamid) from message where wamid like ?", prefix + "%"))
                .isEqualTo(10_000);
    }

    /** One webhook POST with {@code count} text messages of one customer (Meta's documented shape). */
    private static String batch(String waId, String idPrefix, int count) {
        return WebhookBodies.textMessages(idPrefix, 0, count, n -> waId);
    }
}
