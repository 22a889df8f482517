package io.carehub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bot calls as an effect (R5, R23): what the watsonx Assistant stand-in received, counted per customer. A customer's
 * sessions are the platform sessions its dialogs keep ({@code dialog.platform_session_id}); each message request to
 * one of them is a bot turn, and the text the bot got (pseudonymized, R24) still starts with the message's sequence
 * number ({@link WebhookLoad#TEXT_PREFIX}), so every turn is matched to the inbound message it answers.
 */
final class BotCalls {

    /** watsonx Assistant v2 paths under the service instance, as the stand-in serves them. */
    static final String SESSIONS = "/instances/fault/v2/assistants/fault-assistant/sessions";

    private static final Pattern MESSAGE_PATH = Pattern.compile(Pattern.quote(SESSIONS) + "/([^/?]+)/message.*");
    private static final Pattern SEQUENCE = Pattern.compile(Pattern.quote(WebhookLoad.TEXT_PREFIX) + "(\\d+)\\.");

    /**
     * One customer's bot turns.
     *
     * @param sessions   platform sessions the customer's dialogs keep (1 for a bot customer, 0 otherwise)
     * @param calls      message requests the platform answered 200 on those sessions
     * @param duplicates turns beyond one per inbound message, and turns that match none of the customer's messages
     * @param missing    inbound messages for the bot without a turn
     * @param reordered  turns that arrived after the turn of a later message of the same customer
     */
    record Turns(int sessions, int calls, int duplicates, int missing, int reordered) {}

    /** What the platform received, read once: message turns per session in arrival order, and the sessions opened. */
    record Journal(Map<String, List<Integer>> turnsBySession, Set<String> opened) {}

    private final WireMockServer platform;
    private final String jdbcUrl;
    private final ObjectMapper mapper = new ObjectMapper();

    BotCalls(WireMockServer platform, String jdbcUrl) {
        this.platform = platform;
        this.jdbcUrl = jdbcUrl;
    }

    /** The stand-in's journal (newest first) reversed: the order the requests arrived in. */
    Journal journal() {
        List<ServeEvent> events = new ArrayList<>(platform.getAllServeEvents());
        Collections.reverse(events);
        Map<String, List<Integer>> turns = new HashMap<>();
        Set<String> opened = new HashSet<>();
        for (ServeEvent event : events) {
            String url = event.getRequest().getUrl();
            int status = event.getResponse().getStatus();
            try {
                if (url.startsWith(SESSIONS + "?") && status / 100 == 2) {
                    opened.add(mapper.readTree(event.getResponse().getBodyAsString())
                            .path("session_id")
                            .asText());
                    continue;
                }
                Matcher message = MESSAGE_PATH.matcher(url);
                if (message.matches() && status == 200) {
                    JsonNode request = mapper.readTree(event.getRequest().getBodyAsString());
                    Matcher sequence =
                            SEQUENCE.matcher(request.path("input").path("text").asText());
                    turns.computeIfAbsent(message.group(1), s -> new ArrayList<>())
                            .add(sequence.find() ? Integer.parseInt(sequence.group(1)) : -1);
                }
            } catch (Exception unreadable) {
                throw new IllegalStateException("bot platform stand-in journal not readable", unreadable);
            }
        }
        return new Journal(turns, opened);
    }

    /** The customer's turns against the messages that should each have gone to the bot exactly once, in order. */
    Turns of(String waId, List<Integer> expected, Journal journal) {
        List<String> sessions = strings(
                "select d.platform_session_id from dialog d join conversation c on c.id = d.conversation_id"
                        + " join contact k on k.id = c.contact_id where ? in (k.wa_id_hash, k.user_id_hash) and d.platform_session_id is not null"
                        + " order by d.started_at",
                HubProcess.lookupHash(waId));
        List<Integer> arrived = new ArrayList<>();
        sessions.forEach(session -> arrived.addAll(journal.turnsBySession().getOrDefault(session, List.of())));
        Map<Integer, Integer> perMessage = new HashMap<>();
        arrived.forEach(seq -> perMessage.merge(seq, 1, Integer::sum));
        int duplicates = 0;
        for (Map.Entry<Integer, Integer> turn : perMessage.entrySet()) {
            duplicates += expected.contains(turn.getKey()) ? turn.getValue() - 1 : turn.getValue();
        }
        int missing = (int)
                expected.stream().filter(seq -> !perMessage.containsKey(seq)).count();
        return new Turns(sessions.size(), arrived.size(), duplicates, missing, reordered(arrived));
    }

    /**
     * Sessions the platform opened that no dialog kept (a session opened twice for one dialog), and turns on them;
     * both are effects no customer should have caused.
     */
    int unattributed(Journal journal) {
        Set<String> kept =
                new HashSet<>(strings("select platform_session_id from dialog where platform_session_id is not null"));
        int orphans = 0;
        for (String session : journal.opened()) {
            if (!kept.contains(session)) {
                orphans += 1
                        + journal.turnsBySession()
                                .getOrDefault(session, List.of())
                                .size();
            }
        }
        return orphans;
    }

    private static int reordered(List<Integer> sequenceInArrivalOrder) {
        int highest = Integer.MIN_VALUE;
        int reordered = 0;
        for (int seq : sequenceInArrivalOrder) {
            if (seq < highest) {
                reordered++;
            } else {
                highest = seq;
            }
        }
        return reordered;
    }

    private List<String> strings(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            return List.of();
        }
    }
}
