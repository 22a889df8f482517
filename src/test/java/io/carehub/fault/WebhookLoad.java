package io.carehub.fault;

import io.carehub.PersonalValues;
import io.carehub.Webhook;
import io.carehub.WebhookPayload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays WhatsApp: each customer sends its numbered messages one after the other (message n+1 only
 * after n was acknowledged), signed like Meta signs them. A non-2xx answer or a broken connection is
 * retried as Meta retries, until acknowledged. Optionally every acknowledged webhook is delivered
 * again 1–2 times later from other threads (R5), and messages can carry an image (R6). In a conversations
 * load every customer also goes through the lifecycle: message 2 accepts the privacy notice (R14), message 3 picks
 * a topic from the menu (R20), so each customer gets a notice, a thanks, a menu and one pool hand-off (R22); or, for
 * the customers the chatbot serves ({@link Plan#botCustomer}), every other message is a text for the bot (R23).
 */
final class WebhookLoad {

    record Plan(
            String caseId,
            int customers,
            int messagesPerCustomer,
            Duration interval,
            boolean duplicates,
            boolean images,
            boolean conversations,
            int botEvery,
            List<URI> webhooks) {

        /**
         * In a conversations load with {@code botEvery} n &gt; 0, every n-th customer (index n-1, 2n-1, ...) is a
         * business customer whose conversation the chatbot serves (the suite lists these numbers as business numbers
         * in the hubs' routing rules): it accepts the notice with message 2 and writes texts otherwise, each of which
         * is one bot turn. The others go through the menu to an agent pool.
         */
        boolean botCustomer(int customer) {
            return conversations && botEvery > 0 && customer % botEvery == botEvery - 1;
        }

        /** What the hub knows the chatbot's customers by: the BSUID of a customer without phone number, else the wa_id. */
        List<String> botWaIds() {
            return java.util.stream.IntStream.range(0, customers)
                    .filter(this::botCustomer)
                    .mapToObj(c -> customerId(caseId, c))
                    .toList();
        }

        /** The sequence numbers of a bot customer's messages that go to the bot: all but the acceptance. */
        List<Integer> botTurns() {
            return java.util.stream.IntStream.rangeClosed(1, messagesPerCustomer)
                    .filter(seq -> seq != 2)
                    .boxed()
                    .toList();
        }
    }

    /** How a customer's text starts; the number is the message's sequence number (read back from bot requests). */
    static final String TEXT_PREFIX = "Nachricht ";

    /** The menu row a conversations load picks (routing-rules.yaml: topic contract, pool private-general). */
    static final String MENU_CHOICE = "menu:PRIVATE:contract";

    private final Plan plan;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Map<Integer, AtomicInteger> refusals = new ConcurrentHashMap<>();
    final AtomicLong connectionFailures = new AtomicLong();
    final AtomicLong duplicateDeliveries = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    private final AtomicLong roundRobin = new AtomicLong();

    WebhookLoad(Plan plan) {
        this.plan = plan;
    }

    int sent() {
        return plan.customers() * plan.messagesPerCustomer();
    }

    static String waId(String caseId, int customer) {
        return "4917" + String.format("%02d", Math.abs(caseId.hashCode()) % 100) + String.format("%07d", customer);
    }

    /** The case whose customers include some without a phone number (R52): the duplicate webhooks. */
    static final String DUPLICATES_CASE = "dup";

    /**
     * R52: every third customer of the duplicates case adopted a username and WhatsApp withholds its phone number: it
     * writes with its business-scoped user ID only ({@code from_user_id}, {@code contacts[].user_id}).
     */
    static boolean withoutPhoneNumber(String caseId, int customer) {
        return DUPLICATES_CASE.equals(caseId) && customer % 3 == 2;
    }

    /** What the hub knows the customer by: the BSUID for a customer without phone number, else the wa_id. */
    static String customerId(String caseId, int customer) {
        return withoutPhoneNumber(caseId, customer)
                ? "DE.17" + waId(caseId, customer).substring(4)
                : waId(caseId, customer);
    }

    static String wamid(String caseId, int customer, int seq) {
        return "wamid.fault-" + caseId + "-c" + customer + "-" + seq;
    }

    static String mediaId(String caseId, int customer, int seq) {
        return "media-" + caseId + "-c" + customer + "-" + seq;
    }

    static byte[] mediaBytes(String mediaId) {
        return ("JPEG stand-in bytes of " + mediaId).getBytes(StandardCharsets.UTF_8);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the whole load; returns when every message was acknowledged (or the deadline passed). */
    void run(Duration deadline) throws Exception {
        Instant end = Instant.now().plus(deadline);
        ExecutorService customers = Executors.newFixedThreadPool(plan.customers());
        ScheduledExecutorService redeliveries = Executors.newScheduledThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        List<Future<?>> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < plan.customers(); c++) {
            int customer = c;
            futures.add(customers.submit(() -> {
                Random random = new Random(customer);
                HubProcess.pace(random.nextInt((int) Math.max(1, plan.interval().toMillis())));
                for (int seq = 1; seq <= plan.messagesPerCustomer(); seq++) {
                    byte[] body = body(customer, seq);
                    long started = System.nanoTime();
                    if (deliverUntilAcknowledged(body, end)) {
                        acknowledged.add(wamid(plan.caseId(), customer, seq));
                        if (plan.duplicates()) {
                            int copies = 1 + random.nextInt(2);
                            for (int i = 0; i < copies; i++) {
                                duplicates.add(redeliveries.schedule(
                                        () -> deliverDuplicate(body, end),
                                        random.nextInt(3000),
                                        TimeUnit.MILLISECONDS));
                            }
                        }
                    }
                    long wait = plan.interval().toMillis() - (System.nanoTime() - started) / 1_000_000;
                    if (wait > 0) {
                        HubProcess.pace(wait);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        customers.shutdown();
        HubProcess.pace(3100); // every duplicate is scheduled within 3 s of its original
        synchronized (duplicates) {
            for (Future<?> future : duplicates) {
                future.get();
            }
        }
        redeliveries.shutdown();
    }

    private boolean deliverUntilAcknowledged(byte[] body, Instant end) {
        while (Instant.now().isBefore(end)) {
            int status = post(body);
            if (status >= 200 && status < 300) {
                return true;
            }
            HubProcess.pace(250); // Meta's retry, compressed
        }
        return false;
    }

    private void deliverDuplicate(byte[] body, Instant end) {
        duplicateDeliveries.incrementAndGet();
        deliverUntilAcknowledged(body, end);
    }

    private int post(byte[] body) {
        URI target = plan.webhooks()
                .get((int) (roundRobin.getAndIncrement() % plan.webhooks().size()));
        requests.incrementAndGet();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("X-Hub-Signature-256", "sha256=" + Webhook.sign(body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                refusals.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                        .incrementAndGet();
            }
            return response.statusCode();
        } catch (IOException e) {
            connectionFailures.incrementAndGet();
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private byte[] body(int customer, int seq) {
        String waId = waId(plan.caseId(), customer);
        boolean bsuidOnly = withoutPhoneNumber(plan.caseId(), customer);
        String sender = bsuidOnly
                ? "\"from_user_id\":\"" + customerId(plan.caseId(), customer) + "\""
                : "\"from\":\"" + waId + "\"";
        String message;
        if (plan.images()) {
            String mediaId = mediaId(plan.caseId(), customer, seq);
            message = """
                    {%s,"id":"%s","timestamp":"%d","type":"image",
                     "image":{"caption":"Foto %d","mime_type":"image/jpeg","sha256":"%s","id":"%s"}}""".formatted(
                            sender,
                            wamid(plan.caseId(), customer, seq),
                            Instant.now().getEpochSecond(),
                            seq,
                            sha256Hex(mediaBytes(mediaId)),
                            mediaId);
        } else if (plan.conversations() && (seq == 2 || (seq == 3 && !plan.botCustomer(customer)))) {
            String kind = seq == 2 ? "button_reply" : "list_reply";
            String reply = seq == 2
                    ? "{\"id\":\"consent-accept\",\"title\":\"Akzeptieren\"}"
                    : "{\"id\":\"" + MENU_CHOICE + "\",\"title\":\"Vertrag\"}";
            message = """
                    {%s,"id":"%s","timestamp":"%d","type":"interactive","interactive":{"type":"%s","%s":%s}}""".formatted(
                    sender, wamid(plan.caseId(), customer, seq), Instant.now().getEpochSecond(), kind, kind, reply);
        } else {
            message = """
                    {%s,"id":"%s","timestamp":"%d","type":"text","text":{"body":"%s%d. %s"}}""".formatted(
                            sender,
                            wamid(plan.caseId(), customer, seq),
                            Instant.now().getEpochSecond(),
                            TEXT_PREFIX,
                            seq,
                            PersonalValues.TEXT);
        }
        // planted personal values: the hubs' logs are searched for them afterwards (ops.NoPersonalDataInAnyLogCheck)
        WebhookPayload update = bsuidOnly
                ? WebhookPayload.update()
                        .contact(null, customerId(plan.caseId(), customer), PersonalValues.NAME, "kundin." + customer)
                : WebhookPayload.update().contact(waId, PersonalValues.NAME);
        return update.message(message).bytes();
    }
}
