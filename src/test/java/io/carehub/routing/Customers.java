package io.carehub.routing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.Db;
import io.carehub.MutableClock;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Customers writing to the hub through the signed webhook, with WhatsApp's timestamps taken from the
 * {@link TestClock}. Each call returns once the conversation lifecycle has handled the message.
 */
public final class Customers {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000_000L);

    private final Webhook webhook;
    private final Db db;
    private final MutableClock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final LifecycleProbe lifecycle = new LifecycleProbe();

    Customers(Webhook webhook, Db db, CamelContext camel, MutableClock clock) {
        this.webhook = webhook;
        this.db = db;
        this.clock = clock;
        ServiceHelper.startService(lifecycle);
        camel.getManagementStrategy().addEventNotifier(lifecycle);
    }

    /** A wa_id no other test uses. */
    public static String newCustomer() {
        return "4916" + String.format("%09d", SEQUENCE.incrementAndGet());
    }

    /**
     * R52: a business-scoped user ID no other test uses (country code, dot, digits, as Meta's examples). The methods
     * below take it in place of a wa_id: the customer then writes as one who adopted a username and whose phone
     * number WhatsApp withholds ({@code from_user_id}, {@code contacts[].user_id} and {@code username}, no wa_id).
     */
    public static String newUsernameCustomer() {
        return "DE.15025" + String.format("%011d", SEQUENCE.incrementAndGet());
    }

    /** R52: the username the customer with this BSUID shows. */
    public static String usernameOf(String userId) {
        return "kundin." + userId.substring(userId.length() - 6);
    }

    private static boolean isBsuid(String id) {
        return id.contains(".");
    }

    /** The customer writes a text; returns its wamid. */
    public String text(String waId, String body) {
        return textSentAt(waId, body, clock.instant());
    }

    /** A text WhatsApp delivers now although the customer sent it at {@code sentAt} (e.g. after an outage). */
    public String textSentAt(String waId, String body, Instant sentAt) {
        ObjectNode message = message(waId, "text");
        message.put("timestamp", Long.toString(sentAt.getEpochSecond()));
        message.putObject("text").put("body", body);
        return post(waId, message);
    }

    /** The customer presses an interactive reply button or picks a list row. */
    public String reply(String waId, String kind, String id, String title) {
        ObjectNode message = message(waId, "interactive");
        ObjectNode interactive = message.putObject("interactive").put("type", kind);
        interactive.putObject(kind).put("id", id).put("title", title);
        return post(waId, message);
    }

    /** The customer shares a location (a message without text). */
    public String location(String waId, double latitude, double longitude) {
        ObjectNode message = message(waId, "location");
        message.putObject("location").put("latitude", latitude).put("longitude", longitude);
        return post(waId, message);
    }

    /** A customer who accepted the notice; returns the conversation id. */
    public long consentedCustomer(String waId, String firstText) {
        text(waId, firstText);
        db.awaitOutbound(waId, 1);
        reply(waId, "button_reply", "consent-accept", "Akzeptieren");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> db.count(
                                "select count(*) from consent_record r join contact k on k.id = r.contact_id where ? in (k.wa_id_hash, k.user_id_hash)",
                                db.hash(waId))
                        == 1);
        return db.conversationOf(waId);
    }

    /**
     * R52: the customer writes with both identifiers, as Meta sends them while it shares the phone number
     * ({@code from} and {@code from_user_id}; {@code contacts[]} with {@code wa_id} and {@code user_id}).
     */
    public String textWithBoth(String waId, String userId, String body) {
        ObjectNode message = message(waId, "text").put("from_user_id", userId);
        message.putObject("text").put("body", body);
        return post(WebhookPayload.update().contact(waId, userId, "Kundin", usernameOf(userId)), message);
    }

    private ObjectNode message(String waId, String type) {
        return mapper.createObjectNode()
                .put(isBsuid(waId) ? "from_user_id" : "from", waId)
                .put("id", "wamid.lc" + SEQUENCE.incrementAndGet())
                .put("timestamp", Long.toString(clock.instant().getEpochSecond()))
                .put("type", type);
    }

    private String post(String waId, ObjectNode message) {
        return post(
                isBsuid(waId)
                        ? WebhookPayload.update().contact(null, waId, "Kundin", usernameOf(waId))
                        : WebhookPayload.update().contact(waId, "Kundin " + waId),
                message);
    }

    private String post(WebhookPayload update, ObjectNode message) {
        String body = update.message(message.toString()).json();
        String wamid = message.get("id").asText();
        if (webhook.postSigned(body).statusCode() != 200) {
            throw new AssertionError("webhook refused the message");
        }
        // this message, not just any: other tests' customers share the lifecycle's consumers
        await("the conversation lifecycle handled " + wamid)
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        lifecycle.handled(db.count("select coalesce(max(id), 0) from message where wamid = ?", wamid)));
        return wamid;
    }
}
