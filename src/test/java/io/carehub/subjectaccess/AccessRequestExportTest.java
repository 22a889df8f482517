package io.carehub.subjectaccess;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.GraphApiStub.GRAPH_API;
import static io.carehub.routing.Customers.newCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.HubApi;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import io.carehub.routing.ConversationTest;
import io.carehub.routing.Customers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R50: a privacy officer exports everything stored about one contact as one zip, streamed while it is read, and
 * watches its progress; the export is in the access log and in the table of exports; nobody else may export.
 */
@ConversationTest
class AccessRequestExportTest {

    /** More than two fetches of the message table. */
    private static final int MESSAGES = 1_100;

    /** Incompressible and larger than the socket buffers: an unread archive holds the export inside this file. */
    private static final byte[] PHOTO = new byte[16 << 20];

    static {
        new Random(50).nextBytes(PHOTO);
    }

    @Autowired
    HubApi hub;

    @Autowired
    Webhook webhook;

    @Autowired
    Db db;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void privacyOfficerExportsEverythingAboutAContactAsAStreamedZipAndSeesItsProgress() throws Exception {
        String customer = newCustomer();
        long conversation = customers.consentedCustomer(customer, "Hallo, ich habe eine Frage zum Vertrag");
        long contact = (Long) db.conversation(conversation).get("contact_id");
        long sentAt = java.time.Instant.now().getEpochSecond();
        for (int batch = 0; batch < 2; batch++) { // Meta batches up to 1000 updates per POST
            WebhookPayload updates = WebhookPayload.update().contact(customer, "Kundin " + customer);
            for (int n = batch * MESSAGES / 2 + 1; n <= (batch + 1) * MESSAGES / 2; n++) {
                updates.text(customer, "wamid.ar-" + customer + "-" + n, sentAt, "Frage " + n);
            }
            assertThat(webhook.postSigned(updates.json()).statusCode()).isEqualTo(200);
        }
        String mediaId = "50" + System.nanoTime();
        stubMedia(mediaId);
        assertThat(webhook.postSigned(WebhookPayload.update()
                                .contact(customer, "Kundin " + customer)
                                .message("""
                                {"from":"%s","id":"wamid.ar-%s-photo","timestamp":"%d","type":"image",
                                 "image":{"caption":"Foto vom Router","mime_type":"image/jpeg","sha256":"%s","id":"%s"}}""".formatted(customer, customer, sentAt, sha256Base64(PHOTO), mediaId))
                                .json())
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(120))
                .until(() ->
                        db.count("select count(*) from attachment where media_id = ? and state = 'STORED'", mediaId)
                                        == 1
                                && messagesOf(contact) >= MESSAGES + 3);
        long messagesStored = messagesOf(contact);

        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(hub.url("/api/privacy/access-requests")))
                        .header("Authorization", "Bearer " + IdentityProvider.privacyOfficer())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"waId\":\"" + customer + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        String exportId = response.headers().firstValue("Carehub-Export-Id").orElseThrow();
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (InputStream body = response.body()) {
            archive.write(body.readNBytes(64 * 1024));

            // the officer has not read on: the hub waits inside the photo, and its progress says how far it got
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> progress(exportId).path("attachmentBytesDone").asLong() > 0);
            JsonNode midway = progress(exportId);
            assertThat(midway.path("state").asText()).isEqualTo("RUNNING");
            assertThat(midway.path("messagesTotal").asLong()).isEqualTo(messagesStored);
            assertThat(midway.path("messagesDone").asLong()).isEqualTo(messagesStored);
            assertThat(midway.path("attachmentBytesTotal").asLong()).isEqualTo(PHOTO.length);
            assertThat(midway.path("attachmentBytesDone").asLong()).isLessThan(PHOTO.length);
            assertThat(midway.path("requestedBy").asText()).isEqualTo("dpo-1");

