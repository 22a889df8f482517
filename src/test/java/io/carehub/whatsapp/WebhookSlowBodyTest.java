package io.carehub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.Webhook;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * §4 Security: webhook bodies are unsigned until read, so slow-loris clients (a body that trickles in, a byte at a
 * time) must not hold threads: a body not complete within the read timeout gets 408 and its connection closed, and
 * beyond the cap of concurrent body reads further POSTs are turned away at once with 503 until a permit is free.
 */
@HubTest
@TestPropertySource(
        properties = {
            "carehub.whatsapp.max-concurrent-body-reads=2",
            "carehub.whatsapp.body-read-timeout=2s",
            "server.tomcat.connection-timeout=5s"
        })
class WebhookSlowBodyTest {

    @Autowired
    HubApi hub;

    @Autowired
    Webhook webhook;

    /** A client that announces 1,000 bytes and then sends one every 250 ms. */
    private final class SlowLoris implements AutoCloseable {

        private final Socket socket;
        private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

        SlowLoris() throws IOException {
            socket = new Socket("localhost", hub.port());
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/whatsapp HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "X-Hub-Signature-256: sha256=00\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // one more byte every 250 ms, until the hub closes the connection (a write then fails and ends it)
            trickle.scheduleAtFixedRate(
                    () -> {
                        try {
                            out.write(' ');
                            out.flush();
                        } catch (IOException closed) {
                            throw new UncheckedIOException(closed);
                        }
                    },
                    250,
                    250,
                    TimeUnit.MILLISECONDS);
        }

        /** The status line the hub finally answers with. */
        String statusLine() throws IOException {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }

        @Override
        public void close() throws IOException {
            trickle.shutdownNow();
            socket.close();
        }
    }

    private int unsignedPost() {
        return webhook.post("{}".getBytes(StandardCharsets.UTF_8), "sha256=00").statusCode();
    }

    @Test
    void aTricklingBodyIsCutOffWith408() throws Exception {
        try (SlowLoris client = new SlowLoris()) {
            assertThat(client.statusLine()).startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void slowBodiesBeyondTheCapAreTurnedAwayAtOnceAndThePermitsComeBack() throws Exception {
        List<SlowLoris> clients = new ArrayList<>();
        try {
            clients.add(new SlowLoris());
            clients.add(new SlowLoris());

            // both permits held by the slow clients: the next body is not read at all
            await().atMost(Duration.ofSeconds(10)).until(() -> unsignedPost() == 503);
            for (SlowLoris client : clients) {
                assertThat(client.statusLine()).startsWith("HTTP/1.1 408");
            }
            // released: bodies are read (and refused for their signature) again
            await().atMost(Duration.ofSeconds(10)).until(() -> unsignedPost() == 403);
        } finally {
            for (SlowLoris client : clients) {
                client.close();
            }
        }
    }
}
