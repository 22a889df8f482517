package io.carehub.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.carehub.crypto.ContactKeys;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * R11/R43: buffered updates are encrypted (no personal data readable in the broker) and survive a
 * restart of the hub on the same data dir.
 */
class BufferRestartTest {

    private static final String PHONE = "4915228817386";
    private static final String TEXT = "Hallo, hier ist Erika Mustermann, meine IBAN ist DE89370400440532013000";

    @Test
    void bufferedUpdatesAreEncryptedAndDocumentedAfterRestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        String wamid = "wamid.restart" + System.nanoTime();
        String body = Files.readString(Path.of("src/test/resources/whatsapp/text.json"))
                .replace("16505551234", PHONE)
                .replace("Does it come in another color?", TEXT)
                .replaceAll("\"id\": \"wamid[^\"]*\"", "\"id\": \"" + wamid + "\"");

        try (ConfigurableApplicationContext hub = HubOnDataDir.start(dataDir, false)) {
            HttpResponse<String> ack = HubOnDataDir.post(hub, body);
            assertThat(ack.statusCode()).isEqualTo(200);

            List<byte[]> payloads = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            JmsTemplate jms = new JmsTemplate(hub.getBean(ConnectionFactory.class));
            jms.browse("carehub.buffer", (session, browser) -> {
                for (Message message : Collections.list((java.util.Enumeration<Message>) browser.getEnumeration())) {
                    BytesMessage bytes = (BytesMessage) message;
                    byte[] payload = new byte[(int) bytes.getBodyLength()];
                    bytes.readBytes(payload);
                    payloads.add(payload);
                    groups.add(message.getStringProperty("JMSXGroupID"));
                }
                return null;
            });
            assertThat(payloads).hasSize(1);
            String stored = new String(payloads.get(0), StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain("Erika", "Mustermann", "DE89", PHONE, "Hallo");
            assertThat(groups.get(0)).isNotEqualTo(PHONE).hasSize(32);
            assertThat(hub.getBean(JdbcTemplate.class).queryForObject("select count(*) from message", Long.class))
                    .isZero();
        }

        try (ConfigurableApplicationContext hub = HubOnDataDir.start(dataDir, true)) {
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject("select count(*) from message where wamid = ?", Long.class, wamid)
                            == 1);
            // R19: stored encrypted with the contact's key; read back with it after the restart
            Map<String, Object> row = jdbc.queryForMap("""
                    select m.text_body, c.contact_id from message m join conversation c on c.id = m.conversation_id
                     where m.wamid = ?""", wamid);
            assertThat(hub.getBean(ContactKeys.class)
                            .existing((Long) row.get("contact_id"))
                            .orElseThrow()
                            .openText((byte[]) row.get("text_body"), "message.text_body"))
                    .isEqualTo(TEXT);
        }
    }
}