            body.transferTo(archive);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> progress(exportId).path("state").asText().equals("DONE"));
        JsonNode done = progress(exportId);
        assertThat(done.path("attachmentBytesDone").asLong()).isEqualTo(PHOTO.length);
        assertThat(done.path("archiveBytes").asLong()).isEqualTo(archive.size());
        assertThat(done.path("rowsDone").asLong()).isGreaterThan(messagesStored);

        Map<String, byte[]> entries = unzip(archive.toByteArray());
        JsonNode data = mapper.readTree(entries.get("export.json"));
        assertThat(data.path("contact").path("waId").asText()).isEqualTo(customer);
        assertThat(data.path("contact").path("profileName").asText()).isEqualTo("Kundin " + customer);
        assertThat(data.path("consentRecords")).hasSize(1);
        assertThat(data.path("consentRecords").get(0).path("decision").asText()).isEqualTo("ACCEPTED");
        assertThat(data.path("conversations").get(0).path("id").asLong()).isEqualTo(conversation);
        JsonNode messages = data.path("messages");
        assertThat(messages).hasSize((int) messagesStored);
        Set<String> texts = new HashSet<>();
        messages.forEach(m -> texts.add(m.path("text").asText()));
        assertThat(texts).contains("Hallo, ich habe eine Frage zum Vertrag", "Frage 1", "Frage " + MESSAGES);
        assertThat(texts).contains("Foto vom Router");
        assertThat(messages.findValues("outboundPayload").stream().filter(JsonNode::isObject))
                .as("the notice's Graph API request, as JSON")
                .isNotEmpty();
        JsonNode attachment = data.path("attachments").get(0);
        assertThat(attachment.path("metadata").path("mediaId").asText()).isEqualTo(mediaId);
        assertThat(entries.get(attachment.path("file").asText())).isEqualTo(PHOTO);

        assertThat(db.count(
                        "select count(*) from access_log where action = 'ACCESS_REQUEST' and contact_id = ?"
                                + " and user_id = 'dpo-1' and role = 'privacy-officer' and target = ?",
                        contact,
                        "export " + exportId))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from access_export where id = cast(? as uuid) and contact_id = ?"
                                + " and user_id = 'dpo-1' and state = 'DONE' and finished_at is not null",
                        exportId,
                        contact))
                .isEqualTo(1);
    }

    @Test
    void onlyAPrivacyOfficerExportsAndOnlyAKnownContact() {
        String customer = newCustomer();
        customers.text(customer, "Hallo");
        String body = "{\"waId\":\"" + customer + "\"}";
        assertThat(hub.post("/api/privacy/access-requests", IdentityProvider.supervisor(), body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.post("/api/privacy/access-requests", IdentityProvider.ops(), body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.get(
                                "/api/privacy/access-requests/5f0c3a52-1d0e-4a8e-9f57-2b7c8e1d4a10",
                                IdentityProvider.supervisor())
                        .statusCode())
                .isEqualTo(403);
        String officer = IdentityProvider.privacyOfficer();
        assertThat(hub.post("/api/privacy/access-requests", officer, "{\"waId\":\"" + newCustomer() + "\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(hub.post("/api/privacy/access-requests", officer, "{}").statusCode())
                .isEqualTo(400);
        assertThat(hub.get("/api/privacy/access-requests/5f0c3a52-1d0e-4a8e-9f57-2b7c8e1d4a10", officer)
                        .statusCode())
                .isEqualTo(404);
        assertThat(db.count(
                        "select count(*) from access_export e join contact k on k.id = e.contact_id where k.wa_id_hash = ?",
                        (Object) db.hash(customer)))
                .isZero();
    }

    private long messagesOf(long contact) {
        return db.count(
                "select count(*) from message m join conversation c on c.id = m.conversation_id where c.contact_id = ?",
                contact);
    }

    private JsonNode progress(String exportId) throws Exception {
        HttpResponse<String> response =
                hub.get("/api/privacy/access-requests/" + exportId, IdentityProvider.privacyOfficer());
        assertThat(response.statusCode()).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    private static void stubMedia(String mediaId) throws Exception {
        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/whatsapp_business/attachments/?mid=%s&ext=1&hash=ATt",
                 "mime_type":"image/jpeg","sha256":"%s","file_size":%d,"id":"%s"}""".formatted(
                        GRAPH_API.baseUrl(), mediaId, sha256Base64(PHOTO), PHOTO.length, mediaId))));
        GRAPH_API.stubFor(get(urlEqualTo("/whatsapp_business/attachments/?mid=" + mediaId + "&ext=1&hash=ATt"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(PHOTO)));
    }

    private static String sha256Base64(byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(names.getFirst()).isEqualTo("export.json");
        return entries;
    }
}
