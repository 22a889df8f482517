package io.carehub.ops.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.carehub.Fixture.fixture;
import static io.carehub.GraphApiStub.GRAPH_API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carehub.Db;
import io.carehub.Fixture;
import io.carehub.HubApi;
import io.carehub.HubTest;
import io.carehub.IdentityProvider;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R40/R45 through the ops API: the billing report from Meta's documented status payloads (conversation-based and
 * per-message pricing), failed media downloads listed and re-driven, troubleshooting by wamid and by Meta's error
 * code, rejected updates — metadata only, every call in the access log, and only for the ops role.
 */
@HubTest
class OpsApiTest {

    private static final List<String> BILLING_FIXTURES = List.of(
            "billing/cbp-service-first-sent",
            "billing/cbp-service-first-delivered",
            "billing/cbp-service-second-sent",
            "billing/cbp-utility-day-before-sent",
            "billing/cbp-utility-after-midnight-sent",
            "billing/pmp-utility-regular-sent",
            "billing/pmp-utility-regular-delivered",
            "billing/pmp-service-free-customer-service-sent",
            "billing/pmp-free-entry-point-sent");
    private static final String FAILED_WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBMTFFQUE5Q0NBMDE2NkVBMDMA";
    private static final String IMAGE_MEDIA_ID = "1003383421387256";
    private static final String IMAGE_SHA256 = "V69Oop1g7UtiGbzrzlZHmgIBTr92jcqxdykvT0Ecyt0=";

    @Autowired
    Webhook webhook;

    @Autowired
    HubApi hub;

    @Autowired
    Db db;

    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void billingReportCountsConversationBasedChargesPerConversationAndPerMessageChargesPerMessage() throws Exception {
        Fixture first = fixture(BILLING_FIXTURES.getFirst());
        for (String name : BILLING_FIXTURES) {
            assertThat(webhook.postSigned(fixture(name, first).json()).statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from billing_record where wamid like ?",
                                "wamid.HBgL" + first.tag() + "%")
                        == BILLING_FIXTURES.size());

        JsonNode twoDays = json(ops("/api/ops/billing?from=2025-07-01T00:00:00Z&to=2025-07-03T00:00:00Z"));
        assertThat(lines(twoDays))
                .containsExactly(
                        // one conversation opened on the 1st: its message after midnight is not a second charge
                        "2025-07-01 CBP utility 1 0",
                        // one conversation, three statuses of two messages: one charge
                        "2025-07-02 CBP service 1 0",
                        // per message: free entry point, free customer service, one regular message (two statuses)
                        "2025-07-02 PMP referral_conversion 0 1",
                        "2025-07-02 PMP service 0 1",
                        "2025-07-02 PMP utility 1 0");
        assertThat(lines(json(ops("/api/ops/billing?from=2025-07-02T00:00:00Z&to=2025-07-03T00:00:00Z"))))
                .as("a charge belongs to the day of its first status")
                .containsExactly(
                        "2025-07-02 CBP service 1 0",
                        "2025-07-02 PMP referral_conversion 0 1",
                        "2025-07-02 PMP service 0 1",
                        "2025-07-02 PMP utility 1 0");

        HttpResponse<String> csv = ops("/api/ops/billing?from=2025-07-01T00:00:00Z&to=2025-07-03T00:00:00Z&format=csv");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body())
                .isEqualTo("day,pricing_model,category,billable,free\r\n"
                        + "2025-07-01,CBP,utility,1,0\r\n"
                        + "2025-07-02,CBP,service,1,0\r\n"
                        + "2025-07-02,PMP,referral_conversion,0,1\r\n"
                        + "2025-07-02,PMP,service,0,1\r\n"
                        + "2025-07-02,PMP,utility,1,0\r\n");
        assertThat(ops("/api/ops/billing?from=2025-07-03T00:00:00Z&to=2025-07-01T00:00:00Z")
                        .statusCode())
                .isEqualTo(400);
        assertThat(db.count("select count(*) from access_log where user_id = 'ops-1' and action = 'BILLING_REPORT'"))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailedMediaDownloadIsListedWithoutContentAndReDrivenOnceTheMediaIsThere() throws Exception {
        String mediaId = "79" + System.nanoTime();
        byte[] content = "carehub-ops-media".getBytes(StandardCharsets.UTF_8);
        Fixture image = fixture("image");
        // the Graph API does not know the media yet: every attempt fails, and after carehub.media.max-attempts (3)
        // the download is FAILED
        GRAPH_API.stubFor(
                get(urlEqualTo("/v23.0/" + mediaId)).willReturn(aResponse().withStatus(404)));
        assertThat(webhook.postSigned(image.json()
                                .replace(IMAGE_MEDIA_ID, mediaId)
                                .replace(IMAGE_SHA256, base64Sha256(content)))
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.count("select count(*) from attachment where media_id = ? and state = 'FAILED'", mediaId)
                                == 1);
        long id = jdbc.queryForObject("select id from attachment where media_id = ?", Long.class, mediaId);

        HttpResponse<String> failed = ops("/api/ops/media-downloads");
        JsonNode entry = find(json(failed), id);
        assertThat(entry.path("state").asText()).isEqualTo("FAILED");
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("lastError").asText()).isNotBlank();
        assertThat(entry.path("nextAttemptAt").isNull()
                        || entry.path("nextAttemptAt").isMissingNode())
                .isTrue();
        assertThat(failed.body()).doesNotContain(mediaId, image.waId());

