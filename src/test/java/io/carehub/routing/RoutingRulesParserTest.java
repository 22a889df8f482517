package io.carehub.routing;

import static io.carehub.routing.RoutingRulesFile.builtInRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.carehub.routing.RoutingRulesParser.InvalidRulesException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R21: each validation of a routing-rules file, one test per rule. Every broken file is the built-in one with one
 * change, and the parser must name exactly that problem (plus, where one is implied, its named consequence).
 */
class RoutingRulesParserTest {

    private final RoutingRulesParser parser = new RoutingRulesParser();

    @Test
    void builtInRulesAreValid() throws InvalidRulesException {
        RoutingRules rules = parser.parse(builtInRules().getBytes(StandardCharsets.UTF_8));

        assertThat(rules.pools())
                .extracting(RoutingRules.Pool::id)
                .containsExactly("private-billing", "private-general", "business");
        assertThat(rules.topics())
                .extracting(RoutingRules.Topic::id)
                .containsExactly("billing", "technical", "contract");
    }

    @Test
    void fileThatIsNotYamlIsRejected() {
        assertThat(problems("pools: [ this is not: valid"))
                .singleElement()
                .asString()
                .startsWith("not valid YAML: ");
    }

    @Test
    void fileThatIsNotAMappingIsRejected() {
        assertThat(problems("- billing\n- technical\n")).containsExactly("the rules file must be a YAML mapping");
    }

    @Test
    void unknownTimeZoneIsRejected() {
        assertThat(problems(edit("timeZone: Europe/Berlin", "timeZone: Europe/Atlantis")))
                .containsExactly("timeZone 'Europe/Atlantis' is not a time zone");
    }

    @Test
    void holidayThatIsNotAnIsoDateIsRejected() {
        assertThat(problems(edit("2026-12-24,", "2026-24-12,")))
                .containsExactly("holiday '2026-24-12' is not an ISO date (yyyy-MM-dd)");
    }

