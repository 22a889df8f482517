package io.carehub.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carehub.consent.ConsentOutcome;
import io.carehub.routing.RoutingRules.Pool;
import io.carehub.routing.RoutingRules.Segment;
import io.carehub.routing.RoutingRules.Topic;
import io.carehub.whatsapp.OutboundContent;
import io.carehub.whatsapp.OutboundMessages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * R20/R21: decides segment, topic and pool for a conversation whose messages passed the consent
 * gate, sends the menu when it cannot decide, and hands the conversation to its pool's queue.
 */
@Component("conversationRouter")
public class ConversationRouter {

    static final String POOL_HEADER = "carehubPool";
    static final String MENU_PREFIX = "menu:";
    private static final Logger LOG = LoggerFactory.getLogger(ConversationRouter.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final RoutingRulesSource rules;
    private final OutboundMessages outbound;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ConversationRouter(NamedParameterJdbcTemplate jdbc, RoutingRulesSource rules, OutboundMessages outbound,
            ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.outbound = outbound;
        this.mapper = mapper;
        this.clock = clock;
    }

    private record Conversation(long id, long contactId, String waId, String profileName, String routingState,
            String segment, String segmentSource, String topic, Instant menuSentAt) {
    }

    private record Released(String type, String text, String replyId) {
    }

    /** Returns the hand-off for the pool queue (header {@value #POOL_HEADER} set), or null when none is due. */
    @Handler
    public HandOff route(@Body ConsentOutcome outcome, Exchange exchange) {
        Conversation conversation = load(outcome.conversationId());
        if (outcome.retry() && "WAITING".equals(conversation.routingState())) {
            // the earlier attempt committed the routing but its hand-off may not have reached the queue;
            // desktops treat hand-offs idempotently by conversationId
            HandOff again = reissue(conversation.id(), null);
            exchange.getMessage().setHeader(POOL_HEADER, again.pool());
            return again;
        }
        if (!"NEW".equals(conversation.routingState()) && !"AWAITING_MENU".equals(conversation.routingState())) {
            return null; // already with a pool or an agent: they read the history
        }
        RoutingRules current = rules.current();
        String segment = conversation.segment();
        String source = conversation.segmentSource();
        String topic = conversation.topic();
        for (Released message : released(outcome.released())) {
            if ("interactive".equals(message.type()) && message.replyId() != null
                    && message.replyId().startsWith(MENU_PREFIX)) {
                String[] choice = message.replyId().split(":", 3); // menu:SEGMENT:topic
                if (choice.length == 3 && current.topic(choice[2]).isPresent()) {
                    if (!"LEGITIMATION".equals(source) && !"BUSINESS_NUMBER_LIST".equals(source)) {
                        segment = choice[1];
                        source = "MENU";
                    }
                    topic = choice[2];
                }
            } else if (topic == null && message.text() != null) {
                topic = detectTopic(current, message.text()).orElse(null);
            }
        }
        if (segment == null) {
            Optional<String> legitimated = jdbc.queryForList(
                    "select segment from customer_identity where contact_id = :contact",
                    Map.of("contact", conversation.contactId()), String.class).stream().findFirst();
            if (legitimated.isPresent()) {
                segment = legitimated.get();
                source = "LEGITIMATION";
            } else if (current.isBusinessNumber(conversation.waId())) {
                segment = Segment.BUSINESS.name();
                source = "BUSINESS_NUMBER_LIST";
            }
        }
        jdbc.update("update conversation set segment = :segment, segment_source = :source, topic = :topic where id = :id",
                new MapSqlParameterSource().addValue("segment", segment).addValue("source", source)
                        .addValue("topic", topic).addValue("id", conversation.id()));
        if (segment != null && topic != null) {
            HandOff handOff = handOff(conversation, current, Segment.valueOf(segment), source, topic);
            exchange.getMessage().setHeader(POOL_HEADER, handOff.pool());
            return handOff;
        }
        if (conversation.menuSentAt() == null) {
            outbound.sendIfAllowed(conversation.id(), menu(current, segment == null ? null : Segment.valueOf(segment)), "system");
            jdbc.update("update conversation set routing_state = 'AWAITING_MENU', menu_sent_at = :now where id = :id",
                    new MapSqlParameterSource().addValue("now", Timestamp.from(clock.instant())).addValue("id", conversation.id()));
            LOG.info("conversation {} awaits the menu choice (segment {}, topic {})", conversation.id(), segment, topic);
        }
        return null;
    }

    private HandOff handOff(Conversation conversation, RoutingRules current, Segment segment, String source, String topic) {
        Pool pool = current.poolFor(segment, topic).orElseThrow(() -> new IllegalStateException(
                "no pool for " + segment + "/" + topic + " although the rules were validated"));
        Instant now = clock.instant();
        boolean open = pool.hours().isOpen(now.atZone(current.timeZone()), current.holidays());
        String preferredAgent = jdbc.queryForList("""
                select assigned_agent from conversation
                 where contact_id = :contact and id <> :id and assigned_agent is not null and claimed_at >= :since
                 order by claimed_at desc limit 1""",
                new MapSqlParameterSource().addValue("contact", conversation.contactId()).addValue("id", conversation.id())
                        .addValue("since", Timestamp.from(now.minus(Duration.ofDays(current.stickyDays())))),
                String.class).stream().findFirst().orElse(null);
        jdbc.update("""
                update conversation set routing_state = 'WAITING', pool = :pool, priority = :priority, queued_at = :now,
                       preferred_agent = :preferred, assigned_agent = null
                 where id = :id""",
                new MapSqlParameterSource().addValue("pool", pool.id()).addValue("priority", pool.priority())
                        .addValue("now", Timestamp.from(now)).addValue("preferred", preferredAgent)
                        .addValue("id", conversation.id()));
        if (!open && pool.outOfHoursReply() != null) {
            int first = jdbc.update("""
                    update conversation set out_of_hours_sent_at = :now where id = :id and out_of_hours_sent_at is null""",
                    new MapSqlParameterSource().addValue("now", Timestamp.from(now)).addValue("id", conversation.id()));
            if (first == 1) {
                outbound.sendIfAllowed(conversation.id(), OutboundContent.text(pool.outOfHoursReply()), "system");
            }
        }
        LOG.info("conversation {} handed to pool {} (segment {} from {}, topic {}, {})", conversation.id(), pool.id(),
                segment, source, topic, open ? "open" : "out of hours");
        return new HandOff(conversation.id(), pool.id(), segment.name(), source, topic, pool.priority(),
                customer(conversation), preferredAgent, now, null, !open,
                "/api/conversations/" + conversation.id() + "/messages", botSummary(conversation.id()));
    }

    /** The hand-off of a conversation already in a pool (transfer, overflow), read from its row. */
    HandOff reissue(long conversationId, String overflowFrom) {
        Conversation conversation = load(conversationId);
        return jdbc.queryForObject("""
                select pool, segment, segment_source, topic, coalesce(priority, 5), preferred_agent, queued_at, bot_summary
                  from conversation where id = :id""", Map.of("id", conversationId),
                (rs, i) -> new HandOff(conversationId, rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), customer(conversation), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), overflowFrom, false,
                        "/api/conversations/" + conversationId + "/messages", rs.getString(8)));
    }

    private String botSummary(long conversationId) {
        return jdbc.queryForObject("select bot_summary from conversation where id = :id", Map.of("id", conversationId),
                String.class);
    }

    private HandOff.Customer customer(Conversation conversation) {
        return jdbc.query("""
                select salutation, name, customer_number, contract_number from customer_identity where contact_id = :contact""",
                Map.of("contact", conversation.contactId()),
                (rs, i) -> new HandOff.Customer(rs.getString(2) != null ? rs.getString(2) : conversation.profileName(),
                        conversation.waId(), true, rs.getString(1), rs.getString(3), rs.getString(4)))
                .stream().findFirst()
                .orElse(new HandOff.Customer(conversation.profileName(), conversation.waId(), false, null, null, null));
    }

    static Optional<String> detectTopic(RoutingRules rules, String text) {
        String lower = text.toLowerCase(Locale.GERMAN);
        for (Topic topic : rules.topics()) {
            for (String keyword : topic.keywords()) {
                if (lower.contains(keyword)) {
                    return Optional.of(topic.id());
                }
            }
        }
        return Optional.empty();
    }

    /** The interactive list: topics of the known segment, or both segments' topics as two sections. */
    OutboundContent menu(RoutingRules current, Segment known) {
        ObjectNode interactive = mapper.createObjectNode().put("type", "list");
        interactive.putObject("body").put("text", current.menu().text());
        ObjectNode action = interactive.putObject("action").put("button", current.menu().button());
        ArrayNode sections = action.putArray("sections");
        for (Segment segment : Segment.values()) {
            if (known != null && known != segment) {
                continue;
            }
            ObjectNode section = sections.addObject().put("title",
                    segment == Segment.PRIVATE ? current.menu().privateSection() : current.menu().businessSection());
            ArrayNode rows = section.putArray("rows");
            for (Topic topic : current.topics()) {
                rows.addObject().put("id", MENU_PREFIX + segment.name() + ":" + topic.id()).put("title", topic.title());
            }
        }
        return new OutboundContent("interactive", interactive);
    }

    private List<Released> released(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select type, text_body, details ->> 'id' from message where id in (:ids) order by sent_at, id""",
                Map.of("ids", ids), (rs, i) -> new Released(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    private Conversation load(long conversationId) {
        return jdbc.queryForObject("""
                select c.id, c.contact_id, k.wa_id, k.profile_name, c.routing_state, c.segment, c.segment_source, c.topic,
                       c.menu_sent_at
                  from conversation c join contact k on k.id = c.contact_id where c.id = :id""",
                Map.of("id", conversationId), (rs, i) -> new Conversation(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()));
    }
}
