package io.carehub.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.carehub.routing.RoutingRules.BusinessHours;
import io.carehub.routing.RoutingRules.Menu;
import io.carehub.routing.RoutingRules.Overflow;
import io.carehub.routing.RoutingRules.Pool;
import io.carehub.routing.RoutingRules.Segment;
import io.carehub.routing.RoutingRules.Topic;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses and validates a routing-rules YAML document; every problem is reported, none is guessed around. */
final class RoutingRulesParser {

    /** R52: WhatsApp's business-scoped user ID: ISO country code, a dot, up to 128 alphanumerics (parent: CC.ENT.…). */
    private static final java.util.regex.Pattern BSUID =
            java.util.regex.Pattern.compile("[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}");

    /** The interactive list of WhatsApp holds at most 10 rows: two segments × topics. */
    static final int MAX_MENU_ROWS = 10;

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final YAMLMapper yaml = new YAMLMapper();

    static final class InvalidRulesException extends Exception {
        final List<String> problems;

        InvalidRulesException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = problems;
        }
    }

    RoutingRules parse(byte[] document) throws InvalidRulesException {
        JsonNode root;
        try {
            root = yaml.readTree(document);
        } catch (IOException e) {
            throw new InvalidRulesException(List.of("not valid YAML: "
                    + (e instanceof com.fasterxml.jackson.core.JacksonException j
                            ? j.getOriginalMessage()
                            : e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRulesException(List.of("the rules file must be a YAML mapping"));
        }
        List<String> problems = new ArrayList<>();
        ZoneId zone = ZoneId.of("Europe/Berlin");
        try {
            zone = ZoneId.of(root.path("timeZone").asText("Europe/Berlin"));
        } catch (DateTimeException e) {
            problems.add("timeZone '" + root.path("timeZone").asText() + "' is not a time zone");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode day : root.path("holidays")) {
            try {
                holidays.add(LocalDate.parse(day.asText()));
            } catch (DateTimeParseException e) {
                problems.add("holiday '" + day.asText() + "' is not an ISO date (yyyy-MM-dd)");
            }
        }
        int stickyDays = root.path("stickyDays").asInt(14);
        if (stickyDays < 0) {
            problems.add("stickyDays must be >= 0");
        }
        JsonNode menuNode = root.path("menu");
        // customer-facing texts: in the rules file only (the built-in routing-rules.yaml has them), no defaults here
        Menu menu = new Menu(
                requiredText(menuNode, "text", problems),
                requiredText(menuNode, "button", problems),
                requiredText(menuNode, "privateSection", problems),
                requiredText(menuNode, "businessSection", problems));
        if (menu.button().length() > 20) {
            problems.add("menu.button must be at most 20 characters (WhatsApp list button)");
        }

        List<Topic> topics = new ArrayList<>();
        Set<String> topicIds = new LinkedHashSet<>();
        for (JsonNode node : root.path("topics")) {
            String id = node.path("id").asText("");
            if (id.isBlank() || !topicIds.add(id)) {
                problems.add("topic id '" + id + "' is missing or not unique");
            }
            String title = node.path("title").asText(id);
            if (title.length() > 24) {
                problems.add("topic '" + id + "' title longer than 24 characters (WhatsApp list row)");
            }
            List<String> keywords = new ArrayList<>();
            node.path("keywords").forEach(k -> keywords.add(k.asText().toLowerCase(Locale.ROOT)));
            topics.add(new Topic(id, title, List.copyOf(keywords)));
        }
        if (topics.isEmpty()) {
            problems.add("at least one topic is required");
        }
        if (topics.size() * 2 > MAX_MENU_ROWS) {
            problems.add(
                    "at most " + MAX_MENU_ROWS / 2 + " topics fit the WhatsApp menu (two segments × topics ≤ 10 rows)");
        }

        List<Pool> pools = new ArrayList<>();
        Set<String> poolIds = new LinkedHashSet<>();
        for (JsonNode node : root.path("pools")) {
            String id = node.path("id").asText("");
            if (!id.matches("[a-z0-9][a-z0-9-]{0,62}") || !poolIds.add(id)) {
                problems.add(
                        "pool id '" + id + "' is missing, not unique or not lowercase [a-z0-9-] (it names a queue)");
            }
            Segment segment = null;
            try {
                segment = Segment.valueOf(node.path("segment").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("pool '" + id + "' segment must be PRIVATE or BUSINESS");
            }
            List<String> poolTopics = new ArrayList<>();
            node.path("topics").forEach(t -> poolTopics.add(t.asText()));
            for (String topic : poolTopics) {
                if (!topic.equals("*") && !topicIds.contains(topic)) {
                    problems.add("pool '" + id + "' names unknown topic '" + topic + "'");
                }
            }
            if (poolTopics.isEmpty()) {
                problems.add("pool '" + id + "' needs topics (or \"*\" for all)");
            }
            BusinessHours hours = hours(id, node.path("hours"), problems);
            Overflow overflow = null;
            if (node.hasNonNull("overflow")) {
                JsonNode o = node.path("overflow");
                overflow = new Overflow(
                        o.path("afterMinutes").asInt(-1), o.path("toPool").asText(""));
                if (overflow.afterMinutes() < 1) {
                    problems.add("pool '" + id + "' overflow.afterMinutes must be >= 1");
                }
            }
            pools.add(new Pool(
                    id,
                    segment,
                    List.copyOf(poolTopics),
                    node.path("priority").asInt(5),
                    hours,
                    node.path("outOfHoursReply").asText(null),
                    overflow));
        }
        for (Pool pool : pools) {
            if (pool.overflow() != null
                    && (!poolIds.contains(pool.overflow().toPool())
                            || pool.overflow().toPool().equals(pool.id()))) {
                problems.add("pool '" + pool.id() + "' overflows to unknown pool '"
                        + pool.overflow().toPool() + "'");
            }
        }
        for (Segment segment : Segment.values()) {
            for (Topic topic : topics) {
                boolean served = pools.stream()
                        .anyMatch(p -> p.segment() == segment
                                && (p.topics().contains(topic.id())
                                        || p.topics().contains("*")));
                if (!served) {
                    problems.add("no pool serves segment " + segment + " topic '" + topic.id() + "'");
                }
            }
        }
        List<String> businessNumbers = new ArrayList<>();
        for (JsonNode number : root.path("businessNumbers")) {
            // R52: a BSUID (country code, dot, up to 128 alphanumerics; parent BSUIDs have ".ENT.") is kept as written
            String value = BSUID.matcher(number.asText()).matches()
                    ? number.asText()
                    : number.asText().replace("+", "").replace(" ", "");
            if (!value.matches("\\d{5,15}\\*?") && !BSUID.matcher(value).matches()) {
                problems.add("business number '" + number.asText()
                        + "' is neither digits (optionally ending in *) nor a BSUID (DE.1502576394655843)");
            }
            businessNumbers.add(value);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return new RoutingRules(
                zone,
                Set.copyOf(holidays),
                stickyDays,
                menu,
                List.copyOf(topics),
                List.copyOf(pools),
                List.copyOf(businessNumbers));
    }

    /** {@code hours: {mon-fri: "08:00-20:00", sat: "09:00-13:00,14:00-16:00"}}. */
    private static BusinessHours hours(String pool, JsonNode node, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return BusinessHours.ALWAYS;
        }
        Map<DayOfWeek, List<LocalTime[]>> opening = new EnumMap<>(DayOfWeek.class);
        node.fields().forEachRemaining(entry -> {
            List<DayOfWeek> days = days(entry.getKey());
            if (days.isEmpty()) {
                problems.add(
                        "pool '" + pool + "' hours key '" + entry.getKey() + "' is not a day or range like mon-fri");
                return;
            }
            for (String span : entry.getValue().asText().split(",")) {
                String[] parts = span.trim().split("-");
                try {
                    LocalTime from = LocalTime.parse(parts[0].trim());
                    LocalTime to = parts[1].trim().equals("24:00") ? LocalTime.MAX : LocalTime.parse(parts[1].trim());
                    if (!to.isAfter(from)) {
                        throw new DateTimeException("end before start");
                    }
                    for (DayOfWeek day : days) {
                        opening.computeIfAbsent(day, d -> new ArrayList<>()).add(new LocalTime[] {from, to});
                    }
                } catch (DateTimeException | ArrayIndexOutOfBoundsException e) {
                    problems.add("pool '" + pool + "' hours '" + span.trim() + "' is not HH:mm-HH:mm");
                }
            }
        });
        return new BusinessHours(opening);
    }

    private static List<DayOfWeek> days(String key) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : key.toLowerCase(Locale.ROOT).split(",")) {
            String[] range = part.trim().split("-");
            int from = DAYS.indexOf(range[0]);
            int to = range.length > 1 ? DAYS.indexOf(range[1]) : from;
            if (from < 0 || to < from || range.length > 2) {
                return List.of();
            }
            for (int i = from; i <= to; i++) {
                days.add(DayOfWeek.of(i + 1));
            }
        }
        return days;
    }

    private static String requiredText(JsonNode menu, String field, List<String> problems) {
        String text = menu.path(field).asText("");
        if (text.isBlank()) {
            problems.add("menu." + field + " is required");
        }
        return text;
    }
}
