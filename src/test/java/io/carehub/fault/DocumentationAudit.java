package io.carehub.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a user checks after a fault: the inbound message rows in PostgreSQL, in the order they were
 * documented ({@code message.id}, a sequence), against what the load sent and got acknowledged.
 */
final class DocumentationAudit {

    /** No duplicate count here: message.wamid is UNIQUE, so a duplicate shows only as an effect ({@link EffectAudit}). */
    record Counts(
            String caseName,
            int sent,
            int acknowledged,
            int documented,
            int lost,
            int reordered,
            String refusals,
            Duration recovery,
            String reorderExamples) {

        boolean exactlyOnceInOrder() {
            return acknowledged == sent && documented == sent && lost == 0 && reordered == 0;
        }
    }

    private final String jdbcUrl;

    DocumentationAudit(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Waits until every acknowledged message of the case is documented (or the timeout passes), then counts. */
    Counts await(String caseName, String caseId, WebhookLoad load, Duration timeout) {
        Instant start = Instant.now();
        java.util.concurrent.atomic.AtomicReference<List<String>> documented =
                new java.util.concurrent.atomic.AtomicReference<>(List.of());
        try {
            org.awaitility.Awaitility.await("every acknowledged message of " + caseId + " documented")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> new HashSet<>(documented.updateAndGet(previous -> documentedInOrder(caseId)))
                            .containsAll(load.acknowledged));
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            // not all documented in time: the counts below show what is lost
        }
        List<String> rows = documented.get();
        Duration recovery = Duration.between(start, Instant.now());
        Set<String> distinct = new HashSet<>(rows);
        int lost = (int)
                load.acknowledged.stream().filter(w -> !distinct.contains(w)).count();
        return new Counts(
                caseName,
                load.sent(),
                load.acknowledged.size(),
                distinct.size(),
                lost,
                reordered(rows),
                refusals(load),
                recovery,
                reorderExamples(rows));
    }

    /** Messages documented out of their customer's send order: a sequence number lower than one documented before it. */
    static int reordered(List<String> wamidsInDocumentationOrder) {
        Map<String, Integer> highest = new HashMap<>();
        int reordered = 0;
        for (String wamid : wamidsInDocumentationOrder) {
            int dash = wamid.lastIndexOf('-');
            String customer = wamid.substring(0, dash);
            int seq = Integer.parseInt(wamid.substring(dash + 1));
            Integer before = highest.get(customer);
            if (before != null && seq < before) {
                reordered++;
            } else {
                highest.put(customer, seq);
            }
        }
        return reordered;
    }

    /** The first few reorderings, "customer: seq after seq", for the report. */
    static String reorderExamples(List<String> wamidsInDocumentationOrder) {
        Map<String, Integer> highest = new HashMap<>();
        List<String> examples = new ArrayList<>();
        for (String wamid : wamidsInDocumentationOrder) {
            int dash = wamid.lastIndexOf('-');
            String customer = wamid.substring(wamid.lastIndexOf('-', dash - 1) + 1, dash);
            int seq = Integer.parseInt(wamid.substring(dash + 1));
            Integer before = highest.get(customer);
            if (before != null && seq < before) {
                if (examples.size() < 6) {
                    examples.add(customer + ": " + seq + " after " + before);
                }
            } else {
                highest.put(customer, seq);
            }
        }
        return String.join(", ", examples);
    }

    List<String> documentedInOrder(String caseId) {
        return strings(
                "select wamid from message where direction = 'INBOUND' and wamid like ? order by id",
                "wamid.fault-" + caseId + "-%");
    }

    long count(String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private List<String> strings(String sql, String arg) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, arg);
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            return List.of(); // database down: nothing visible yet
        }
    }

    private static String refusals(WebhookLoad load) {
        StringBuilder text = new StringBuilder();
        load.refusals.forEach((status, count) -> text.append(text.length() == 0 ? "" : " ")
                .append(status)
                .append('×')
                .append(count.get()));
        if (load.connectionFailures.get() > 0) {
            text.append(text.length() == 0 ? "" : " ").append("conn×").append(load.connectionFailures.get());
        }
        return text.length() == 0 ? "-" : text.toString();
    }
}
