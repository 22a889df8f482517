package io.carehub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Exactly once means no duplicate effect (R5): what a duplicate delivery could cause besides a message row,
 * counted per customer from outside the hubs — the Graph API stand-in's requests, the bot platform stand-in's
 * requests ({@link BotCalls}), the pool queues on the broker and the rows the conversation lifecycle writes. Used with {@link WebhookLoad.Plan#conversations()} loads, in
 * which every customer gets a privacy notice and accepts it; then an agent customer gets the thanks and the menu, picks
 * a topic and is handed to a pool, and a bot customer talks to the chatbot, one bot turn per text.
 */
final class EffectAudit {

    /** The notice's accept button (ConsentProperties.ACCEPT_ID): marks a Graph API send as a privacy notice. */
    private static final String NOTICE_BUTTON = "\"consent-accept\"";

    /**
     * One customer's effects. An agent customer must have exactly 1 notice, consent and hand-off, at most 1 menu and
     * no bot turn; a bot customer (the chatbot serves its conversation) exactly 1 notice, consent and bot session, one
     * bot turn per message for the bot, and neither menu nor hand-off.
     *
     * @param waId             the customer
     * @param bot              whether the chatbot serves the customer
     * @param notices          privacy notices the Graph API accepted
     * @param consents         consent decisions recorded by the lifecycle (one acceptance)
     * @param menus            topic menus the Graph API accepted (sent by routing after the acceptance; none when the
     *                         customer's menu choice was already documented then: it is released with the acceptance)
     * @param handOffs         hand-offs of the customer's conversation on its pool's queue
     * @param outboundRows     outbound messages documented for the customer
     * @param duplicateSends   Graph API sends beyond one per outbound message (an accepted send whose wamid no row has)
     * @param unsentRows       outbound messages without an accepted Graph API send
     * @param unreleased       inbound messages the lifecycle never released (no {@code released_at})
     * @param outboundReorders sends the Graph API received after a send of a later outbound message
     * @param lifecycleReorders messages released after a later message of the same customer
     * @param botTurns         what the bot platform received from the customer's dialog
     */
    record CustomerEffects(
            String waId,
            boolean bot,
            int notices,
            int consents,
            int menus,
            int handOffs,
            int outboundRows,
            int duplicateSends,
            int unsentRows,
            int unreleased,
            int outboundReorders,
            int lifecycleReorders,
            BotCalls.Turns botTurns) {

        int duplicateEffects() {
            int routed = bot ? menus + handOffs : Math.max(0, menus - 1) + Math.max(0, handOffs - 1);
            return Math.max(0, notices - 1)
                    + Math.max(0, consents - 1)
                    + routed
                    + duplicateSends
                    + Math.max(0, botTurns.sessions() - 1)
                    + botTurns.duplicates();
        }

        int missingEffects() {
            // no menu is no miss: a menu choice documented before the acceptance was handled is released with it
            int routed = bot ? (botTurns.sessions() == 0 ? 1 : 0) : (handOffs == 0 ? 1 : 0);
            return (notices == 0 ? 1 : 0)
                    + (consents == 0 ? 1 : 0)
                    + routed
                    + unsentRows
                    + unreleased
                    + botTurns.missing();
        }

        String describe() {
            return waId + (bot ? " (bot)" : "") + ": notices " + notices + ", consents " + consents + ", menus "
                    + menus + ", hand-offs " + handOffs + ", outbound " + outboundRows + " (sent twice "
                    + duplicateSends + ", unsent " + unsentRows + "), unreleased " + unreleased + ", bot sessions "
                    + botTurns.sessions() + ", bot calls " + botTurns.calls() + " (twice " + botTurns.duplicates()
                    + ", missing " + botTurns.missing() + "), reordered outbound " + outboundReorders + " lifecycle "
                    + lifecycleReorders + " bot " + botTurns.reordered();
        }
    }

    /**
     * A case's effects summed over its customers, with the first few customers that are off. {@code botCalls} counts
     * the turns the bot platform received for the case's customers, {@code botCallsExpected} the messages that had to
     * go to the bot; {@code unattributedBotEffects} (sessions no dialog kept, and turns on them) count as duplicates.
     */
    record Effects(
            String caseName,
            int customers,
            int duplicateEffects,
            int missingEffects,
            int outboundReordered,
            int lifecycleReordered,
            int botCalls,
            int botCallsExpected,
            int botReordered,
            List<String> offExamples) {

        static Effects of(
                String caseName, List<CustomerEffects> perCustomer, int botCallsExpected, int unattributedBotEffects) {
            List<String> off = perCustomer.stream()
                    .filter(c -> c.duplicateEffects()
                                    + c.missingEffects()
                                    + c.outboundReorders()
                                    + c.lifecycleReorders()
                                    + c.botTurns().reordered()
                            > 0)
                    .limit(4)
                    .map(CustomerEffects::describe)
                    .toList();
            return new Effects(
                    caseName,
                    perCustomer.size(),
                    unattributedBotEffects
                            + perCustomer.stream()
                                    .mapToInt(CustomerEffects::duplicateEffects)
                                    .sum(),
                    perCustomer.stream()
                            .mapToInt(CustomerEffects::missingEffects)
                            .sum(),
                    perCustomer.stream()
                            .mapToInt(CustomerEffects::outboundReorders)
                            .sum(),
                    perCustomer.stream()
                            .mapToInt(CustomerEffects::lifecycleReorders)
                            .sum(),
                    perCustomer.stream().mapToInt(c -> c.botTurns().calls()).sum(),
                    botCallsExpected,
                    perCustomer.stream().mapToInt(c -> c.botTurns().reordered()).sum(),
                    off);
        }
    }

    private final String jdbcUrl;
    private final WireMockServer graphApi;
    private final String brokerUrl;
    private final String brokerUser;
    private final String brokerPassword;
    private final BotCalls botCalls;
    private final ObjectMapper mapper = new ObjectMapper();

    EffectAudit(
            String jdbcUrl,
            WireMockServer graphApi,
            WireMockServer botPlatform,
            String brokerUrl,
            String brokerUser,
            String brokerPassword) {
        this.jdbcUrl = jdbcUrl;
        this.botCalls = new BotCalls(botPlatform, jdbcUrl);
        this.graphApi = graphApi;
        this.brokerUrl = brokerUrl;
        this.brokerUser = brokerUser;
        this.brokerPassword = brokerPassword;
    }

    /**
     * Waits until every customer of the case has all its effects and they stay unchanged for 3 s (the lifecycle and
     * the senders have drained, late duplicates included), at most {@code timeout}; then counts.
     */
    Effects await(String caseName, WebhookLoad.Plan plan, Duration timeout) {
        AtomicReference<List<CustomerEffects>> latest = new AtomicReference<>(List.of());
        try {
            Awaitility.await("every effect of " + plan.caseId() + " happened and settled")
                    .atMost(timeout)
                    .pollInterval(Duration.ofSeconds(1))
                    .during(Duration.ofSeconds(3))
                    .until(() -> {
                        List<CustomerEffects> previous = latest.get();
                        List<CustomerEffects> now = latest.updateAndGet(p -> perCustomer(plan, botCalls.journal()));
                        return now.equals(previous) && now.stream().allMatch(c -> c.missingEffects() == 0);
                    });
        } catch (ConditionTimeoutException notSettled) {
            // the counts below say which effects are missing or repeated
        }
        BotCalls.Journal journal = botCalls.journal();
        int botCallsExpected = plan.botWaIds().size() * plan.botTurns().size();
        return Effects.of(caseName, perCustomer(plan, journal), botCallsExpected, botCalls.unattributed(journal));
    }

    List<CustomerEffects> perCustomer(WebhookLoad.Plan plan, BotCalls.Journal journal) {
        List<Send> sends = acceptedSendsInArrivalOrder();
        Map<Long, Integer> handOffs = new HashMap<>();
        Map<String, Conversation> conversations = new LinkedHashMap<>();
        for (int c = 0; c < plan.customers(); c++) {
            String waId = WebhookLoad.customerId(plan.caseId(), c); // R52: the BSUID of a customer without phone number
            conversations.put(waId, conversation(waId));
        }
        List<String> bots = plan.botWaIds();
        TreeSet<String> pools = new TreeSet<>();
        conversations.values().stream().filter(k -> k.pool() != null).forEach(k -> pools.add(k.pool()));
        handOffs.putAll(handOffsPerConversation(pools));
        List<CustomerEffects> result = new ArrayList<>();
        conversations.forEach((waId, conversation) -> {
            List<Send> own = sends.stream().filter(s -> waId.equals(s.to())).toList();
            Map<String, Long> rowByWamid = outboundRows(waId);
            List<Long> sentRows = new ArrayList<>();
            int duplicateSends = 0;
            for (Send send : own) {
                Long row = rowByWamid.get(send.wamid());
                if (row == null) {
                    duplicateSends++; // accepted by the Graph API, but no outbound row kept its wamid: sent again
                } else {
                    sentRows.add(row);
                }
            }
            int unsent = (int) rowByWamid.values().stream()
                    .filter(row -> !sentRows.contains(row))
                    .count();
            boolean bot = bots.contains(waId);
            result.add(new CustomerEffects(
                    waId,
                    bot,
                    (int) own.stream().filter(Send::notice).count(),
                    (int) count(
                            "select count(*) from consent_record r join contact k on k.id = r.contact_id"
                                    + " where ? in (k.wa_id_hash, k.user_id_hash)",
                            waId),
                    (int) own.stream().filter(Send::menu).count(),
                    conversation.id() == null ? 0 : handOffs.getOrDefault(conversation.id(), 0),
                    rowByWamid.size(),
                    duplicateSends,
                    unsent,
                    (int) count(
                            "select count(*) from message m join conversation c on c.id = m.conversation_id"
                                    + " join contact k on k.id = c.contact_id"
                                    + " where ? in (k.wa_id_hash, k.user_id_hash) and m.direction = 'INBOUND' and m.released_at is null",
                            waId),
                    reorders(sentRows),
                    DocumentationAudit.reordered(releasedAfterTheAcceptance(waId)),
                    botCalls.of(waId, bot ? plan.botTurns() : List.of(), journal)));
        });
        return result;
    }

    /** A Graph API send the stand-in answered 200: recipient, the wamid it returned, what it was. */
    private record Send(String to, String wamid, boolean notice, boolean menu) {}

    private record Conversation(Long id, String pool) {}

    /** The stand-in's journal is newest first; reversed it is the order the sends arrived in. */
    private List<Send> acceptedSendsInArrivalOrder() {
        List<ServeEvent> events = new ArrayList<>(graphApi.getAllServeEvents());
        java.util.Collections.reverse(events);
        List<Send> sends = new ArrayList<>();
        for (ServeEvent event : events) {
            if (!event.getRequest().getUrl().endsWith("/messages")
                    || event.getResponse().getStatus() != 200) {
                continue;
            }
            try {
                String body = event.getRequest().getBodyAsString();
                JsonNode request = mapper.readTree(body);
                JsonNode answer = mapper.readTree(event.getResponse().getBodyAsString());
                sends.add(new Send(
                        // R52: a customer without phone number is addressed by `recipient` (BSUID)
                        request.has("to")
                                ? request.path("to").asText()
                                : request.path("recipient").asText(),
                        answer.path("messages").path(0).path("id").asText(),
                        body.contains(NOTICE_BUTTON),
                        "list".equals(request.path("interactive").path("type").asText())));
            } catch (Exception unreadable) {
                throw new IllegalStateException("Graph API stand-in journal not readable", unreadable);
            }
        }
        return sends;
    }

    /** Sends that arrived after a send of a later (higher id) outbound message of the same customer. */
    private static int reorders(List<Long> rowIdsInArrivalOrder) {
        long highest = Long.MIN_VALUE;
        int reorders = 0;
        for (long id : rowIdsInArrivalOrder) {
            if (id < highest) {
                reorders++;
            } else {
                highest = id;
            }
        }
        return reorders;
    }

    private Map<Long, Integer> handOffsPerConversation(Iterable<String> pools) {
        Map<Long, Integer> counts = new HashMap<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl, brokerUser, brokerPassword);
                jakarta.jms.Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String pool : pools) {
                // browsing leaves the hand-offs where an agent desktop would find them
                try (QueueBrowser browser = session.createBrowser(session.createQueue("carehub.pool." + pool))) {
                    Enumeration<?> messages = browser.getEnumeration();
                    while (messages.hasMoreElements()) {
                        Message message = (Message) messages.nextElement();
                        Object conversation = message.getObjectProperty("carehubConversationId");
                        if (conversation != null) {
                            counts.merge(Long.parseLong(conversation.toString()), 1, Integer::sum);
                        }
                    }
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("pool queues not readable", e);
        }
        return counts;
    }

    private Conversation conversation(String waId) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select c.id, c.pool from conversation c join contact k on k.id = c.contact_id"
                                + " where ? in (k.wa_id_hash, k.user_id_hash) order by c.id desc limit 1")) {
            statement.setBytes(1, HubProcess.lookupHash(waId));
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? new Conversation(result.getLong(1), result.getString(2))
                        : new Conversation(null, null);
            }
        } catch (SQLException e) {
            return new Conversation(null, null);
        }
    }

    /** The customer's outbound messages: Graph API wamid (null while unsent) → row id. */
    private Map<String, Long> outboundRows(String waId) {
        Map<String, Long> rows = new HashMap<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select m.wamid, m.id from message m join conversation c on c.id = m.conversation_id"
                                + " join contact k on k.id = c.contact_id where ? in (k.wa_id_hash, k.user_id_hash) and m.direction = 'OUTBOUND'")) {
            statement.setBytes(1, HubProcess.lookupHash(waId));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String wamid = result.getString(1);
                    // an unsent row has no wamid yet: keyed by its id so that every row counts
                    rows.put(wamid != null ? wamid : "unsent-" + result.getLong(2), result.getLong(2));
                }
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return rows;
    }

    /**
     * The customer's inbound wamids in the order the lifecycle released them. The first message is held until the
     * acceptance and released with it, so the order is checked from the acceptance (message 2) on.
     */
    private List<String> releasedAfterTheAcceptance(String waId) {
        List<String> wamids = new ArrayList<>();
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select m.wamid from message m join conversation c on c.id = m.conversation_id"
                                + " join contact k on k.id = c.contact_id where ? in (k.wa_id_hash, k.user_id_hash) and m.direction = 'INBOUND'"
                                + " and m.released_at is not null and m.wamid not like '%-1' order by m.released_at, m.id")) {
            statement.setBytes(1, HubProcess.lookupHash(waId));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    wamids.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            return List.of();
        }
        return wamids;
    }

    /** {@code waId}: the customer the query names by its lookup hash (R19). */
    private long count(String sql, String waId) {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setBytes(1, HubProcess.lookupHash(waId));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }
}