        GRAPH_API.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/whatsapp_business/attachments/?mid=%s&ext=1&hash=ATt",
                 "mime_type":"image/jpeg","sha256":"%s","file_size":%d,"id":"%s"}""".formatted(
                        GRAPH_API.baseUrl(), mediaId, hexSha256(content), content.length, mediaId))));
        GRAPH_API.stubFor(get(urlEqualTo("/whatsapp_business/attachments/?mid=" + mediaId + "&ext=1&hash=ATt"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "image/jpeg")
                        .withBody(content)));
        HttpResponse<String> redriven =
                hub.post("/api/ops/media-downloads/" + id + "/redrive", IdentityProvider.ops(), null);

        assertThat(redriven.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from attachment where id = ? and state = 'STORED'", id) == 1);
        assertThat(hub.post("/api/ops/media-downloads/" + id + "/redrive", IdentityProvider.ops(), null)
                        .statusCode())
                .as("no longer FAILED")
                .isEqualTo(404);
        assertThat(db.count(
                        "select count(*) from access_log where user_id = 'ops-1' and action = 'MEDIA_DOWNLOAD_REDRIVE'"
                                + " and target = ?",
                        "attachment " + id))
                .isEqualTo(2);
    }

    @Test
    void aMessageIsTracedByWamidAndFailuresByMetasErrorCodeWithMetadataOnly() throws Exception {
        Fixture failedStatus = fixture("status-failed");
        String wamid = failedStatus.wamid(FAILED_WAMID);
        assertThat(webhook.postSigned(failedStatus.json()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count("select count(*) from message_status where wamid = ?", wamid) == 1);

        HttpResponse<String> traced =
                ops("/api/ops/messages?wamid=" + java.net.URLEncoder.encode(wamid, StandardCharsets.UTF_8));
        JsonNode trace = json(traced);
        assertThat(trace.path("message").path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(trace.path("message").path("deliveryState").asText()).isEqualTo("failed");
        assertThat(trace.path("message").path("errorCode").asInt()).isEqualTo(131047);
        assertThat(trace.path("statuses").get(0).path("status").asText()).isEqualTo("failed");
        assertThat(trace.path("statuses").get(0).path("errorCodes").get(0).asInt())
                .isEqualTo(131047);
        // Meta's error details can quote the customer: never returned; nor the recipient
        assertThat(traced.body()).doesNotContain("more than 24 hours", failedStatus.waId());
        assertThat(ops("/api/ops/messages?wamid=wamid.unknown").statusCode()).isEqualTo(404);

        JsonNode failures = json(
                ops("/api/ops/outbound-failures?code=131047&from=2025-06-18T00:00:00Z" + "&to=2025-06-19T00:00:00Z"));
        assertThat(failures.findValuesAsText("wamid")).contains(wamid);
        assertThat(json(ops("/api/ops/outbound-failures?code=130429")).findValuesAsText("wamid"))
                .doesNotContain(wamid);
        assertThat(db.count("select count(*) from access_log where user_id = 'ops-1' and action = 'MESSAGE_LOOKUP'"
                        + " and conversation_id is not null"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void rejectedUpdatesAreListedWithTimeReasonAndSizeButNotTheirPayload() throws Exception {
        String marker = "rejected-marker-" + System.nanoTime();
        String body = WebhookPayload.update()
                .json()
                .replace("\"field\":\"messages\"", "\"field\":\"account_update\"")
                .replace("\"messaging_product\":\"whatsapp\"", "\"messaging_product\":\"" + marker + "\"");
        assertThat(webhook.postSigned(body).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        db.rejected("unsupported change field%", Db.containing(marker.getBytes(StandardCharsets.UTF_8)))
                                == 1);

        HttpResponse<String> listed = ops("/api/ops/rejected-updates");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json(listed).findValuesAsText("reason")).contains("unsupported change field 'account_update'");
        assertThat(json(listed).findValues("storedBytes"))
                .allSatisfy(size -> assertThat(size.asLong()).isPositive());
        assertThat(listed.body()).doesNotContain(marker);
    }

    @Test
    void theOpsApiIsForTheOpsRoleOnly() {
        for (String path : List.of(
                "/api/ops/parked",
                "/api/ops/media-downloads",
                "/api/ops/messages?wamid=wamid.x",
                "/api/ops/outbound-failures",
                "/api/ops/rejected-updates",
                "/api/ops/billing?from=2025-07-01T00:00:00Z&to=2025-07-02T00:00:00Z")) {
            assertThat(hub.get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(hub.get(path, IdentityProvider.agent("agent-ops-probe")).statusCode())
                    .as(path)
                    .isEqualTo(403);
            assertThat(hub.get(path, IdentityProvider.privacyOfficer()).statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(hub.post("/api/ops/parked/redrive", IdentityProvider.supervisor(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.send(hub.request(
                                "DELETE", "/api/ops/parked?kind=outbound&why=x", IdentityProvider.integrator(), null))
                        .statusCode())
                .isEqualTo(403);
        assertThat(hub.post("/api/ops/media-downloads/redrive", IdentityProvider.agent("agent-ops-probe"), null)
                        .statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> ops(String path) {
        return hub.get(path, IdentityProvider.ops());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return mapper.readTree(response.body());
    }

    private static List<String> lines(JsonNode report) {
        List<String> lines = new java.util.ArrayList<>();
        report.forEach(line -> lines.add(line.path("day").asText() + " "
                + line.path("pricingModel").asText() + " "
                + line.path("category").asText() + " " + line.path("billable").asLong() + " "
                + line.path("free").asLong()));
        return lines;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode entry : list) {
            if (entry.path("id").asLong() == id) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + id + " in " + list);
    }

    private static String base64Sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String hexSha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