    @Test
    void negativeStickyDaysAreRejected() {
        assertThat(problems(edit("stickyDays: 14", "stickyDays: -1"))).containsExactly("stickyDays must be >= 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "button", "privateSection", "businessSection"})
    void menuWithoutACustomerFacingTextIsRejected(String field) {
        String withoutField = builtInRules().replaceFirst("(?m)^  " + field + ": .*\\n", "");
        assertThat(withoutField).as("built-in rules without menu.%s", field).isNotEqualTo(builtInRules());

        assertThat(problems(withoutField)).containsExactly("menu." + field + " is required");
    }

    @Test
    void menuButtonLongerThanWhatsAppAllowsIsRejected() {
        assertThat(problems(edit("button: \"Thema wählen\"", "button: \"Bitte wählen Sie ein Thema\"")))
                .containsExactly("menu.button must be at most 20 characters (WhatsApp list button)");
    }

    @Test
    void topicWithoutIdIsRejected() {
        assertThat(problems(edit("  - id: contract\n    title: Vertrag", "  - title: Vertrag")))
                .containsExactly("topic id '' is missing or not unique");
    }

    @Test
    void topicIdUsedTwiceIsRejected() {
        assertThat(problems(edit("  - id: technical", "  - id: billing")))
                .containsExactly("topic id 'billing' is missing or not unique");
    }

    @Test
    void topicTitleLongerThanAWhatsAppListRowIsRejected() {
        assertThat(problems(edit("title: Technik", "title: Technische Störungen und Fragen")))
                .containsExactly("topic 'technical' title longer than 24 characters (WhatsApp list row)");
    }

    @Test
    void rulesWithoutTopicsAreRejected() {
        String noTopics = builtInRules()
                .replaceFirst("(?s)\ntopics:\n.*?\n\n", "\ntopics: []\n\n")
                .replace("topics: [billing]", "topics: [\"*\"]");
        assertThat(noTopics).contains("\ntopics: []\n");

        assertThat(problems(noTopics)).containsExactly("at least one topic is required");
    }

    @Test
    void moreTopicsThanTheWhatsAppMenuHoldsAreRejected() {
        String sixTopics = edit(
                "    keywords: [vertrag, kündig, tarif, umzug, verlänger]\n",
                "    keywords: [vertrag, kündig, tarif, umzug, verlänger]\n"
                        + "  - id: roaming\n    title: Roaming\n"
                        + "  - id: devices\n    title: Geräte\n"
                        + "  - id: moving\n    title: Umzug\n");

        assertThat(problems(sixTopics))
                .containsExactly("at most 5 topics fit the WhatsApp menu (two segments × topics ≤ 10 rows)");
    }

    @Test
    void poolIdUsedTwiceIsRejected() {
        assertThat(problems(edit("  - id: business", "  - id: private-general")))
                .containsExactly("pool id 'private-general' is missing, not unique or not lowercase [a-z0-9-]"
                        + " (it names a queue)");
    }

    @Test
    void poolIdThatCannotNameAQueueIsRejected() {
        assertThat(problems(edit("  - id: business", "  - id: Business Pool")))
                .containsExactly(
                        "pool id 'Business Pool' is missing, not unique or not lowercase [a-z0-9-] (it names a queue)");
    }

    @Test
    void poolWithoutAKnownSegmentIsRejected() {
        // the business pool is the only one for business customers: its topics are then unserved too
        assertThat(problems(edit("segment: BUSINESS", "segment: VIP")))
                .containsExactly(
                        "pool 'business' segment must be PRIVATE or BUSINESS",
                        "no pool serves segment BUSINESS topic 'billing'",
                        "no pool serves segment BUSINESS topic 'technical'",
                        "no pool serves segment BUSINESS topic 'contract'");
    }

    @Test
    void poolNamingAnUnknownTopicIsRejected() {
        assertThat(problems(edit("topics: [billing]", "topics: [billing, roaming]")))
                .containsExactly("pool 'private-billing' names unknown topic 'roaming'");
    }

    @Test
    void poolWithoutTopicsIsRejected() {
        assertThat(problems(edit("topics: [billing]", "topics: []")))
                .containsExactly("pool 'private-billing' needs topics (or \"*\" for all)");
    }

    @Test
    void hoursKeyThatIsNotADayIsRejected() {
        assertThat(problems(edit("{mon-fri: \"08:00-20:00\", sat:", "{mon-fry: \"08:00-20:00\", sat:")))
                .containsExactly("pool 'private-billing' hours key 'mon-fry' is not a day or range like mon-fri");
    }

    @Test
    void hoursThatAreNotATimeSpanAreRejected() {
        assertThat(problems(edit("sat: \"09:00-16:00\"", "sat: \"16:00-09:00\"")))
                .containsExactly("pool 'private-billing' hours '16:00-09:00' is not HH:mm-HH:mm");
        assertThat(problems(edit("sat: \"09:00-16:00\"", "sat: \"9 bis 16 Uhr\"")))
                .containsExactly("pool 'private-billing' hours '9 bis 16 Uhr' is not HH:mm-HH:mm");
    }

    @Test
    void overflowWithoutAPositiveWaitIsRejected() {
        assertThat(problems(edit("afterMinutes: 10", "afterMinutes: 0")))
                .containsExactly("pool 'private-billing' overflow.afterMinutes must be >= 1");
    }

    @Test
    void overflowToAnUnknownPoolOrToItselfIsRejected() {
        assertThat(problems(edit("toPool: private-general", "toPool: does-not-exist")))
                .containsExactly("pool 'private-billing' overflows to unknown pool 'does-not-exist'");
        assertThat(problems(edit("toPool: private-general", "toPool: private-billing")))
                .containsExactly("pool 'private-billing' overflows to unknown pool 'private-billing'");
    }

    @Test
    void segmentAndTopicThatNoPoolServesAreRejected() {
        assertThat(problems(edit("segment: BUSINESS", "segment: PRIVATE")))
                .containsExactly(
                        "no pool serves segment BUSINESS topic 'billing'",
                        "no pool serves segment BUSINESS topic 'technical'",
                        "no pool serves segment BUSINESS topic 'contract'");
    }

    @Test
    void businessNumberThatIsNotDigitsIsRejected() {
        assertThat(problems(edit("businessNumbers: []", "businessNumbers: [\"0800-CALL-ME\"]")))
                .containsExactly(
                        "business number '0800-CALL-ME' is neither digits (optionally ending in *) nor a BSUID (DE.1502576394655843)");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String twoProblems = builtInRules()
                .replace("stickyDays: 14", "stickyDays: -1")
                .replace("afterMinutes: 10", "afterMinutes: 0");

        assertThat(problems(twoProblems))
                .containsExactly(
                        "stickyDays must be >= 0", "pool 'private-billing' overflow.afterMinutes must be >= 1");
    }

    /** The built-in rules with the first {@code original} replaced; fails if the built-in rules lack it. */
    private static String edit(String original, String replacement) {
        String rules = builtInRules();
        int at = rules.indexOf(original);
        assertThat(at).as("built-in rules contain %s", original).isNotNegative();
        return rules.substring(0, at) + replacement + rules.substring(at + original.length());
    }

    private List<String> problems(String yaml) {
        try {
            parser.parse(yaml.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidRulesException rejected) {
            return rejected.problems;
        }
        return fail("rules accepted:%n%s", yaml);
    }
}
