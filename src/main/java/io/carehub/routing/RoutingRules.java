package io.carehub.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * R20/R21: the routing rules ops edit in a YAML file (see routing-rules.yaml). Immutable; a new
 * file is validated into a new instance before it replaces the old one.
 */
public record RoutingRules(
        ZoneId timeZone,
        Set<LocalDate> holidays,
        int stickyDays,
        Menu menu,
        List<Topic> topics,
        List<Pool> pools,
        List<String> businessNumbers) {

    public enum Segment {
        PRIVATE,
        BUSINESS
    }

    public record Menu(String text, String button, String privateSection, String businessSection) {}

    /** A topic/skill, detected from the menu choice or from keywords in the customer's text. */
    public record Topic(String id, String title, List<String> keywords) {}

    public record Overflow(int afterMinutes, String toPool) {}

    public record Pool(
            String id,
            Segment segment,
            List<String> topics,
            int priority,
            BusinessHours hours,
            String outOfHoursReply,
            Overflow overflow) {

        boolean serves(Segment segment, String topic) {
            return this.segment == segment && topics.contains(topic);
        }

        boolean servesAnyTopic(Segment segment) {
            return this.segment == segment && topics.contains("*");
        }
    }

    /** Opening hours per day of week; public holidays and the file's extra closed days are closed. */
    public record BusinessHours(Map<DayOfWeek, List<LocalTime[]>> opening) {

        public static final BusinessHours ALWAYS = new BusinessHours(Map.of());

        boolean isOpen(ZonedDateTime at, Predicate<LocalDate> closedDay) {
            if (opening.isEmpty()) {
                return true; // no hours configured: always open
            }
            if (closedDay.test(at.toLocalDate())) {
                return false;
            }
            LocalTime time = at.toLocalTime();
            for (LocalTime[] span : opening.getOrDefault(at.getDayOfWeek(), List.of())) {
                if (!time.isBefore(span[0]) && time.isBefore(span[1])) {
                    return true;
                }
            }
            return false;
        }
    }

    Optional<Pool> pool(String id) {
        return pools.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    Optional<Topic> topic(String id) {
        return topics.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The pool for a segment and topic: a pool naming the topic, else the segment's catch-all pool. */
    Optional<Pool> poolFor(Segment segment, String topic) {
        return pools.stream()
                .filter(p -> p.serves(segment, topic))
                .findFirst()
                .or(() -> pools.stream().filter(p -> p.servesAnyTopic(segment)).findFirst());
    }

    /** R20: whether the phone number is on the business-number list. */
    public boolean isBusinessNumber(String waId) {
        return isBusinessNumber(waId, null);
    }

    /** R20/R52: the list may hold phone numbers (a trailing {@code *} matches a prefix) and BSUIDs. */
    public boolean isBusinessNumber(String waId, String userId) {
        for (String entry : businessNumbers) {
            for (String id : new String[] {waId, userId}) {
                if (id != null
                        && (entry.endsWith("*")
                                ? id.startsWith(entry.substring(0, entry.length() - 1))
                                : id.equals(entry))) {
                    return true;
                }
            }
        }
        return false;
    }
}
