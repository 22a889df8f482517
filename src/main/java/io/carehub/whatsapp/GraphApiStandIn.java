package io.carehub.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * R43: LOCAL STAND-IN for the WhatsApp Graph API on embedded defaults without an access token. It
 * records what the hub sends, answers like the real API (a fresh wamid) and then posts signed
 * status webhooks (sent, delivered, read) to the hub's own webhook — nothing reaches WhatsApp. It speaks
 * both forms (R52): {@code to} (phone number) and {@code recipient} (business-scoped user ID).
 * §4 Security: it exists only in the default profile (the prod profile refuses carehub.whatsapp.stand-in) and
 * answers loopback clients only: what it records are customers' messages.
 */
@RestController
@Profile("default")
@ConditionalOnProperty(name = "carehub.whatsapp.stand-in", havingValue = "true")
class GraphApiStandIn implements DisposableBean {

    static final String PATH = "/stand-in/graph";
    /** The walkthrough needs the latest few; keeping every message would grow the heap for as long as the hub runs. */
    static final int SENT_KEPT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(GraphApiStandIn.class);

    private final ObjectMapper mapper;
    private final SignatureVerifier signature;
    private final Environment environment;
    private final Deque<Map<String, Object>> sent = new ArrayDeque<>();
    private final ScheduledExecutorService statuses = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newHttpClient();

    GraphApiStandIn(ObjectMapper mapper, SignatureVerifier signature, Environment environment) {
        this.mapper = mapper;
        this.signature = signature;
        this.environment = environment;
        LOG.warn(
                "LOCAL STAND-IN: outbound WhatsApp messages go to {} on this hub, not to WhatsApp "
                        + "(set carehub.whatsapp.access-token to use the real Graph API)",
                PATH);
    }

    @PostMapping(PATH + "/{version}/{phoneNumberId}/messages")
    Map<String, Object> send(
            @PathVariable String version,
            @PathVariable String phoneNumberId,
            @RequestBody JsonNode request,
            HttpServletRequest client) {
        requireLoopback(client);
        String wamid =
                "wamid.STANDIN" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        // R52: Meta's rule: `to` (phone number) wins over `recipient` (BSUID) when both are given
        String to = request.path("to").asText(null);
        String recipient = to == null ? request.path("recipient").asText(null) : null;
        synchronized (sent) {
            sent.add(Map.of(
                    "wamid",
                    wamid,
                    "phoneNumberId",
                    phoneNumberId,
                    "receivedAt",
                    Instant.now().toString(),
                    "request",
                    request));
            if (sent.size() > SENT_KEPT) {
                sent.removeFirst();
            }
        }
        LOG.info(
                "LOCAL STAND-IN received a {} message as {}",
                request.path("type").asText(),
                wamid);
        int delay = 200;
        for (String status : List.of("sent", "delivered", "read")) {
            statuses.schedule(
                    () -> postStatus(phoneNumberId, wamid, to, recipient, status), delay, TimeUnit.MILLISECONDS);
            delay += 300;
        }
        return Map.of(
                "messaging_product",
                "whatsapp",
                "contacts",
                // R52: a send to a BSUID is answered with the contact's user_id instead of wa_id
                List.of(
                        to != null
                                ? Map.of("input", to, "wa_id", to)
                                : Map.of("input", recipient, "user_id", recipient)),
                "messages",
                List.of(Map.of("id", wamid)));
    }

    /** The last {@value #SENT_KEPT} messages the stand-in received, newest last (for the first-run walkthrough). */
    @GetMapping(PATH + "/sent")
    List<Map<String, Object>> sent(HttpServletRequest client) {
        requireLoopback(client);
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    private static void requireLoopback(HttpServletRequest client) {
        try {
            // a literal address only: a host name would need a DNS lookup
            if (InetAddress.ofLiteral(client.getRemoteAddr()).isLoopbackAddress()) {
                return;
            }
        } catch (RuntimeException unparsable) {
            // refused below
        }
        LOG.warn("LOCAL STAND-IN refused a request from a non-loopback client");
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the local Graph API stand-in answers loopback only");
    }

    private void postStatus(String phoneNumberId, String wamid, String to, String recipient, String status) {
        ObjectNode root = mapper.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode value = root.putArray("entry")
                .addObject()
                .put("id", "stand-in")
                .putArray("changes")
                .addObject()
                .put("field", "messages")
                .putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "stand-in").put("phone_number_id", phoneNumberId);
        ObjectNode update = value.putArray("statuses")
                .addObject()
                .put("id", wamid)
                .put("status", status)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        if (to != null) {
            update.put("recipient_id", to);
        } else {
            // R52: a status of a send to a BSUID names the recipient by recipient_user_id, its contact by user_id
            update.put("recipient_user_id", recipient);
            value.putArray("contacts").addObject().put("user_id", recipient);
        }
        update.putObject("conversation")
                .put("id", "stand-in-conversation")
                .putObject("origin")
                .put("type", "service");
        update.putObject("pricing")
                .put("billable", false)
                .put("pricing_model", "PMP")
                .put("category", "service")
                .put("type", "free_customer_service");
        byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);
        String port = environment.getProperty("local.server.port", "8080");
        try {
            http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/whatsapp"))
                            .header("Content-Type", "application/json")
                            .header(
                                    SignatureVerifier.HEADER,
                                    "sha256=" + HexFormat.of().formatHex(signature.sign(body)))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            LOG.warn("LOCAL STAND-IN could not post the {} status webhook: {}", status, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        statuses.shutdownNow();
    }
}
